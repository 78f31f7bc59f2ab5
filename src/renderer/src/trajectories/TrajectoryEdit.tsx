// Edit a trajectory in place (issue 11): name, group, season, themes and
// notes; choose a group for a trajectory that has none (one converted from an
// interest registration), so meetings, stappenplan and matrix open up.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { go, paths } from '../navigation';
import { useAction, useChannel } from '../ui/hooks';
import { Choice, ErrorMessage, Field } from '../ui/parts';
import type { TrajectoryDetail } from '../../../shared/trajectories';
import { ThemePicker } from './ThemePicker';
import { seasonChoices } from './season';
import { DeleteRecord } from './RecordLifecycle';

/** A group of the trajectory's organisation, chosen in one step. */
export function ChooseGroup({ trajectory, onChanged }: { trajectory: TrajectoryDetail; onChanged: () => void }) {
  const groups = useChannel('groups:list', { organisationId: trajectory.organisationId }, ['groups']);
  const [groupId, setGroupId] = useState('');
  const [newName, setNewName] = useState('');
  const action = useAction();
  const choose = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(async () => {
      const id = groupId
        ? Number(groupId)
        : (await api('groups:create', { organisationId: trajectory.organisationId, name: newName, kind: 'kernteam' })).id;
      return api('trajectories:update', { id: trajectory.id, groupId: id });
    });
    if (done) onChanged();
  };
  return (
    <form onSubmit={choose} className="edit-row" aria-label="Groep kiezen">
      <p className="muted">Dit traject heeft nog geen groep. Kies er een om bijeenkomsten te plannen, of maak een nieuwe.</p>
      <Field label="Groep voor dit traject">
        <Choice
          value={groupId}
          onChange={setGroupId}
          empty="Nieuwe groep aanmaken…"
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.name} (${g.memberCount} leden)` }))}
        />
      </Field>
      {groupId === '' ? (
        <Field label="Naam nieuwe groep">
          <input value={newName} onChange={(e) => setNewName(e.target.value)} />
        </Field>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        Groep koppelen
      </button>
      <ErrorMessage message={action.error} />
    </form>
  );
}

export function TrajectoryEdit({ trajectory, onChanged }: { trajectory: TrajectoryDetail; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const groups = useChannel('groups:list', { organisationId: trajectory.organisationId }, ['groups'], open);
  const [name, setName] = useState(trajectory.name);
  const [groupId, setGroupId] = useState(trajectory.groupId ? String(trajectory.groupId) : '');
  const [season, setSeason] = useState(trajectory.season);
  const [themes, setThemes] = useState(trajectory.themes);
  const [notes, setNotes] = useState(trajectory.notes ?? '');
  const action = useAction();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(() =>
      api('trajectories:update', { id: trajectory.id, name, groupId: groupId ? Number(groupId) : null, season, themes, notes }),
    );
    if (done) {
      setOpen(false);
      onChanged();
    }
  };
  const seasons = seasonChoices();
  if (!seasons.some((s) => s.value === trajectory.season)) seasons.unshift({ value: trajectory.season, label: trajectory.season });
  if (!open) {
    return (
      <div className="row">
        <button type="button" onClick={() => setOpen(true)}>
          Traject wijzigen
        </button>
        <DeleteRecord kind="trajectory" id={trajectory.id} label={trajectory.name} onDeleted={() => go(paths.trajectories())} buttonLabel="Traject verwijderen" />
      </div>
    );
  }
  return (
    <form onSubmit={save} className="form" aria-label="Traject wijzigen">
      <Field label="Naam van het traject">
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Groep">
        <Choice
          value={groupId}
          onChange={setGroupId}
          empty="Geen groep"
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        />
      </Field>
      <Field label="Seizoen">
        <Choice value={season} onChange={setSeason} options={seasons} />
      </Field>
      <ThemePicker value={themes} onChange={setThemes} />
      <Field label="Notities">
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
      </Field>
      <div className="row">
        <button type="submit" className="primary" disabled={action.busy}>
          Opslaan
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Annuleren
        </button>
      </div>
      <ErrorMessage message={action.error} />
    </form>
  );
}
