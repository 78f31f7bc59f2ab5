// The work-format run shown for the current slide: the latest run of that
// slide (or an ad-hoc run the facilitator added), kept fresh from what main
// pushes. A run is created on the first entry, so browsing past a slide
// leaves no empty runs behind.
//
// Cached with TanStack Query (api/queries.ts): the session's runs under
// ['runs:list', {sessionId}], each run's results under
// ['runs:results', {runId, audience}]. A run belongs to exactly one slide, so
// the results key is per slide: a late answer for the previous slide's run
// lands in that run's cache entry and can never become the run on screen, and
// an entry typed on this slide can only go to this slide's run.

import { useCallback, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { channelQuery } from '../api/queries';
import { api } from '../api/client';
import type { RunSummary, RunView } from '../../../shared/work-formats';

export interface RunState {
  run: RunView | null;
  error: string | null;
  /** The run to write to, started from the slide's declaration when there is none yet. */
  ensure: () => Promise<RunView>;
  setAdHoc: (runId: number | null) => void;
  adHocRunId: number | null;
  reload: () => void;
}

/** The slide's own run: its latest run of the declared format. */
function runOfSlide(runs: RunSummary[], slideId: string | null, workFormatId: string | undefined): number | null {
  if (!slideId) return null;
  const forSlide = runs.filter((r) => r.slideId === slideId && (workFormatId === undefined || r.workFormatId === workFormatId));
  return forSlide.length ? forSlide.reduce((a, b) => (b.id > a.id ? b : a)).id : null;
}

export function useRun(sessionId: number, slideId: string | null, audience = false, workFormatId?: string): RunState {
  const client = useQueryClient();
  // An ad-hoc run belongs to the slide it was started on; on another slide the slide's own format shows.
  const [adHoc, setAdHocState] = useState<{ runId: number; slideId: string | null } | null>(null);
  const adHocRunId = adHoc && adHoc.slideId === slideId ? adHoc.runId : null;

  const listQuery = channelQuery('runs:list', { sessionId });
  const list = useQuery({ ...listQuery, enabled: adHocRunId === null && slideId !== null });
  const runId = adHocRunId ?? (list.data ? runOfSlide(list.data, slideId, workFormatId) : null);

  const resultsQuery = (id: number) => channelQuery('runs:results', { runId: id, audience });
  const results = useQuery({ ...resultsQuery(runId ?? 0), enabled: runId !== null });
  // The key carries the run id; the check documents (and enforces) that no other run can show here.
  const run = runId !== null && results.data?.run.id === runId ? results.data : null;

  const ensure = useCallback(async (): Promise<RunView> => {
    if (run) return run;
    if (!slideId) throw new Error('Er is geen werkvorm op deze dia.');
    // Known but not loaded yet, or not known yet: ask before starting a second run for the slide.
    let id = runId;
    if (id === null && adHocRunId === null) id = runOfSlide(await client.ensureQueryData(listQuery), slideId, workFormatId);
    if (id !== null) return client.fetchQuery(resultsQuery(id));
    const started = await api('runs:start', { sessionId, slideId });
    client.setQueryData(resultsQuery(started.run.id).queryKey, started);
    client.setQueryData<RunSummary[]>(listQuery.queryKey, (runs) =>
      runs && !runs.some((r) => r.id === started.run.id) ? [...runs, started.run] : runs,
    );
    return started;
    // listQuery/resultsQuery are rebuilt from the values listed here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, runId, adHocRunId, slideId, sessionId, workFormatId, audience, client]);

  const setAdHoc = useCallback((id: number | null) => setAdHocState(id === null ? null : { runId: id, slideId }), [slideId]);
  const { refetch: refetchList } = list;
  const { refetch: refetchResults } = results;
  const reload = useCallback(() => {
    void refetchList();
    if (runId !== null) void refetchResults();
  }, [refetchList, refetchResults, runId]);
  const error = list.error?.message ?? results.error?.message ?? null;
  return { run, error, ensure, setAdHoc, adHocRunId, reload };
}
