// Small data hooks: load from main, reload when main says the area changed.

import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelResult } from '../../../shared/contract';
import type { PushEvent } from '../../../shared/events';
import { api, onPush } from '../api/client';

type Area = PushEvent['data:changed']['area'];

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  reload: () => void;
}

/** Calls a channel and keeps the result; reloads when one of `areas` changes in main. */
export function useChannel<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | undefined,
  areas: Area[] = [],
  enabled = true,
): Loaded<ChannelResult<C>> {
  const [data, setData] = useState<ChannelResult<C>>();
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input ?? null);
  const load = useCallback(() => {
    if (!enabled) return;
    api(channel, input)
      .then((value) => {
        setData(value);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key, enabled]);
  useEffect(load, [load]);
  const areaKey = areas.join(',');
  useEffect(() => {
    if (areas.length === 0) return undefined;
    return onPush('data:changed', ({ area }) => {
      if (areas.includes(area)) load();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [areaKey, load]);
  return { data, error, reload: load };
}

/** Runs a user action and keeps its Dutch error message for display. */
export function useAction(): {
  busy: boolean;
  error: string | null;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError((e as Error).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(null) };
}
