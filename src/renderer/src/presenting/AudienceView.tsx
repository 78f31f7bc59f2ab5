// What the room sees: the slide and nothing else (no notes, no controls).

import { Deck } from '../deck/Deck';
import type { Presenting } from './usePresenting';
import { AudienceWorkFormat } from '../workformats/AudienceWorkFormat';

export function AudienceView({ p, hint }: { p: Presenting; hint?: string }) {
  if (!p.view || !p.state || !p.clock) return <div className="presenting" />;
  const waiting = p.clock.status === 'niet_gestart';
  return (
    <div className="presenting presenting-full audience" data-status={p.clock.status} data-index={p.index}>
      <Deck
        module={p.view.module}
        agenda={p.state.agenda}
        index={waiting ? 0 : p.index}
        blank={p.state.screen === 'normaal' ? null : p.state.screen}
        label="Publieksscherm"
      />
      {!waiting && p.order[p.index] && p.state.screen === 'normaal' ? (
        <AudienceWorkFormat sessionId={p.state.sessionId} slideId={p.order[p.index]!.slideId} />
      ) : null}
      {hint ? <p className="audience-hint">{hint}</p> : null}
    </div>
  );
}
