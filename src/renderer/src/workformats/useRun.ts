// The work-format run shown for the current slide: the latest run of that
// slide (or an ad-hoc run the facilitator added), kept fresh from what main
// pushes. A run is created on the first entry, so browsing past a slide
// leaves no empty runs behind.

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, onPush } from '../api/client';
import type { RunView } from '../../../shared/work-formats';

export interface RunState {
  run: RunView | null;
  error: string | null;
  /** The run to write to, started from the slide's declaration when there is none yet. */
  ensure: () => Promise<RunView>;
  setAdHoc: (runId: number | null) => void;
  adHocRunId: number | null;
  reload: () => void;
}

export function useRun(sessionId: number, slideId: string | null, audience = false, workFormatId?: string): RunState {
  const [run, setRun] = useState<RunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // An ad-hoc run belongs to the slide it was started on; on another slide the slide's own format shows.
  const [adHoc, setAdHocState] = useState<{ runId: number; slideId: string | null } | null>(null);
  const adHocRunId = adHoc && adHoc.slideId === slideId ? adHoc.runId : null;
  const runId = useRef<number | null>(null);
  runId.current = run?.run.id ?? null;

  const load = useCallback(async () => {
    try {
      let id = adHocRunId;
      if (id === null && slideId) {
        const runs = await api('runs:list', { sessionId });
        const forSlide = runs.filter((r) => r.slideId === slideId && (workFormatId === undefined || r.workFormatId === workFormatId));
        id = forSlide.length ? forSlide.reduce((a, b) => (b.id > a.id ? b : a)).id : null;
      }
      setRun(id === null ? null : await api('runs:results', { runId: id, audience }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [sessionId, slideId, adHocRunId, audience, workFormatId]);

  useEffect(() => {
    setRun(null);
    void load();
  }, [load]);

  useEffect(
    () =>
      onPush('workformat:changed', (event) => {
        if (event.sessionId !== sessionId) return;
        // The run on screen changed: one round trip for its results. Anything else: look again.
        if (event.runId === runId.current) {
          api('runs:results', { runId: event.runId, audience }).then(setRun, (e: Error) => setError(e.message));
        } else {
          void load();
        }
      }),
    [sessionId, load, audience],
  );

  const ensure = useCallback(async () => {
    if (run) return run;
    if (!slideId) throw new Error('Er is geen werkvorm op deze dia.');
    const started = await api('runs:start', { sessionId, slideId });
    setRun(started);
    return started;
  }, [run, sessionId, slideId]);

  const setAdHoc = useCallback((runId: number | null) => setAdHocState(runId === null ? null : { runId, slideId }), [slideId]);
  return { run, error, ensure, setAdHoc, adHocRunId, reload: () => void load() };
}
