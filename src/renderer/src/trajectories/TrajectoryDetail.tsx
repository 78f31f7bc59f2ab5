// One trajectory: status, themes, meetings, stappenplan, actions, attendance.

import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { Choice, ErrorMessage, Panel } from '../ui/parts';
import { TRAJECTORY_STATUSES, type TrajectoryStatus } from '../../../shared/trajectories';
import { MeetingsPanel } from './MeetingsPanel';
import { StepsPanel } from './StepsPanel';
import { ActionsPanel } from './ActionsPanel';
import { MatrixPanel } from './MatrixPanel';
import { ReportPanel } from '../reports/ReportPanel';
import { useThemeTitles } from './ThemePicker';
import { statusLabel } from './season';
import { ChooseGroup, TrajectoryEdit } from './TrajectoryEdit';
import { UndoBar } from './RecordLifecycle';

export function TrajectoryDetailView({ trajectoryId }: { trajectoryId: number }) {
  const detail = useChannel('trajectories:get', { id: trajectoryId }, ['trajectories', 'sessions', 'groups', 'participants']);
  const action = useAction();
  const themeTitles = useThemeTitles();
  const t = detail.data;
  const setStatus = async (status: TrajectoryStatus) => {
    if (await action.run(() => api('trajectories:setStatus', { id: trajectoryId, status }))) detail.reload();
  };
  return (
    <div className="stack">
      <p>
        <a href="#/trajecten">← Alle trajecten</a>
      </p>
      <ErrorMessage message={detail.error} />
      {t ? (
        <>
          <div className="row spread">
            <h1>{t.name}</h1>
            <label className="inline-check">
              <span className="field-label">Status</span>
              <Choice
                value={t.status}
                onChange={(value) => setStatus(value as TrajectoryStatus)}
                name="traject-status"
                options={TRAJECTORY_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
              />
            </label>
          </div>
          <ErrorMessage message={action.error} />
          <UndoBar />
          <TrajectoryEdit key={`${t.id}-${t.name}-${t.groupId}-${t.season}`} trajectory={t} onChanged={detail.reload} />
          {t.groupId === null ? <ChooseGroup trajectory={t} onChanged={detail.reload} /> : null}
          <Panel title="Over dit traject">
            <dl className="facts">
              <dt>Organisatie</dt>
              <dd>{t.organisationName}</dd>
              <dt>Groep</dt>
              <dd>{t.groupName ?? <span className="muted">nog geen groep</span>}</dd>
              <dt>Seizoen</dt>
              <dd>{t.season}</dd>
              <dt>Thema’s</dt>
              <dd>{themeTitles(t.themes)}</dd>
              <dt>Scholen</dt>
              <dd>{t.schools.length === 0 ? <span className="muted">nog geen</span> : t.schools.map((s) => s.name).join(', ')}</dd>
              {t.notes ? (
                <>
                  <dt>Notities</dt>
                  <dd className="pre-line">{t.notes}</dd>
                </>
              ) : null}
            </dl>
          </Panel>
          <MeetingsPanel trajectory={t} onChanged={detail.reload} />
          <StepsPanel trajectoryId={t.id} />
          <ActionsPanel trajectoryId={t.id} groupId={t.groupId} schools={t.schools} />
          <MatrixPanel trajectoryId={t.id} />
          <ReportPanel kind="trajectory" trajectoryId={t.id} />
        </>
      ) : null}
    </div>
  );
}
