// On the audience slide: the running timer of an "opdracht", and results
// only once the facilitator revealed them. Never names. Results always fit
// (FitBox): smaller text down to 28 px, then columns, then pages.

import { ResultsView } from './ResultsView';
import { BySchool } from './BySchool';
import { TimerView } from './TimerView';
import { useRun } from './useRun';
import { viewOf } from './types';
import { FitBox } from './FitBox';
import { useProjectorOptions } from '../presenting/projectorOptions';
import './audience.css';

export function AudienceWorkFormat({
  sessionId,
  slideId,
  narrowed = false,
}: {
  sessionId: number;
  slideId: string;
  /** The phones' join code takes a strip at the right (issue 16): fit the results again. */
  narrowed?: boolean;
}) {
  const { run } = useRun(sessionId, slideId, true);
  const [projector, setProjector] = useProjectorOptions(sessionId);
  if (!run) return null;
  const showTimer = viewOf(run.declaration.type).audienceTimer === true && run.timer.status !== 'niet_gestart';
  if (!run.results && !showTimer) return null;
  return (
    <div className="audience-overlay" aria-label="Werkvorm op het scherm">
      <p className="audience-prompt">{run.declaration.prompt}</p>
      {showTimer ? <TimerView timer={run.timer} large /> : null}
      {run.results ? (
        <FitBox
          page={projector.resultPage}
          contentKey={`${run.run.id}:${JSON.stringify(run.results)}:${JSON.stringify(run.bySchool ?? null)}:${showTimer}:${narrowed}`}
          onPages={(pages) => {
            if (pages !== projector.resultPages) setProjector({ resultPages: pages });
          }}
        >
          <ResultsView results={run.results} audience />
          <BySchool split={run.bySchool} />
        </FitBox>
      ) : null}
    </div>
  );
}
