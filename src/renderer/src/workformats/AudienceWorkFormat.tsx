// On the audience slide: the running timer of an "opdracht", and results
// only once the facilitator revealed them. Never names.

import { ResultsView } from './ResultsView';
import { TimerView } from './TimerView';
import { useRun } from './useRun';

export function AudienceWorkFormat({ sessionId, slideId }: { sessionId: number; slideId: string }) {
  const { run } = useRun(sessionId, slideId, true);
  if (!run) return null;
  const showTimer = run.declaration.type === 'opdracht' && run.timer.status !== 'niet_gestart';
  if (!run.results && !showTimer) return null;
  return (
    <div className="audience-overlay" aria-label="Werkvorm op het scherm">
      <p className="audience-prompt">{run.declaration.prompt}</p>
      {showTimer ? <TimerView timer={run.timer} large /> : null}
      {run.results ? <ResultsView results={run.results} /> : null}
    </div>
  );
}
