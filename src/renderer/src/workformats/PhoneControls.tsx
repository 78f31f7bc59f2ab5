// The phone side of one work-format run in the presenter's panel (issue 16):
// open or close the question for phones (for a brainstorm also its dot
// voting), how many answers came from phones, and the moderation queue:
// free text from phones (cards, arguments, words) waits here until the
// facilitator lets it through, and only then counts in the results the room
// sees. The queue lives only in the presenter view; the audience never gets
// pending entries (main leaves them out of its results).

import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { channelKey } from '../api/queries';
import { useChannel } from '../ui/hooks';
import { keysBackAfterClick } from '../presenting/focus';
import { PHONE_FORMAT_TYPES, type PhoneFormatType } from '../../../shared/phone';
import type { WorkFormat, WorkFormatType } from '../../../shared/module-format';
import type { EntryView, PhoneState, RunView } from '../../../shared/work-formats';
import './phone-controls.css';

type Run = <T>(action: (run: RunView) => Promise<T>) => Promise<T | undefined>;

export function isPhoneFormat(type: WorkFormatType): type is PhoneFormatType {
  return (PHONE_FORMAT_TYPES as readonly string[]).includes(type);
}

const STATE_LABELS: Record<PhoneState, string> = {
  off: 'Niet open voor telefoons',
  open: 'Open voor telefoons',
  voting: 'Stippen verdelen via telefoon',
  closed: 'Dicht voor telefoons',
};

/** What phones contributed that counts (let through), in words. */
function phoneTally(type: WorkFormatType, entries: EntryView[]): { text: string; n: number } {
  const counted = entries.filter((e) => e.source === 'phone' && !e.pending);
  if (type === 'brainstorm') {
    const cards = counted.filter((e) => e.kind === 'card').length;
    const dots = counted.filter((e) => e.kind === 'vote').reduce((sum, e) => sum + (Number(e.payload.dots) || 0), 0);
    return { text: `${cards} ${cards === 1 ? 'kaart' : 'kaarten'} · ${dots} ${dots === 1 ? 'stip' : 'stippen'}`, n: counted.length };
  }
  const args = counted.filter((e) => e.kind === 'argument').length;
  const answers = counted.length - args;
  return {
    text: `${answers} ${answers === 1 ? 'antwoord' : 'antwoorden'}${args > 0 ? ` · ${args} ${args === 1 ? 'argument' : 'argumenten'}` : ''}`,
    n: counted.length,
  };
}

/** Formats where phones send free text, which waits for the facilitator. */
function takesText(format: WorkFormat): boolean {
  if (format.type === 'check-in' || format.type === 'check-out') return format.answerKind !== 'score';
  return format.type === 'brainstorm' || format.type === 'stelling';
}

export function PhoneControls({ sessionId, format, view, run }: { sessionId: number; format: WorkFormat; view: RunView | null; run: Run }) {
  const type = format.type;
  const lan = useChannel('lan:status', { sessionId });
  const running = Boolean(lan.data?.running && lan.data.sessionId === sessionId);
  const state: PhoneState = view?.run.phoneState ?? 'off';
  const entries = view?.entries ?? [];
  const pending = entries.filter((e) => e.pending);
  const tally = phoneTally(type, entries);
  const live = state === 'open' || state === 'voting';
  const setState = (next: PhoneState) => run((r) => api('runs:phones', { runId: r.run.id, state: next }));

  if (!isPhoneFormat(type)) return null;
  // Nothing to say about phones on a run they never touched while the server is off: keep the panel quiet.
  if (!running && !live && tally.n === 0 && pending.length === 0) {
    return (
      <p className="phone-off muted-dark" data-phone-state="uit">
        Telefoons: uit (zet ze aan in de tab Telefoons)
      </p>
    );
  }
  return (
    // A mouse click gives the keys back to the slides: a Space meant for the next slide must never
    // close the question or let the next card through.
    <section className="phone-controls" aria-label="Telefoons bij deze werkvorm" data-phone-state={state} onClick={keysBackAfterClick}>
      <div className="phone-row">
        <span className={`phone-state phone-state-${state}`}>{STATE_LABELS[state]}</span>
        <span className="muted-dark" data-phone-answers={tally.n}>
          Van telefoons: {tally.text}
        </span>
        <span className="phone-buttons">
          {live ? (
            <button type="button" onClick={() => void setState('closed')}>
              Sluit voor telefoons
            </button>
          ) : (
            <button type="button" disabled={!running} onClick={() => void setState('open')}>
              Open voor telefoons
            </button>
          )}
          {type === 'brainstorm' && state !== 'voting' ? (
            <button type="button" disabled={!running} onClick={() => void setState('voting')}>
              Stippen verdelen via telefoon
            </button>
          ) : null}
          {type === 'brainstorm' && state === 'voting' ? (
            <button type="button" onClick={() => void setState('open')}>
              Terug naar kaarten
            </button>
          ) : null}
        </span>
      </div>
      {!running && !live ? <p className="muted-dark phone-note">Zet eerst Deelnemen via telefoon aan (tab Telefoons).</p> : null}
      {takesText(format) || pending.length > 0 ? <ModerationQueue pending={pending} run={run} /> : null}
    </section>
  );
}

function entryText(e: EntryView): string {
  return String(e.payload.text ?? '');
}

/**
 * Pending phone text, oldest first, each with Toelaten / Weigeren. After a
 * decision the focus moves to the next waiting item (or the queue's heading),
 * so a keyboard user works through the queue with Tab, Enter and Space.
 */
function ModerationQueue({ pending, run }: { pending: EntryView[]; run: Run }) {
  const client = useQueryClient();
  const list = useRef<HTMLElement>(null);
  const [focusNext, setFocusNext] = useState<number | 'kop' | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    if (focusNext === null || !list.current) return;
    const target =
      focusNext === 'kop'
        ? list.current.querySelector<HTMLElement>('[data-queue-heading]')
        : list.current.querySelector<HTMLElement>(`[data-moderate="${focusNext}"] button`);
    if (target) {
      target.focus();
      setFocusNext(null);
    }
  }, [focusNext, pending]);

  /** byKeyboard: pressed with Enter or Space (click detail 0); a mouse click gave the keys back to the slides. */
  const decide = async (entry: EntryView, allow: boolean, byKeyboard: boolean) => {
    const at = pending.findIndex((e) => e.id === entry.id);
    const next = pending[at + 1] ?? pending[at - 1];
    const hadFocus = byKeyboard && (list.current?.contains(document.activeElement) ?? false);
    setBusy(entry.id);
    const view = await run(() => api('entries:moderate', { entryId: entry.id, allow }));
    setBusy(null);
    if (!view) return;
    // Show the decision at once; main's push refetches the same run anyway.
    client.setQueryData(channelKey('runs:results', { runId: view.run.id, audience: false }), view);
    if (hadFocus) setFocusNext(next ? next.id : 'kop');
  };

  return (
    <section className="phone-queue" aria-label="Wacht op toelating" ref={list}>
      <h3 tabIndex={-1} data-queue-heading>
        {pending.length === 0 ? 'Niets wacht op toelating' : `Wacht op toelating (${pending.length})`}
      </h3>
      {pending.length > 0 ? (
        <>
          <p className="muted-dark phone-note">Pas na Toelaten telt dit mee en komt het op het scherm.</p>
          <ol>
            {pending.map((e) => {
              const text = entryText(e);
              const side = typeof e.payload.side === 'string' ? e.payload.side : null;
              return (
                <li key={e.id} data-moderate={e.id}>
                  <span className="phone-queue-text">
                    {side ? <span className="phone-queue-side">{side}: </span> : null}
                    {text}
                  </span>
                  <span className="phone-queue-buttons">
                    <button type="button" className="primary" disabled={busy === e.id} aria-label={`Toelaten: ${text}`} onClick={(ev) => void decide(e, true, ev.detail === 0)}>
                      Toelaten
                    </button>
                    <button type="button" disabled={busy === e.id} aria-label={`Weigeren: ${text}`} onClick={(ev) => void decide(e, false, ev.detail === 0)}>
                      Weigeren
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
