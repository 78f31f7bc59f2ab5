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

/** Keeps the newer of what is cached and what arrived. */
function accept(client: QueryClient, sessionId: number, state: PresentingState): Received {
  const received = { state, offset: state.serverNow - Date.now() };
  const current = client.getQueryData<Received>(stateKey(sessionId));
  const next = current && !isNewer(state, current.state.revision) ? current : received;
  client.setQueryData(stateKey(sessionId), next);
  return next;
}

export function usePresenting(sessionId: number, tickMs = 1000, resyncMs = 0): Presenting {
  const client = useQueryClient();
  const [commandError, setCommandError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

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
      accept(client, sessionId, s);
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
  }, [sessionId, tickMs, resyncMs, client]);

  const send = useCallback(
    (command: PresentingCommand) =>
      api('presenting:command', { sessionId, command }).then(
        (s) => {
          accept(client, sessionId, s);
          setCommandError(null);
        },
        (e: Error) => setCommandError(e.message),
      ),
    [sessionId, client],
  );

  const state = presenting.data?.state;
  const offset = presenting.data?.offset ?? 0;
  const clock = state ? foldClock(state.agenda, state.events, now + offset) : undefined;
  const order = state ? agendaSlides(state.agenda) : [];
  const index = clock?.current ? Math.max(0, order.findIndex((s) => s.slideId === clock.current!.slideId)) : 0;
  const error = commandError ?? agenda.error?.message ?? presenting.error?.message ?? null;
  return { view: agenda.data, state, clock, order, index, error, send };
}
