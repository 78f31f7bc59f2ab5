// Opdracht: a timed task (the timer also shows on the audience screen), then
// what the groups report back.

import { api } from '../../api/client';
import { TimerView } from '../TimerView';
import { ContributionEntry, ContributionResults } from './contributions';
import type { EntryProps, Run, WorkFormatView } from './view';
import type { RunView } from '../../../../shared/work-formats';
import type { TimerCommand } from '../../../../shared/channels/workformats';

function TimerControls({ view, minutes, run }: { view: RunView | null; minutes: number; run: Run }) {
  const timer = view?.timer;
  const cmd = (command: TimerCommand) => run((r) => api('runs:timer', { runId: r.run.id, command }));
  return (
    <div className="wf-timer">
      {timer ? <TimerView timer={timer} alarm /> : <span className="timer">{minutes}:00</span>}
      {!timer || timer.status === 'niet_gestart' || timer.status === 'afgelopen' ? (
        <button type="button" onClick={() => cmd({ type: 'start' })}>
          Timer starten ({minutes} min)
        </button>
      ) : timer.status === 'loopt' ? (
        <button type="button" onClick={() => cmd({ type: 'pause' })}>
          Timer pauzeren
        </button>
      ) : (
        <button type="button" onClick={() => cmd({ type: 'resume' })}>
          Timer hervatten
        </button>
      )}
      <button type="button" disabled={!timer} onClick={() => cmd({ type: 'extend', minutes: 1 })}>
        +1 min
      </button>
      <button type="button" disabled={!timer} onClick={() => cmd({ type: 'reset' })}>
        Opnieuw
      </button>
    </div>
  );
}

function OpdrachtEntry({ format, view, present, add, run }: EntryProps) {
  return (
    <>
      <TimerControls view={view} minutes={format.minutes} run={run} />
      <ContributionEntry present={present} add={add} />
    </>
  );
}

export const opdracht: WorkFormatView<'opdracht'> = { Entry: OpdrachtEntry, Results: ContributionResults, audienceTimer: true };
