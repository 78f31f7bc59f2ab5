// Add a walk-in during a session: pick someone of the organisation who is
// not in the group, or add a new person, and mark them present at once.
// Mount in the session's attendance panel: <WalkIn sessionId={session.id} groupId={session.groupId} />.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { Choice, ErrorMessage, Field } from '../ui/parts';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../../shared/domain';

export function WalkIn({ sessionId, groupId }: { sessionId: number; groupId: number }) {
  const groups = useChannel('groups:list', undefined, ['groups']);
  const organisationId = groups.data?.find((g) => g.id === groupId)?.organisationId;
  if (organisationId === undefined) return null;
  return <WalkInForm sessionId={sessionId} organisationId={organisationId} />;
}

function WalkInForm({ sessionId, organisationId }: { sessionId: number; organisationId: number }) {
  const present = useChannel('attendance:list', { sessionId }, ['attendance', 'groups']);
  const people = useChannel('participants:list', { organisationId }, ['participants']);
  const schools = useChannel('schools:list', { organisationId }, ['organisations']);
  const [who, setWho] = useState('');
  const [name, setName] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const [role, setRole] = useState<ParticipantRole>('docent/mentor');
  const action = useAction();
  const listed = new Set((present.data ?? []).map((r) => r.participantId));
  const others = (people.data ?? []).filter((p) => !listed.has(p.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(async () => {
      const participantId =
        who === 'nieuw' || who === ''
          ? (await api('participants:create', { organisationId, schoolId: schoolId ? Number(schoolId) : null, name, role, email: '' })).id
          : Number(who);
      return api('attendance:set', { sessionId, participantId, status: 'aanwezig' });
    });
    if (done) {
      setWho('');
      setName('');
    }
  };
  const isNew = who === '' || who === 'nieuw';
  return (
    <form onSubmit={submit} className="form form-inline walk-in" aria-label="Inloper toevoegen">
      <Field label="Inloper">
        <select value={who} onChange={(e) => setWho(e.target.value)} name="inloper">
          <option value="nieuw">Nieuwe deelnemer…</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.schoolName ? ` (${p.schoolName})` : ''}
            </option>
          ))}
        </select>
      </Field>
      {isNew ? (
        <>
          <Field label="Naam inloper">
            <input value={name} onChange={(e) => setName(e.target.value)} name="inloper-naam" />
          </Field>
          <Field label="School inloper">
            <Choice
              value={schoolId}
              onChange={setSchoolId}
              empty="Geen school"
              options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Field>
          <Field label="Rol inloper">
            <Choice
              value={role}
              onChange={(value) => setRole(value as ParticipantRole)}
              options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: r }))}
            />
          </Field>
        </>
      ) : null}
      <button type="submit" disabled={action.busy}>
        Inloper aanwezig melden
      </button>
      <ErrorMessage message={action.error} />
    </form>
  );
}
