// The renderer's data layer: TanStack Query over the typed client.
//
// - Query keys are [channel, input]: the same read in two places shares one
//   cache entry and one request.
// - networkMode 'always': "network" here is IPC to main, which is always
//   there; TanStack's online detection must never pause a query offline.
// - Main pushes `data:changed` with an area; every query that reads that area
//   is invalidated (refetched if on screen). Which channel reads which areas
//   is declared once below; a hook may add areas.
// - `workformat:changed` refetches one run's results, `lan:changed` the room
//   server's status (phones over the local network).
// - Late answers are discarded: a refetch cancels the one in flight for the
//   same key (its answer is ignored), and an answer for another input lands
//   in that input's cache entry, never in the one on screen.

import { QueryClient, type Query, type QueryFilters } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelResult } from '../../../shared/contract';
import type { PushEvent } from '../../../shared/events';
import type { RunSummary } from '../../../shared/work-formats';
import { api, onPush } from './client';

export type Area = PushEvent['data:changed']['area'];

/** The areas a read channel's answer depends on. */
export const CHANNEL_AREAS: Partial<Record<Channel, readonly Area[]>> = {
  'app:info': ['organisations', 'participants', 'groups', 'sessions', 'modules', 'trajectories'],
  'modules:list': ['modules'],
  'modules:get': ['modules'],
  'organisations:list': ['organisations'],
  'schools:list': ['organisations'],
  'participants:list': ['participants', 'groups', 'organisations'],
  'groups:list': ['groups', 'organisations'],
  'agenda:get': ['sessions', 'modules'],
  'sessions:list': ['sessions', 'groups', 'trajectories'],
  'sessions:get': ['sessions', 'groups', 'trajectories'],
  'attendance:list': ['attendance', 'groups', 'participants'],
  'attendance:matrix': ['attendance', 'sessions', 'participants', 'groups', 'trajectories'],
  'trajectories:list': ['trajectories', 'groups', 'organisations'],
  'trajectories:get': ['trajectories', 'sessions', 'groups', 'participants', 'steps', 'actions'],
  'capacity:get': ['trajectories'],
  'interest:list': ['interest', 'trajectories', 'organisations'],
  'steps:get': ['steps', 'groups', 'participants'],
  'actions:list': ['actions', 'participants'],
  'retention:preview': ['sessions', 'participants', 'trajectories'],
};

export interface ChannelMeta extends Record<string, unknown> {
  areas: readonly Area[];
}

export function channelKey<C extends Channel>(channel: C, input?: ChannelInput<C>): readonly [C, ChannelInput<C> | null] {
  // undefined and null hash alike; null keeps the key's shape explicit.
  return [channel, input ?? null] as const;
}

export function channelQuery<C extends Channel>(channel: C, input: ChannelInput<C> | undefined, areas: readonly Area[] = []) {
  return {
    queryKey: channelKey(channel, input),
    queryFn: (): Promise<ChannelResult<C>> => api(channel, input),
    meta: { areas: [...new Set([...(CHANNEL_AREAS[channel] ?? []), ...areas])] } satisfies ChannelMeta,
  };
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'always',
        // Errors are Dutch answers from main (validation, not found), not flaky networks.
        retry: false,
        // Freshness comes from main's pushes, not from window focus.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

const readsArea = (area: Area) => (query: Query) => ((query.meta as ChannelMeta | undefined)?.areas ?? []).includes(area);

/**
 * Reads the matching queries again after a push. Invalidating alone would let a first load
 * still in flight stand (TanStack joins a fetch without data instead of restarting it), and
 * that answer may predate the change: a room screen opened just before a reveal would keep
 * "not revealed". Cancelling first discards it; the invalidation then asks again.
 */
export function readAgain(client: QueryClient, filters: QueryFilters): Promise<void> {
  return client.cancelQueries(filters).then(() => client.invalidateQueries(filters));
}

/**
 * Follows main's pushes for the whole window (once, not per hook, so one
 * change causes one request per query on screen).
 */
export function connectPushes(client: QueryClient): () => void {
  const offData = onPush('data:changed', ({ area }) => {
    void readAgain(client, { predicate: readsArea(area) });
  });
  const offRuns = onPush('workformat:changed', ({ sessionId, runId }) => {
    // The run's own results: one round trip (both the facilitator's and the audience's variant).
    void readAgain(client, { queryKey: ['runs:results', { runId }] });
    // A run this window has not seen yet (started elsewhere, or while its list was still loading):
    // look at the session's runs again.
    const known = client.getQueryData<RunSummary[]>(['runs:list', { sessionId }]);
    if (!known || !known.some((r) => r.id === runId)) {
      void readAgain(client, { queryKey: ['runs:list', { sessionId }] });
    }
  });
  const offLan = onPush('lan:changed', () => {
    // The room server started, stopped or a phone came or went: its status (address, room code,
    // phone count) is read again, for every session, since a start for one session stops the
    // server of another. Not the network list: it changes with the laptop's adapters, not with
    // phones (the panel has a button to look again).
    void readAgain(client, { queryKey: ['lan:status'] });
  });
  return () => {
    offData();
    offRuns();
    offLan();
  };
}
