// Presenting state for one session: main owns it (events in SQLite); this
// hook loads it, follows what main pushes, and ticks a clock corrected for
// the difference between main's clock and this window's.
//
// The agenda is the cached ['agenda:get', {sessionId}] read (shared with the
// agenda editor). The state is cached under ['presenting:state', {sessionId}]
// and only ever replaced by a state with a newer revision (PresentingState.revision),
// so a late answer to the first load cannot undo a slide change pushed meanwhile.

import { useCallback, useEffect, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, onPush } from '../api/client';
import { channelKey, channelQuery } from '../api/queries';
import type { AgendaView, PresentingCommand, PresentingState } from '../../../shared/channels/presenting';
import { agendaSlides } from '../../../shared/presenting/agenda';
import { foldClock, type ClockState } from '../../../shared/presenting/clock';

export interface Presenting {
  view: AgendaView | undefined;
  state: PresentingState | undefined;
  clock: ClockState | undefined;
  /** Slides in agenda order, with the agenda item they belong to. */
  order: { itemKey: string; slideId: string }[];
  /** Index of the current slide in `order` (0 before the start). */
  index: number;
  error: string | null;
  send: (command: PresentingCommand) => Promise<void>;
}

/** A state with the offset between main's clock and this window's at the moment it arrived. */
interface Received {
  state: PresentingState;
  offset: number;
}

const stateKey = (sessionId: number) => channelKey('presenting:state', { sessionId });

/** Applies a state only when it is not older than the one shown (see PresentingState.revision). */
export function isNewer(incoming: { revision: number }, shown: number): boolean {
  return incoming.revision >= shown;
}

/** The same state again (the push and the command's answer both bring it): nothing to re-render. */
function sameState(a: PresentingState, b: PresentingState): boolean {
  return (
    a.revision === b.revision &&
    a.screen === b.screen &&
    a.events.length === b.events.length &&
    JSON.stringify(a.agenda) === JSON.stringify(b.agenda)
  );
}

/** Keeps the newer of what is cached and what arrived. */
function accept(client: QueryClient, sessionId: number, state: PresentingState): Received {
  const current = client.getQueryData<Received>(stateKey(sessionId));
  if (current && (!isNewer(state, current.state.revision) || sameState(state, current.state))) return current;
  const received = { state, offset: state.serverNow - Date.now() };
  client.setQueryData(stateKey(sessionId), received);
  return received;
}

/** The state only moves the slide on (one more 'goto' event, nothing else changed). */
function onlySlideMoved(shown: PresentingState | undefined, s: PresentingState): boolean {
  return (
    shown !== undefined &&
    shown.screen === s.screen &&
    shown.events.length > 0 &&
    s.events.length === shown.events.length + 1 &&
    s.events[s.events.length - 1]!.type === 'goto'
  );
}

/**
 * Runs `fn` once the next frame has been painted (a frame callback, then a task after it), or after
 * 100 ms in a window that gets no frames (hidden or minimised).
 */
function afterNextPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => window.setTimeout(run, 0));
  window.setTimeout(run, 100);
}

/**
 * afterPaint: a state that only moves the slide reaches React after the next frame. In the
 * audience the slide is on screen by then (AudienceView hands it to reveal.js in the push
 * handler), so re-rendering the view no longer delays the frame that shows it; in the presenter
 * it leaves the first frame's work to the room's screen, which shares the laptop's CPU
 * (bench/presenting.bench.ts). A state that changes anything else (black or white screen,
 * pause, start, end) is applied at once, so keys read the current state.
 */
export function usePresenting(sessionId: number, tickMs = 1000, resyncMs = 0, afterPaint = false): Presenting {
  const client = useQueryClient();
  const [commandError, setCommandError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  // A state from a push or a command's answer: at once, or after the next paint (see afterPaint).
  const receive = useCallback(
    (s: PresentingState) => {
      const shown = client.getQueryData<Received>(stateKey(sessionId))?.state;
      if (afterPaint && onlySlideMoved(shown, s)) afterNextPaint(() => accept(client, sessionId, s));
      else accept(client, sessionId, s);
    },
    [client, sessionId, afterPaint],
  );

  const agenda = useQuery(channelQuery('agenda:get', { sessionId }));
  const presenting = useQuery({
    queryKey: stateKey(sessionId),
    queryFn: async () => accept(client, sessionId, await api('presenting:state', { sessionId })),
    // Pushed by main on every change; never refetched on its own.
    staleTime: Infinity,
  });

  useEffect(() => {
    const off = onPush('presenting:changed', (s) => {
      if (s.sessionId !== sessionId) return;
      receive(s);
      setCommandError(null);
    });
    const timer = window.setInterval(() => setNow(Date.now()), tickMs);
    // After a reconnect, a reload or a hidden window: ask for the current state (a missed push
    // is then caught up; the revision drops anything older).
    let alive = true;
    const resync = () => {
      if (document.visibilityState !== 'visible') return;
      api('presenting:state', { sessionId }).then((s) => alive && accept(client, sessionId, s), () => {});
    };
    window.addEventListener('online', resync);
    window.addEventListener('focus', resync);
    document.addEventListener('visibilitychange', resync);
    const resyncTimer = resyncMs > 0 ? window.setInterval(resync, resyncMs) : 0;
    return () => {
      alive = false;
      off();
      window.clearInterval(timer);
      window.clearInterval(resyncTimer);
      window.removeEventListener('online', resync);
      window.removeEventListener('focus', resync);
      document.removeEventListener('visibilitychange', resync);
    };
  }, [sessionId, tickMs, resyncMs, receive, client]);

  const send = useCallback(
    (command: PresentingCommand) =>
      api('presenting:command', { sessionId, command }).then(
        (s) => {
          receive(s);
          setCommandError(null);
        },
        (e: Error) => setCommandError(e.message),
      ),
    [sessionId, receive],
  );

  const state = presenting.data?.state;
  const offset = presenting.data?.offset ?? 0;
  const clock = state ? foldClock(state.agenda, state.events, now + offset) : undefined;
  const order = state ? agendaSlides(state.agenda) : [];
  const index = clock?.current ? Math.max(0, order.findIndex((s) => s.slideId === clock.current!.slideId)) : 0;
  const error = commandError ?? agenda.error?.message ?? presenting.error?.message ?? null;
  return { view: agenda.data, state, clock, order, index, error, send };
}
