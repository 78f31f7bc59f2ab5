// Plan a session, take attendance, present and export the report.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { go } from '../navigation';
import { useAction, useChannel } from '../ui/hooks';
import { Empty, ErrorMessage, Field, Panel, FormActions } from '../ui/parts';
import { longDate, todayIso } from '../ui/format';
import { AgendaEditor } from '../presenting/AgendaEditor';
import { SessionRecord } from '../workformats/SessionRecord';
import { WalkIn } from '../trajectories/WalkIn';
import { ReportPanel } from '../reports/ReportPanel';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../shared/domain';

export function SessionsScreen({ sessionId }: { sessionId?: number }) {
  return sessionId ? <SessionDetail sessionId={sessionId} /> : <SessionList />;
}

const PAGE = 200;

function SessionList() {
  const [limit, setLimit] = useState(PAGE);
  const sessions = useChannel('sessions:list', { limit }, ['sessions']);
  return (
    <div className="stack">
      <h1>Sessies</h1>
      <ErrorMessage message={sessions.error} />
      <PlanSession />
      <Panel title="Alle sessies">
        {sessions.data?.length === 0 ? <Empty>Nog geen sessies. Plan er hierboven een.</Empty> : null}
        <table className="table">
          <thead>
            <tr>
              <th>Datum</th>
              <th>Module</th>
              <th>Groep</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {(sessions.data ?? []).map((s) => (
              <tr key={s.id}>
                <td>{longDate(s.date)}</td>
                <td>
                  <a href={`#/sessies/${s.id}`}>{s.moduleTitle}</a>
                </td>
                <td>
                  {s.groupName} <span className="muted">· {s.organisationName}</span>
                </td>
                <td>{s.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {sessions.data?.length === limit ? (
          <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
            Meer sessies tonen
          </button>
        ) : null}
      </Panel>
    </div>
  );
}

function PlanSession() {
  const groups = useChannel('groups:list', undefined, ['groups']);
  const library = useChannel('modules:list', undefined, ['modules']);
  const [groupId, setGroupId] = useState('');
  const [moduleId, setModuleId] = useState('');
  const [date, setDate] = useState(todayIso());
  const [startTime, setStartTime] = useState('');
  const [location, setLocation] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const action = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const session = await action.run(() =>
      api('sessions:create', {
        groupId: Number(groupId),
        moduleId,
        date,
        startTime: startTime || null,
        location,
        facilitator,
      }),
    );
    if (session) go(`sessies/${session.id}`);
  };
  return (
    <Panel title="Sessie plannen">
      <form onSubmit={submit} className="form form-grid">
        <Field label="Groep">
          <select value={groupId} onChange={(e) => setGroupId(e.target.value)} name="sessie-groep">
            <option value="">Kies een groep…</option>
            {(groups.data ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.organisationName})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Module">
          <select value={moduleId} onChange={(e) => setModuleId(e.target.value)} name="sessie-module">
            <option value="">Kies een module…</option>
            {(library.data?.modules ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.title} ({m.minutes} min)
              </option>
            ))}
          </select>
        </Field>
        <Field label="Datum">
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} name="sessie-datum" />
        </Field>
        <Field label="Begintijd">
          <input type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} name="sessie-tijd" />
        </Field>
        <Field label="Locatie">
          <input value={location} onChange={(e) => setLocation(e.target.value)} name="sessie-locatie" />
        </Field>
        <Field label="Begeleider">
          <input value={facilitator} onChange={(e) => setFacilitator(e.target.value)} name="sessie-begeleider" />
        </Field>
        <FormActions error={action.error} busy={action.busy} label="Sessie plannen" />
      </form>
    </Panel>
  );
}

function SessionDetail({ sessionId }: { sessionId: number }) {
  const session = useChannel('sessions:get', { id: sessionId }, ['sessions']);
  const attendance = useChannel('attendance:list', { sessionId }, ['attendance', 'groups']);
  const action = useAction();

  const setStatus = async (participantId: number, status: AttendanceStatus | null) => {
    await action.run(() => api('attendance:set', { sessionId, participantId, status }));
    attendance.reload();
  };

  if (session.error) return <ErrorMessage message={session.error} />;
  const s = session.data;
  if (!s) return <p>Laden…</p>;
  const rows = attendance.data ?? [];
  const present = rows.filter((r) => r.status === 'aanwezig' || r.status === 'te_laat').length;

  return (
    <div className="stack">
      <a href="#/sessies">← Alle sessies</a>
      <div className="row spread">
        <div>
          <h1>{s.moduleTitle}</h1>
          <p className="muted">
            {longDate(s.date)}
            {s.startTime ? ` om ${s.startTime}` : ''} · {s.groupName} · {s.organisationName}
            {s.location ? ` · ${s.location}` : ''}
          </p>
        </div>
        <button type="button" className="primary" onClick={() => go(`presenteren/${s.id}`)}>
          Presenteren
        </button>
      </div>
      <ErrorMessage message={attendance.error ?? action.error} />
      <Panel title={`Aanwezigheid (${present} van ${rows.length})`}>
        {rows.length === 0 ? <Empty>Deze groep heeft nog geen leden. Voeg ze toe bij Groepen.</Empty> : null}
        <table className="table attendance">
          <thead>
            <tr>
              <th>Naam</th>
              <th>School</th>
              {ATTENDANCE_STATUSES.map((st) => (
                <th key={st}>{ATTENDANCE_LABELS[st]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.participantId}>
                <td>{r.name}</td>
                <td>{r.schoolName ?? '—'}</td>
                {ATTENDANCE_STATUSES.map((st) => (
                  <td key={st}>
                    <input
                      type="radio"
                      name={`status-${r.participantId}`}
                      checked={r.status === st}
                      onChange={() => setStatus(r.participantId, st)}
                      aria-label={`${r.name}: ${ATTENDANCE_LABELS[st]}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <WalkIn sessionId={s.id} groupId={s.groupId} />
      </Panel>
      <AgendaEditor sessionId={sessionId} />
      <SessionRecord sessionId={sessionId} />
      <ReportPanel kind="session" sessionId={sessionId} />
    </div>
  );
}
