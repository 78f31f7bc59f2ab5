// Sending one answer: at most one request in flight (a double tap sends once),
// safe retries for answers that replace the phone's earlier one, and a status
// line a screen reader announces.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PhoneAnswer, PhonePrompt } from '../../src/shared/phone';
import { postAnswer, type SendResult } from './api';
import type { RoomMemory, SavedStatus } from './room';

export type OpenPrompt = Extract<PhonePrompt, { state: 'open' }>;

export interface AnswerContext {
  room: string;
  memory: RoomMemory;
  prompt: OpenPrompt;
  /** Where this question's last answer is remembered (question key plus brainstorm phase). */
  key: string;
}

export type SendView =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'saved'; status: SavedStatus }
  | { kind: 'refused'; error: string }
  | { kind: 'invalid'; error: string }
  | { kind: 'offline'; retrying: boolean };

/** Waits between automatic retries after a network failure (then the user can try again). */
const RETRY_WAITS_MS = [1000, 2000, 4000, 8000];

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `retry`: answers that replace this phone's earlier answer (one per device) are safe to
 * send again when the reply got lost; a card is not (it would arrive twice), so a card
 * is only sent again when the user asks.
 */
export function useSend(ctx: AnswerContext, retry: boolean, initial: SendView = { kind: 'idle' }) {
  const [view, setView] = useState<SendView>(initial);
  const busy = useRef(false);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false; // the question changed or closed: stop retrying
    },
    [],
  );
  const { room, memory, prompt } = ctx;

  const send = useCallback(
    async (answer: PhoneAnswer): Promise<SendResult | null> => {
      // A ref, not state: two taps within one frame both run before any re-render.
      if (busy.current) return null;
      busy.current = true;
      setView({ kind: 'sending' });
      try {
        for (let attempt = 0; ; attempt += 1) {
          const result = await postAnswer(room, memory.device, prompt.question, answer);
          if (!alive.current) return null;
          const waitMs = RETRY_WAITS_MS[attempt];
          if (result.kind === 'network' && retry && waitMs !== undefined) {
            setView({ kind: 'offline', retrying: true });
            await wait(waitMs);
            if (!alive.current) return null;
            setView({ kind: 'sending' });
            continue;
          }
          if (result.kind === 'ok') setView({ kind: 'saved', status: result.status });
          else if (result.kind === 'refused') setView({ kind: 'refused', error: result.error });
          else setView({ kind: 'offline', retrying: false });
          return result;
        }
      } finally {
        busy.current = false;
      }
    },
    [room, memory, prompt.question, retry],
  );

  const invalid = useCallback((error: string) => setView({ kind: 'invalid', error }), []);
  return { view, send, invalid, sending: view.kind === 'sending' || (view.kind === 'offline' && view.retrying) };
}

export interface StatusWords {
  /** After 'opgeslagen'. */
  saved: string;
  /** After 'wacht-op-begeleider'. */
  waiting: string;
  /** After a network failure without (further) retry. */
  offline: string;
}

export const ANSWER_WORDS: StatusWords = {
  saved: 'Je antwoord is opgeslagen. Je kunt het nog wijzigen zolang de vraag openstaat.',
  waiting: 'Je antwoord is opgeslagen. Wat je schreef wacht op de begeleider, die het eerst leest. Wijzigen kan zolang de vraag openstaat.',
  offline: 'Geen verbinding met de laptop van de begeleider: je antwoord is nog niet verstuurd. Controleer de wifi en probeer het opnieuw.',
};

/** The status under a form. Always rendered (also when empty), so screen readers announce each change. */
export function SendStatus({ view, words }: { view: SendView; words: StatusWords }) {
  const problem = view.kind === 'refused' || view.kind === 'invalid' || (view.kind === 'offline' && !view.retrying);
  let text = '';
  if (view.kind === 'sending') text = 'Versturen…';
  else if (view.kind === 'saved') text = view.status === 'opgeslagen' ? words.saved : words.waiting;
  else if (view.kind === 'refused' || view.kind === 'invalid') text = view.error;
  else if (view.kind === 'offline') text = view.retrying ? 'Geen verbinding met de laptop van de begeleider. We proberen het zo opnieuw…' : words.offline;
  return (
    <div class={`status${problem ? ' status-probleem' : ''}${view.kind === 'saved' ? ' status-ok' : ''}`} role="status" aria-live="polite">
      {view.kind === 'saved' ? <span aria-hidden="true">✓ </span> : null}
      {text}
    </div>
  );
}
