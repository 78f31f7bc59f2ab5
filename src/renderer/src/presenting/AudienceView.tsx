// What the room sees: the slide and nothing else (no notes, no controls).
// The slide main pushes goes to reveal.js straight from the push handler
// (before React renders), and only when its revision is not older than the
// one on screen. After the end: a closing slide with thanks and the date of
// the group's next meeting.

import { useCallback, useRef } from 'react';
import { Deck } from '../deck/Deck';
import type { Presenting } from './usePresenting';
import { AudienceWorkFormat } from '../workformats/AudienceWorkFormat';
import { onPush } from '../api/client';
import { currentSlideIndex } from '../../../shared/presenting/current';
import { formatClock } from '../../../shared/presenting/clock';
import { useChannel } from '../ui/hooks';
import { longDate } from '../ui/format';
import { useProjectorOptions } from './projectorOptions';
import { AudienceJoin, useJoinMode } from './AudienceJoin';
import '../workformats/audience.css';

function EndSlide({ sessionId }: { sessionId: number }) {
  // One audience-safe read (the audience window may not list sessions).
  const closing = useChannel('presenting:closing', { sessionId }, ['sessions']);
  const c = closing.data;
  return (
    <div className="audience-end" data-end-slide>
      <h1>Bedankt!</h1>
      {c ? <p>{c.moduleTitle}</p> : null}
      {c?.next ? (
        <p data-next-meeting={c.next.date}>
          Volgende bijeenkomst: {longDate(c.next.date)}
          {c.next.startTime ? ` om ${c.next.startTime}` : ''}
        </p>
      ) : null}
    </div>
  );
}

export function AudienceView({ p, hint }: { p: Presenting; hint?: string }) {
  const sessionId = p.state?.sessionId ?? 0;
  const shown = useRef(0);
  const [projector] = useProjectorOptions(sessionId);
  const follow = useCallback(
    (apply: (index: number) => void) =>
      onPush('presenting:changed', (s) => {
        if (s.sessionId !== sessionId || s.revision < shown.current) return;
        shown.current = s.revision;
        if (s.events.length > 0) apply(currentSlideIndex(s));
      }),
    [sessionId],
  );
  const status = p.clock?.status;
  const waiting = status === 'niet_gestart';
  const ended = status === 'afgelopen';
  const normal = p.state?.screen === 'normaal';
  const slideId = !waiting && !ended ? (p.order[p.index]?.slideId ?? null) : null;
  // Phones (issue 16): the join code, while a phone question is open here or on a join moment.
  const join = useJoinMode(sessionId, slideId, projector.phoneJoin, normal && !ended);
  if (!p.view || !p.state || !p.clock) return <div className="presenting" />;
  return (
    <div
      className={`presenting presenting-full audience${join.mode === 'strip' ? ' audience-joining' : ''}`}
      data-status={status}
      data-index={p.index}
      data-screen={p.state.screen}
      data-revision={p.state.revision}
    >
      <Deck
        module={p.view.module}
        agenda={p.state.agenda}
        index={waiting ? 0 : p.index}
        blank={p.state.screen === 'normaal' ? null : p.state.screen}
        label="Publieksscherm"
        follow={follow}
      />
      {ended && normal ? <EndSlide sessionId={sessionId} /> : null}
      {!waiting && !ended && p.order[p.index] && normal ? (
        <AudienceWorkFormat sessionId={p.state.sessionId} slideId={p.order[p.index]!.slideId} narrowed={join.mode === 'strip'} />
      ) : null}
      {projector.blockClock && !waiting && !ended && normal ? (
        <p className={`audience-block-clock block-${p.clock.blockWarning}`} role="timer" aria-label="Tijd voor dit blok">
          {formatClock(p.clock.blockRemainingMs)}
        </p>
      ) : null}
      {join.mode && join.status?.url ? (
        <AudienceJoin mode={join.mode} url={join.status.url} roomCode={join.status.roomCode} qrSvg={join.status.qrSvg} />
      ) : null}
      {hint ? <p className="audience-hint">{hint}</p> : null}
    </div>
  );
}
