// Trajecten: the coaching trajectories per season with capacity ("vol = vol")
// and interest registrations; a trajectory's detail shows its meetings,
// the stappenplan per school, agreed actions and the attendance matrix.

import { useState } from 'react';
import { useChannel } from '../ui/hooks';
import { Choice, Empty, ErrorMessage, Field, Panel } from '../ui/parts';
import { TRAJECTORY_STATUSES, type TrajectoryStatus } from '../../../shared/trajectories';
import { NewTrajectory } from '../trajectories/NewTrajectory';
import { CapacityPanel } from '../trajectories/CapacityPanel';
import { InterestPanel } from '../trajectories/InterestPanel';
import { ArchiveList, UndoBar } from '../trajectories/RecordLifecycle';
import { TrajectoryDetailView } from '../trajectories/TrajectoryDetail';
import { useThemeTitles } from '../trajectories/ThemePicker';
import { seasonChoices, statusLabel } from '../trajectories/season';

export function TrajectoriesScreen({ trajectoryId }: { trajectoryId?: number }) {
  return trajectoryId ? <TrajectoryDetailView trajectoryId={trajectoryId} /> : <TrajectoryList />;
}

const PAGE = 200;

function TrajectoryList() {
  const [season, setSeason] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const list = useChannel(
    'trajectories:list',
    {
      limit,
      season: season || undefined,
      status: (status || undefined) as TrajectoryStatus | undefined,
      search: search.trim() || undefined,
    },
    ['trajectories', 'sessions'],
  );
  const themeTitles = useThemeTitles();
  return (
    <div className="stack">
      <h1>Trajecten</h1>
      <UndoBar />
      <Panel title="Alle trajecten">
        <div className="filters">
          <Field label="Seizoen">
            <Choice
              value={season}
              onChange={setSeason}
              name="filter-seizoen"
              empty="Alle seizoenen"
              options={seasonChoices()}
            />
          </Field>
          <Field label="Status">
            <Choice
              value={status}
              onChange={setStatus}
              name="filter-status"
              empty="Alle statussen"
              options={TRAJECTORY_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
            />
          </Field>
          <Field label="Zoek traject">
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Naam of organisatie" />
          </Field>
        </div>
        <ErrorMessage message={list.error} />
        {list.data?.length === 0 ? <Empty>Geen trajecten gevonden.</Empty> : null}
        {list.data && list.data.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th>Traject</th>
                <th>Organisatie en groep</th>
                <th>Seizoen</th>
                <th>Thema’s</th>
                <th>Bijeenkomsten</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((t) => (
                <tr key={t.id}>
                  <td>
                    <a href={`#/trajecten/${t.id}`}>{t.name}</a>
                  </td>
                  <td>
                    {t.organisationName}
                    {t.groupName ? <span className="muted"> · {t.groupName}</span> : null}
                  </td>
                  <td>{t.season}</td>
                  <td className="small">{themeTitles(t.themes)}</td>
                  <td>{t.sessionCount}</td>
                  <td>
                    <span className={`status status-${t.status}`}>{statusLabel(t.status)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {list.data?.length === limit ? (
          <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
            Meer trajecten tonen
          </button>
        ) : null}
        <ArchiveList kind="trajectory" title="Gearchiveerde trajecten" />
      </Panel>
      <NewTrajectory />
      <div className="grid-aside">
        <InterestPanel />
        <CapacityPanel />
      </div>
    </div>
  );
}
