// The trajectory's meetings: sessions linked to it, beginning with the
// inspiration session. Link an existing session of the group or plan one.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { Empty, ErrorMessage, Field, Panel } from '../ui/parts';
import { longDate, shortDate, todayIso } from '../ui/format';
import type { TrajectoryDetail } from '../../../shared/trajectories';

export function MeetingsPanel({ trajectory, onChanged }: { trajectory: TrajectoryDetail; onChanged: () => void }) {
  const action = useAction();
  const unlink = async (sessionId: number) => {
    if (await action.run(() => api('trajectories:linkSession', { sessionId, trajectoryId: null }))) onChanged();
  };
  const sessions = [...trajectory.sessions].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Panel title="Bijeenkomsten">
      {sessions.length === 0 ? <Empty>Nog geen bijeenkomsten. Begin met de inspiratiesessie.</Empty> : null}
      {sessions.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>#</th>
              <th>Datum</th>
              <th>Module</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s, i) => (
              <tr key={s.id}>
                <td>{i + 1}</td>
                <td>{longDate(s.date)}</td>
                <td>
                  <a href={`#/sessies/${s.id}`}>{s.moduleTitle}</a>
                </td>
                <td>{s.status}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => unlink(s.id)} disabled={action.busy}>
                    Loskoppelen
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ErrorMessage message={action.error} />
      {trajectory.groupId === null ? (
        <p className="muted">Kies hierboven bij "Groep voor dit traject" een groep om bijeenkomsten te plannen.</p>
      ) : (
        <div className="grid-2">
          <PlanMeeting trajectory={trajectory} groupId={trajectory.groupId} onChanged={onChanged} />
          <LinkMeeting trajectory={trajectory} groupId={trajectory.groupId} onChanged={onChanged} />
        </div>
      )}
    </Panel>
  );
}

function PlanMeeting({ trajectory, groupId, onChanged }: { trajectory: TrajectoryDetail; groupId: number; onChanged: () => void }) {
  const library = useChannel('modules:list', undefined, ['modules']);
  const [moduleId, setModuleId] = useState(trajectory.themes[0] ?? '');
  const [date, setDate] = useState(todayIso());
  const [startTime, setStartTime] = useState('');
  const action = useAction();
  const themes = new Set(trajectory.themes);
  const modules = [...(library.data?.modules ?? [])].sort((a, b) => Number(themes.has(b.id)) - Number(themes.has(a.id)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(async () => {
      const session = await api('sessions:create', { groupId, moduleId, date, startTime: startTime || null });
      return api('trajectories:linkSession', { sessionId: session.id, trajectoryId: trajectory.id });
    });
    if (done) onChanged();
  };
  return (
    <form onSubmit={submit} className="form subform-box" aria-label="Bijeenkomst plannen">
      <h3>Bijeenkomst plannen</h3>
      <Field label="Module van de bijeenkomst">
        <select value={moduleId} onChange={(e) => setModuleId(e.target.value)} name="bijeenkomst-module">
          <option value="">Kies een module…</option>
          {modules.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
              {themes.has(m.id) ? ' (thema)' : ''}
            </option>
          ))}
        </select>
      </Field>
      <div className="row">
        <Field label="Datum bijeenkomst">
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} name="bijeenkomst-datum" />
        </Field>
        <Field label="Begintijd bijeenkomst">
          <input type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} name="bijeenkomst-tijd" />
        </Field>
      </div>
      <ErrorMessage message={action.error} />
      <button type="submit" className="primary" disabled={action.busy}>
        Bijeenkomst plannen
      </button>
    </form>
  );
}

function LinkMeeting({ trajectory, groupId, onChanged }: { trajectory: TrajectoryDetail; groupId: number; onChanged: () => void }) {
  const sessions = useChannel('sessions:list', { groupId }, ['sessions', 'trajectories']);
  const [sessionId, setSessionId] = useState('');
  const action = useAction();
  const linked = new Set(trajectory.sessions.map((s) => s.id));
  const free = (sessions.data ?? []).filter((s) => !linked.has(s.id));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api('trajectories:linkSession', { sessionId: Number(sessionId), trajectoryId: trajectory.id }))) {
      setSessionId('');
      onChanged();
    }
  };
  return (
    <form onSubmit={submit} className="form subform-box" aria-label="Bestaande sessie koppelen">
      <h3>Bestaande sessie koppelen</h3>
      {free.length === 0 ? (
        <p className="muted">Geen andere sessies van deze groep.</p>
      ) : (
        <>
          <Field label="Sessie">
            <select value={sessionId} onChange={(e) => setSessionId(e.target.value)} name="bijeenkomst-koppelen">
              <option value="">Kies een sessie…</option>
              {free.map((s) => (
                <option key={s.id} value={s.id}>
                  {shortDate(s.date)} · {s.moduleTitle}
                </option>
              ))}
            </select>
          </Field>
          <ErrorMessage message={action.error} />
          <button type="submit" disabled={action.busy || !sessionId}>
            Koppelen
          </button>
        </>
      )}
    </form>
  );
}
