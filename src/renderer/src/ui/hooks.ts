// Data hooks for the screens, on TanStack Query (see api/queries.ts): a read
// is cached under [channel, input], refetched when main says one of its areas
// changed, and an answer that arrives late can never replace a newer one.

import { useCallback, useState, useSyncExternalStore } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelResult } from '../../../shared/contract';
import { api } from '../api/client';
import { channelQuery, type Area } from '../api/queries';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  reload: () => void;
}

/**
 * Calls a channel and keeps the result; reloads when one of its areas changes
 * in main (the channel's own areas from CHANNEL_AREAS plus `areas`).
 * `keepPrevious` shows the previous input's answer while a new input loads
 * (for paging or filtering one list; never for a record by id).
 */
export function useChannel<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | undefined,
  areas: Area[] = [],
  enabled = true,
  options: { keepPrevious?: boolean } = {},
): Loaded<ChannelResult<C>> {
  const query = useQuery({
    ...channelQuery(channel, input, areas),
    enabled,
    // ChannelResult<C> is generic here, which TanStack's NonFunctionGuard cannot resolve; the
    // function is keepPreviousData itself, so the cast only silences that.
    placeholderData: (options.keepPrevious ? keepPreviousData : undefined) as never,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data, error: query.error ? query.error.message : null, reload };
}

// Errors on screen clear when the user succeeds at something else: every
// successful action bumps this counter, and an error older than it hides.
let successes = 0;
const successListeners = new Set<() => void>();
function succeeded(): void {
  successes++;
  for (const listener of successListeners) listener();
}
function subscribeSuccesses(listener: () => void): () => void {
  successListeners.add(listener);
  return () => successListeners.delete(listener);
}
const successCount = () => successes;

/** Runs a user action and keeps its Dutch error message for display. */
export function useAction(): {
  busy: boolean;
  error: string | null;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; at: number } | null>(null);
  const now = useSyncExternalStore(subscribeSuccesses, successCount);
  const run = useCallback(async <T,>(action: () => Promise<T>) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await action();
      succeeded();
      return result;
    } catch (e) {
      setFailure({ message: (e as Error).message, at: successes });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setFailure(null), []);
  return { busy, error: failure && failure.at === now ? failure.message : null, run, clear };
}

/**
 * A write through a channel as a TanStack mutation. No cache update here:
 * main pushes `data:changed` after the write and the affected reads refetch.
 */
export function useChannelMutation<C extends Channel>(channel: C) {
  return useMutation<ChannelResult<C>, Error, ChannelInput<C>>({
    mutationKey: [channel],
    mutationFn: (input) => api(channel, input),
    onSuccess: () => succeeded(),
  });
}
