// Agreed actions (wat, wie, wanneer, status) in a trajectory, per school and step.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { EditActions, Choice, Empty, ErrorMessage, Field, Panel } from '../ui/parts';
import { shortDate } from '../ui/format';
import { ACTION_STATUSES, type Action, type ActionStatus } from '../../../shared/trajectories';
import { STAPPEN, STAP_LABELS, type StapKey } from '../../../shared/stappenplan';
import type { School } from '../../../shared/domain';
import { DeleteRecord } from './RecordLifecycle';

const ACTION_LABELS: Record<ActionStatus, string> = { open: 'Open', bezig: 'Bezig', gedaan: 'Gedaan', vervallen: 'Vervallen' };

export function ActionsPanel({ trajectoryId, groupId, schools }: { trajectoryId: number; groupId: number | null; schools: School[] }) {
  const [status, setStatus] = useState('');
  const list = useChannel(
    'actions:list',
    { trajectoryId, status: (status || undefined) as ActionStatus | undefined },
    ['actions'],
  );
  return (
    <Panel
      title="Acties"
      actions={
        <label className="inline-check">
          <span className="field-label">Toon</span>
          <Choice
            value={status}
            onChange={setStatus}
            aria-label="Acties filteren op status"
            empty="Alle"
            options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_LABELS[s] }))}
          />
        </label>
      }
    >
      <ErrorMessage message={list.error} />
      {list.data?.length === 0 ? <Empty>Geen acties.</Empty> : null}
      {list.data && list.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Wat</th>
              <th>Wie</th>
              <th>Wanneer</th>
              <th>School en stap</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Wijzigen</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((a) => (
              <ActionRow key={a.id} action={a} />
            ))}
          </tbody>
        </table>
      ) : null}
      <NewAction trajectoryId={trajectoryId} groupId={groupId} schools={schools} />
    </Panel>
  );
}

function ActionRow({ action: a }: { action: Action }) {
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const [what, setWhat] = useState(a.what);
  const [who, setWho] = useState(a.who ?? '');
  const [due, setDue] = useState(a.due ?? '');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api('actions:update', { id: a.id, what, who, due: due || null }))) setEditing(false);
  };
  if (editing) {
    return (
      <tr>
        <td colSpan={6}>
          <form onSubmit={save} className="edit-row" aria-label={`Actie ${a.what} wijzigen`}>
            <Field label="Wat">
              <input value={what} onChange={(e) => setWhat(e.target.value)} />
            </Field>
            <Field label="Wie (mag leeg)">
              <input value={who} onChange={(e) => setWho(e.target.value)} />
            </Field>
            <Field label="Wanneer (mag leeg)">
              <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
            </Field>
            <EditActions label="Opslaan" busy={action.busy} error={action.error} onCancel={() => setEditing(false)} />
          </form>
        </td>
      </tr>
    );
  }
  return (
    <tr className={a.status === 'gedaan' || a.status === 'vervallen' ? 'row-done' : ''}>
      <td>{a.what}</td>
      <td>{a.who ?? '—'}</td>
      <td>{a.due ? shortDate(a.due) : '—'}</td>
      <td className="small">
        {a.schoolName ?? '—'}
        {a.stepKey ? <div className="muted">{STAP_LABELS[a.stepKey as StapKey] ?? a.stepKey}</div> : null}
      </td>
      <td>
        <select
          value={a.status}
          onChange={(e) => action.run(() => api('actions:update', { id: a.id, status: e.target.value as ActionStatus }))}
          disabled={action.busy}
          aria-label={`Status van ${a.what}`}
        >
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_LABELS[s]}
            </option>
          ))}
        </select>
        <ErrorMessage message={action.error} />
      </td>
      <td className="row-actions">
        <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label={`Actie ${a.what} wijzigen`}>
          Wijzigen
        </button>
        <DeleteRecord kind="action" id={a.id} label={`Actie ${a.what}`} />
      </td>
    </tr>
  );
}

function NewAction({ trajectoryId, groupId, schools }: { trajectoryId: number; groupId: number | null; schools: School[] }) {
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  const [due, setDue] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const [stepKey, setStepKey] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await action.run(() =>
      api('actions:create', {
        trajectoryId,
        groupId,
        schoolId: schoolId ? Number(schoolId) : null,
        stepKey: (stepKey || null) as StapKey | null,
        what,
        who,
        due: due || null,
      }),
    );
    if (created) {
      setWhat('');
      setWho('');
      setDue('');
    }
  };
  return (
    <form onSubmit={submit} className="form form-inline">
      <Field label="Wat">
        <input value={what} onChange={(e) => setWhat(e.target.value)} name="actie-wat" className="input-wide" />
      </Field>
      <Field label="Wie">
        <input value={who} onChange={(e) => setWho(e.target.value)} name="actie-wie" />
      </Field>
      <Field label="Wanneer">
        <input type="date" value={due} onChange={(e) => setDue(e.target.value)} name="actie-wanneer" />
      </Field>
      <Field label="School (actie)">
        <Choice
          value={schoolId}
          onChange={setSchoolId}
          name="actie-school"
          empty="Alle scholen"
          options={schools.map((s) => ({ value: s.id, label: s.name }))}
        />
      </Field>
      <Field label="Stap">
        <Choice
          value={stepKey}
          onChange={setStepKey}
          name="actie-stap"
          empty="Geen stap"
          options={STAPPEN.map((s) => ({ value: s.key, label: s.label }))}
        />
      </Field>
      <button type="submit" disabled={action.busy}>
        Actie toevoegen
      </button>
      <ErrorMessage message={action.error} />
    </form>
  );
}
