// Presenting state for one session: main owns it (events in SQLite); this
// hook loads it, follows what main pushes, and ticks a clock corrected for
// the difference between main's clock and this window's.

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, onPush } from '../api/client';
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

/** Applies a state only when it is not older than the one shown (see PresentingState.revision). */
export function isNewer(incoming: { revision: number }, shown: number): boolean {
  return incoming.revision >= shown;
}

export function usePresenting(sessionId: number, tickMs = 1000, resyncMs = 0): Presenting {
  const [view, setView] = useState<AgendaView>();
  const [state, setState] = useState<PresentingState>();
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const offset = useRef(0);
  const revision = useRef(0);

  const accept = useCallback((s: PresentingState) => {
    // A late answer to an earlier request must never put an older slide back.
    if (!isNewer(s, revision.current)) return;
    revision.current = s.revision;
    offset.current = s.serverNow - Date.now();
    setState(s);
    setError(null);
  }, []);

  useEffect(() => {
    let alive = true;
    api('agenda:get', { sessionId }).then(
      (v) => alive && setView(v),
      (e: Error) => alive && setError(e.message),
    );
    api('presenting:state', { sessionId }).then(
      (s) => alive && accept(s),
      (e: Error) => alive && setError(e.message),
    );
    const off = onPush('presenting:changed', (s) => {
      if (s.sessionId === sessionId) accept(s);
    });
    const offData = onPush('data:changed', ({ area }) => {
      if (area === 'sessions') api('agenda:get', { sessionId }).then((v) => alive && setView(v), () => {});
    });
    const timer = window.setInterval(() => setNow(Date.now()), tickMs);
    // After a reconnect, a reload or a hidden window: ask for the current state (a missed push
    // is then caught up; the revision drops anything older).
    const resync = () => {
      if (document.visibilityState === 'visible') api('presenting:state', { sessionId }).then((s) => alive && accept(s), () => {});
    };
    window.addEventListener('online', resync);
    window.addEventListener('focus', resync);
    document.addEventListener('visibilitychange', resync);
    const resyncTimer = resyncMs > 0 ? window.setInterval(resync, resyncMs) : 0;
    return () => {
      alive = false;
      off();
      offData();
      window.clearInterval(timer);
      window.clearInterval(resyncTimer);
      window.removeEventListener('online', resync);
      window.removeEventListener('focus', resync);
      document.removeEventListener('visibilitychange', resync);
    };
  }, [sessionId, tickMs, resyncMs, accept]);

  const send = useCallback(
    (command: PresentingCommand) =>
      api('presenting:command', { sessionId, command }).then(accept, (e: Error) => setError(e.message)),
    [sessionId, accept],
  );

  const clock = state ? foldClock(state.agenda, state.events, now + offset.current) : undefined;
  const order = state ? agendaSlides(state.agenda) : [];
  const index = clock?.current ? Math.max(0, order.findIndex((s) => s.slideId === clock.current!.slideId)) : 0;
  return { view, state, clock, order, index, error, send };
}
