// Agreed actions (wat, wie, wanneer, status) in a trajectory, per school and step.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { Empty, ErrorMessage, Field, Panel } from '../ui/parts';
import { shortDate } from '../ui/format';
import { ACTION_STATUSES, type Action, type ActionStatus } from '../../../shared/trajectories';
import { STAPPEN, STAP_LABELS, type StapKey } from '../../../shared/stappenplan';
import type { School } from '../../../shared/domain';

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
          <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label="Acties filteren op status">
            <option value="">Alle</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_LABELS[s]}
              </option>
            ))}
          </select>
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
        <select value={schoolId} onChange={(e) => setSchoolId(e.target.value)} name="actie-school">
          <option value="">Alle scholen</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Stap">
        <select value={stepKey} onChange={(e) => setStepKey(e.target.value)} name="actie-stap">
          <option value="">Geen stap</option>
          {STAPPEN.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={action.busy}>
        Actie toevoegen
      </button>
      <ErrorMessage message={action.error} />
    </form>
  );
}
