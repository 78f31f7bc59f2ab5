// Plan a session, take attendance, present and export the report.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { go } from '../navigation';
import { useAction, useChannel } from '../ui/hooks';
import { Empty, ErrorMessage, Field, Panel, FormActions, EditActions } from '../ui/parts';
import { longDate, todayIso } from '../ui/format';
import { AgendaEditor } from '../presenting/AgendaEditor';
import { SessionRecord } from '../workformats/SessionRecord';
import { WalkIn } from '../trajectories/WalkIn';
import { ReportPanel } from '../reports/ReportPanel';
import { DeleteRecord, UndoBar, announceUndoable } from '../trajectories/RecordLifecycle';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus, type Session } from '../../../shared/domain';

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
      <UndoBar />
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
                <td>{s.cancelledAt ? <span className="badge badge-cancelled">geannuleerd</span> : s.status}</td>
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
  const [confirmPast, setConfirmPast] = useState(false);
  const action = useAction();
  const past = date !== '' && date < todayIso();

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
        confirmPast,
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
          <input type="date" value={date} onChange={(e) => { setDate(e.target.value); setConfirmPast(false); }} name="sessie-datum" />
        </Field>
        {past ? <PastDateConfirm checked={confirmPast} onChange={setConfirmPast} /> : null}
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
  const allPresent = async () => {
    await action.run(() => api('attendance:allPresent', { sessionId }));
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
          {s.cancelledAt ? (
            <p className="badge badge-cancelled" role="note">
              Geannuleerd{s.cancelReason ? `: ${s.cancelReason}` : ''}
            </p>
          ) : null}
        </div>
        {s.cancelledAt ? null : (
          <button type="button" className="primary" onClick={() => go(`presenteren/${s.id}`)}>
            Presenteren
          </button>
        )}
      </div>
      <UndoBar />
      <SessionLifecycle session={s} />
      <ErrorMessage message={attendance.error ?? action.error} />
      <Panel title={`Aanwezigheid (${present} van ${rows.length})`}>
        {rows.length > 0 && !s.cancelledAt ? (
          <button type="button" onClick={allPresent} disabled={action.busy || rows.every((r) => r.status !== null)}>
            Iedereen aanwezig
          </button>
        ) : null}
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

function PastDateConfirm({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="inline-check past-date">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      Deze datum ligt in het verleden. Toch vastleggen?
    </label>
  );
}

/** Reschedule, cancel (history stays), duplicate as a template, delete when nothing depends on it. */
function SessionLifecycle({ session }: { session: Session }) {
  const [mode, setMode] = useState<'none' | 'verzetten' | 'annuleren' | 'kopie'>('none');
  const [date, setDate] = useState(session.date);
  const [startTime, setStartTime] = useState(session.startTime ?? '');
  const [location, setLocation] = useState(session.location ?? '');
  const [reason, setReason] = useState('');
  const [confirmPast, setConfirmPast] = useState(false);
  const action = useAction();
  const past = date < todayIso();
  const close = () => {
    setMode('none');
    setConfirmPast(false);
  };
  const reschedule = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(() =>
      api('sessions:reschedule', { id: session.id, date, startTime: startTime || null, location, confirmPast }),
    );
    if (done) close();
  };
  const cancel = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(() => api('sessions:cancel', { id: session.id, cancelled: true, reason }));
    if (done) {
      close();
      announceUndoable(`De sessie van ${longDate(session.date)} is geannuleerd. Aanwezigheid en invoer blijven bewaard.`, null);
    }
  };
  const restore = () => action.run(() => api('sessions:cancel', { id: session.id, cancelled: false }));
  const duplicate = async (e: FormEvent) => {
    e.preventDefault();
    const copy = await action.run(() => api('sessions:duplicate', { id: session.id, date, confirmPast }));
    if (copy) {
      close();
      go(`sessies/${copy.id}`);
    }
  };
  return (
    <div className="stack">
      <div className="row">
        {session.cancelledAt ? (
          <button type="button" onClick={restore} disabled={action.busy}>
            Annulering terugdraaien
          </button>
        ) : (
          <>
            <button type="button" onClick={() => setMode('verzetten')} aria-expanded={mode === 'verzetten'}>
              Verzetten
            </button>
            <button type="button" onClick={() => setMode('annuleren')} aria-expanded={mode === 'annuleren'}>
              Sessie annuleren
            </button>
          </>
        )}
        <button type="button" onClick={() => setMode('kopie')} aria-expanded={mode === 'kopie'}>
          Kopie als sjabloon
        </button>
        <DeleteRecord kind="session" id={session.id} label={`${session.moduleTitle} op ${longDate(session.date)}`} onDeleted={() => go('sessies')} />
      </div>
      {mode === 'verzetten' ? (
        <form onSubmit={reschedule} className="edit-row" aria-label="Sessie verzetten">
          <Field label="Nieuwe datum">
            <input type="date" value={date} onChange={(e) => { setDate(e.target.value); setConfirmPast(false); }} />
          </Field>
          <Field label="Nieuwe begintijd">
            <input type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />
          </Field>
          <Field label="Nieuwe locatie">
            <input value={location} onChange={(e) => setLocation(e.target.value)} />
          </Field>
          {past ? <PastDateConfirm checked={confirmPast} onChange={setConfirmPast} /> : null}
          {/* The error shows once, below the three forms. */}
          <EditActions label="Verzetten opslaan" busy={action.busy} error={null} onCancel={close} />
        </form>
      ) : null}
      {mode === 'annuleren' ? (
        <form onSubmit={cancel} className="edit-row" aria-label="Sessie annuleren">
          <Field label="Reden (mag leeg)">
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="submit" className="danger" disabled={action.busy}>
            Ja, sessie annuleren
          </button>
          <button type="button" onClick={close}>
            Terug
          </button>
        </form>
      ) : null}
      {mode === 'kopie' ? (
        <form onSubmit={duplicate} className="edit-row" aria-label="Kopie als sjabloon">
          <Field label="Datum van de kopie">
            <input type="date" value={date} onChange={(e) => { setDate(e.target.value); setConfirmPast(false); }} />
          </Field>
          {past ? <PastDateConfirm checked={confirmPast} onChange={setConfirmPast} /> : null}
          {/* The error shows once, below the three forms. */}
          <EditActions label="Kopie plannen" busy={action.busy} error={null} onCancel={close} />
        </form>
      ) : null}
      <ErrorMessage message={action.error} />
    </div>
  );
}
