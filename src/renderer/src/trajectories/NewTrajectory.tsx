// Start a trajectory for an organisation's group in a season. When the
// season is full ("vol = vol") main puts it on the waiting list and says so.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { go } from '../navigation';
import { useAction, useChannel } from '../ui/hooks';
import { Choice, Field, FormActions, Panel } from '../ui/parts';
import { ThemePicker } from './ThemePicker';
import { seasonOf, seasonChoices } from './season';

export function NewTrajectory() {
  const organisations = useChannel('organisations:list', undefined, ['organisations']);
  const [organisationId, setOrganisationId] = useState('');
  const groups = useChannel(
    'groups:list',
    { organisationId: Number(organisationId) || undefined },
    ['groups'],
    organisationId !== '',
  );
  const [groupId, setGroupId] = useState('');
  const [name, setName] = useState('');
  const [season, setSeason] = useState(seasonOf());
  const [themes, setThemes] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [notice, setNotice] = useState<{ id: number; text: string } | null>(null);
  const capacity = useChannel('capacity:get', { season }, ['trajectories']);
  const action = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const result = await action.run(() =>
      api('trajectories:create', {
        organisationId: Number(organisationId),
        groupId: groupId ? Number(groupId) : null,
        name,
        season,
        themes,
        notes,
      }),
    );
    if (!result) return;
    setName('');
    setNotes('');
    setThemes([]);
    if (result.notice) setNotice({ id: result.trajectory.id, text: result.notice });
    else go(`trajecten/${result.trajectory.id}`);
  };

  return (
    <Panel title="Nieuw traject">
      <form onSubmit={submit} className="form form-grid">
        <Field label="Organisatie">
          <select
            value={organisationId}
            onChange={(e) => {
              setOrganisationId(e.target.value);
              setGroupId('');
            }}
            name="traject-organisatie"
          >
            <option value="">Kies een organisatie…</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Groep of kernteam">
          <select value={groupId} onChange={(e) => setGroupId(e.target.value)} name="traject-groep" disabled={!organisationId}>
            <option value="">Nog geen groep</option>
            {(organisationId ? (groups.data ?? []) : []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.memberCount} leden)
              </option>
            ))}
          </select>
        </Field>
        <Field label="Naam traject">
          <input value={name} onChange={(e) => setName(e.target.value)} name="traject-naam" />
        </Field>
        <Field
          label="Seizoen"
          hint={
            capacity.data
              ? capacity.data.capacity === null
                ? `${capacity.data.used} trajecten, geen maximum ingesteld`
                : capacity.data.full
                  ? `Vol: ${capacity.data.used} van ${capacity.data.capacity}. Een nieuw traject komt op de wachtlijst.`
                  : `${capacity.data.used} van ${capacity.data.capacity} plaatsen bezet`
              : undefined
          }
        >
          <Choice
            value={season}
            onChange={setSeason}
            name="traject-seizoen"
            options={seasonChoices()}
          />
        </Field>
        <div className="span-2">
          <ThemePicker value={themes} onChange={setThemes} legend="Thema’s (modules)" />
        </div>
        <div className="span-all">
          <Field label="Notities">
            <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} name="traject-notities" />
          </Field>
        </div>
        <FormActions error={action.error} busy={action.busy} label="Traject aanmaken" />
      </form>
      {notice ? (
        <p className="notice" role="status">
          {notice.text} <a href={`#/trajecten/${notice.id}`}>Naar het traject</a>
        </p>
      ) : null}
    </Panel>
  );
}
