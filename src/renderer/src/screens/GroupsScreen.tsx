// Organisations with their schools, participants and groups. Every form
// saves at once; main validates and answers in Dutch. Participants can be
// searched, exported (CSV, or one person's data as JSON), erased (AVG) and
// imported from CSV.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { EditActions, Choice, Empty, ErrorMessage, Field, Panel } from '../ui/parts';
import {
  GROUP_KINDS,
  ORGANISATION_KINDS,
  ORGANISATION_KIND_LABELS,
  PARTICIPANT_ROLES,
  SCHOOL_SECTORS,
  type Group,
  type GroupKind,
  type Organisation,
  type Participant,
  type School,
  type OrganisationKind,
  type ParticipantRole,
  type SchoolSector,
} from '../../../shared/domain';
import { CsvImport } from '../trajectories/CsvImport';
import { ArchiveList, DeleteRecord, UndoBar, announceUndoable } from '../trajectories/RecordLifecycle';
import { EraseConfirm, ExportPersonButton } from '../trajectories/ParticipantPrivacy';

const PAGE_SIZE = 50;

export function GroupsScreen() {
  const organisations = useChannel('organisations:list', undefined, ['organisations']);
  const [selected, setSelected] = useState<number | null>(null);
  const orgId = selected ?? organisations.data?.[0]?.id ?? null;
  return (
    <div className="stack">
      <h1>Groepen</h1>
      <ErrorMessage message={organisations.error} />
      <UndoBar />
      <div className="grid-sidebar">
        <div className="stack">
          <Panel title="Organisaties">
            {organisations.data?.length === 0 ? <Empty>Nog geen organisaties.</Empty> : null}
            <ul className="choice-list">
              {(organisations.data ?? []).map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    className={o.id === orgId ? 'choice active' : 'choice'}
                    aria-pressed={o.id === orgId}
                    onClick={() => setSelected(o.id)}
                  >
                    {o.name}
                    <span className="muted"> · {ORGANISATION_KIND_LABELS[o.kind]}</span>
                  </button>
                </li>
              ))}
            </ul>
            <ArchiveList kind="organisation" title="Archief" />
          </Panel>
          <NewOrganisation onCreated={setSelected} />
        </div>
        {orgId !== null ? (
          <OrganisationDetail
            key={orgId}
            organisation={organisations.data?.find((o) => o.id === orgId)}
            organisationId={orgId}
            onGone={() => setSelected(null)}
          />
        ) : null}
      </div>
    </div>
  );
}

function NewOrganisation({ onCreated }: { onCreated: (id: number) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('stichting');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const org = await action.run(() => api('organisations:create', { name, kind }));
    if (org) {
      setName('');
      onCreated(org.id);
    }
  };
  return (
    <Panel title="Nieuwe organisatie">
      <form onSubmit={submit} className="form">
        <Field label="Naam">
          <input value={name} onChange={(e) => setName(e.target.value)} name="organisatie-naam" />
        </Field>
        <Field label="Soort">
          <Choice
            value={kind}
            onChange={(value) => setKind(value as OrganisationKind)}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))}
          />
        </Field>
        <ErrorMessage message={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          Organisatie toevoegen
        </button>
      </form>
    </Panel>
  );
}

function OrganisationDetail({
  organisationId,
  organisation,
  onGone,
}: {
  organisationId: number;
  organisation: Organisation | undefined;
  onGone: () => void;
}) {
  const schools = useChannel('schools:list', { organisationId }, ['organisations']);
  const [search, setSearch] = useState('');
  const [schoolFilter, setSchoolFilter] = useState('');
  const filter = {
    organisationId,
    schoolId: schoolFilter ? Number(schoolFilter) : undefined,
    search: search.trim() || undefined,
  };
  // Paged: an organisation can have thousands of participants; the first page shows at once.
  const [pages, setPages] = useState(1);
  const limit = PAGE_SIZE * pages;
  const participants = useChannel('participants:list', { ...filter, limit }, ['participants']);
  const [erasing, setErasing] = useState<Participant | null>(null);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const exporting = useAction();
  const saveCsv = async () => {
    setSavedPath(null);
    const result = await exporting.run(() => api('participants:saveCsv', filter));
    if (result?.saved && result.path) setSavedPath(result.path);
  };
  const groups = useChannel('groups:list', { organisationId }, ['groups']);
  const [groupId, setGroupId] = useState<number | null>(null);
  const activeGroup = groups.data?.find((g) => g.id === groupId) ?? groups.data?.[0];
  // The whole membership of the selected group in one call, not one call per row.
  const memberIds = useChannel('groups:memberIds', activeGroup ? { groupId: activeGroup.id } : undefined, ['groups', 'participants'], activeGroup !== undefined);
  const members = new Set(activeGroup ? memberIds.data ?? [] : []);
  // Bulk: participants ticked in the first column go into a group together.
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<number | null>(null);
  const bulk = useAction();
  const addPicked = async () => {
    if (!activeGroup) return;
    const result = await bulk.run(() => api('groups:addMembers', { groupId: activeGroup.id, participantIds: [...picked] }));
    if (result) {
      announceUndoable(`${result.added} ${result.added === 1 ? 'deelnemer' : 'deelnemers'} toegevoegd aan ${activeGroup.name}.`, null);
      setPicked(new Set());
    }
  };
  const togglePick = (id: number) =>
    setPicked((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="stack">
      {organisation ? <OrganisationHeader organisation={organisation} onGone={onGone} /> : null}
      <div className="grid-2">
        <Panel title="Scholen">
          {schools.data?.length === 0 ? <Empty>Nog geen scholen.</Empty> : null}
          <ul className="list">
            {(schools.data ?? []).map((s) => (
              <li key={s.id}>
                <SchoolRow school={s} />
              </li>
            ))}
          </ul>
          <NewSchool organisationId={organisationId} onCreated={schools.reload} />
        </Panel>
        <Panel title="Groepen en kernteams">
          {groups.data?.length === 0 ? <Empty>Nog geen groepen.</Empty> : null}
          <ul className="choice-list">
            {(groups.data ?? []).map((g) => (
              <li key={g.id}>
                <button
                  type="button"
                  className={g.id === activeGroup?.id ? 'choice active' : 'choice'}
                  aria-pressed={g.id === activeGroup?.id}
                  onClick={() => setGroupId(g.id)}
                >
                  {g.name} <span className="muted">· {g.kind} · {g.memberCount} leden</span>
                </button>
              </li>
            ))}
          </ul>
          {activeGroup ? <GroupEdit key={activeGroup.id} group={activeGroup} /> : null}
          <ArchiveList kind="group" organisationId={organisationId} title="Gearchiveerde groepen" />
          <NewGroup organisationId={organisationId} onCreated={(id) => { setGroupId(id); groups.reload(); }} />
        </Panel>
      </div>
      <Panel
        title="Deelnemers"
        actions={
          <button type="button" onClick={saveCsv} disabled={exporting.busy}>
            Exporteren (CSV)
          </button>
        }
      >
        <div className="filters">
          <Field label="Zoek deelnemer">
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Naam, school of e-mail" />
          </Field>
          <Field label="Filter op school">
            <Choice
              value={schoolFilter}
              onChange={setSchoolFilter}
              name="filter-school"
              empty="Alle scholen"
              options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Field>
        </div>
        <ErrorMessage message={participants.error ?? exporting.error} />
        {savedPath ? (
          <p className="success" role="status">
            Opgeslagen in {savedPath}
          </p>
        ) : null}
        {erasing ? (
          <EraseConfirm
            participant={erasing}
            onDone={(erased) => {
              setErasing(null);
              if (erased) participants.reload();
            }}
          />
        ) : null}
        {participants.data?.length === 0 ? (
          <Empty>{search || schoolFilter ? 'Geen deelnemers gevonden.' : 'Nog geen deelnemers.'}</Empty>
        ) : null}
        <table className="table" hidden={!participants.data || participants.data.length === 0}>
          <thead>
            <tr>
              <th>
                <span className="visually-hidden">Kiezen</span>
              </th>
              <th>Naam</th>
              <th>School</th>
              <th>Rol</th>
              <th>{activeGroup ? `In ${activeGroup.name}` : 'Groep'}</th>
              <th>
                <span className="visually-hidden">Privacy</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(participants.data ?? []).map((p) =>
              editing === p.id ? (
                <tr key={p.id}>
                  <td colSpan={6}>
                    <ParticipantEdit participant={p} schools={schools.data ?? []} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
              <tr key={p.id}>
                <td>
                  <input type="checkbox" checked={picked.has(p.id)} onChange={() => togglePick(p.id)} aria-label={`${p.name} kiezen`} />
                </td>
                <td>{p.name}</td>
                <td>{p.schoolName ?? '—'}</td>
                <td>{p.role}</td>
                <td>
                  {activeGroup && memberIds.data ? (
                    <MemberToggle groupId={activeGroup.id} participantId={p.id} name={p.name} isMember={members.has(p.id)} />
                  ) : null}
                </td>
                <td className="row-actions">
                  <button type="button" className="link-button" onClick={() => setEditing(p.id)} aria-label={`${p.name} wijzigen`}>
                    Wijzigen
                  </button>
                  <DeleteRecord kind="participant" id={p.id} label={p.name} />
                  <ExportPersonButton participant={p} onSaved={setSavedPath} />
                  <button type="button" className="link-button danger-link" onClick={() => setErasing(p)} aria-label={`${p.name} wissen (AVG)`}>
                    Wissen (AVG)
                  </button>
                </td>
              </tr>
              ),
            )}
          </tbody>
        </table>
        {picked.size > 0 && activeGroup ? (
          <div className="row">
            <button type="button" onClick={addPicked} disabled={bulk.busy}>
              {picked.size} {picked.size === 1 ? 'gekozen deelnemer' : 'gekozen deelnemers'} toevoegen aan {activeGroup.name}
            </button>
            <button type="button" className="link-button" onClick={() => setPicked(new Set())}>
              Keuze wissen
            </button>
            <ErrorMessage message={bulk.error} />
          </div>
        ) : null}
        {participants.data && participants.data.length >= limit ? (
          <button type="button" onClick={() => setPages((n) => n + 1)}>
            Meer deelnemers tonen
          </button>
        ) : null}
        <NewParticipant organisationId={organisationId} schools={schools.data ?? []} group={activeGroup} />
        <ArchiveList kind="participant" organisationId={organisationId} title="Gearchiveerde deelnemers" />
        <CsvImport organisationId={organisationId} group={activeGroup} onImported={() => { participants.reload(); groups.reload(); }} />
        <ImportList organisationId={organisationId} />
      </Panel>
    </div>
  );
}

/** One tick is one call; the membership region reloads once when main reports the change. */
function MemberToggle({ groupId, participantId, name, isMember }: { groupId: number; participantId: number; name: string; isMember: boolean }) {
  const action = useAction();
  const toggle = () => action.run(() => api(isMember ? 'groups:removeMember' : 'groups:addMember', { groupId, participantId }));
  return (
    <label className="inline-check">
      <input type="checkbox" checked={isMember} onChange={toggle} disabled={action.busy} aria-label={`${name} in groep`} />
      {action.error ? <span className="error-inline">{action.error}</span> : null}
    </label>
  );
}

function NewSchool({ organisationId, onCreated }: { organisationId: number; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [sector, setSector] = useState<SchoolSector>('po');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api('schools:create', { organisationId, name, sector }))) {
      setName('');
      onCreated();
    }
  };
  return (
    <form onSubmit={submit} className="form form-inline">
      <Field label="Naam school">
        <input value={name} onChange={(e) => setName(e.target.value)} name="school-naam" />
      </Field>
      <Field label="Sector">
        <Choice
          value={sector}
          onChange={(value) => setSector(value as SchoolSector)}
          options={SCHOOL_SECTORS.map((s) => ({ value: s, label: s }))}
        />
      </Field>
      <button type="submit" disabled={action.busy}>
        School toevoegen
      </button>
      <ErrorMessage message={action.error} />
    </form>
  );
}

function NewGroup({ organisationId, onCreated }: { organisationId: number; onCreated: (id: number) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<GroupKind>('kernteam');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const group = await action.run(() => api('groups:create', { organisationId, name, kind }));
    if (group) {
      setName('');
      onCreated(group.id);
    }
  };
  return (
    <form onSubmit={submit} className="form form-inline">
      <Field label="Naam groep">
        <input value={name} onChange={(e) => setName(e.target.value)} name="groep-naam" />
      </Field>
      <Field label="Soort">
        <Choice
          value={kind}
          onChange={(value) => setKind(value as GroupKind)}
          options={GROUP_KINDS.map((k) => ({ value: k, label: k }))}
        />
      </Field>
      <button type="submit" disabled={action.busy}>
        Groep toevoegen
      </button>
      <ErrorMessage message={action.error} />
    </form>
  );
}

function NewParticipant({
  organisationId,
  schools,
  group,
}: {
  organisationId: number;
  schools: { id: number; name: string }[];
  group: { id: number; name: string } | undefined;
}) {
  const [name, setName] = useState('');
  const [schoolId, setSchoolId] = useState<string>('');
  const [role, setRole] = useState<ParticipantRole>('docent/mentor');
  const [email, setEmail] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await action.run(() =>
      api('participants:create', {
        organisationId,
        schoolId: schoolId ? Number(schoolId) : null,
        name,
        role,
        email,
        groupId: group?.id ?? null,
      }),
    );
    if (created) {
      setName('');
      setEmail('');
    }
  };
  return (
    <form onSubmit={submit} className="form form-inline">
      <Field label="Naam deelnemer">
        <input value={name} onChange={(e) => setName(e.target.value)} name="deelnemer-naam" />
      </Field>
      <Field label="School">
        <Choice
          value={schoolId}
          onChange={setSchoolId}
          name="deelnemer-school"
          empty="Geen school"
          options={schools.map((s) => ({ value: s.id, label: s.name }))}
        />
      </Field>
      <Field label="Rol">
        <Choice
          value={role}
          onChange={(value) => setRole(value as ParticipantRole)}
          name="deelnemer-rol"
          options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: r }))}
        />
      </Field>
      <Field label="E-mail (mag leeg)">
        <input value={email} onChange={(e) => setEmail(e.target.value)} type="email" name="deelnemer-email" />
      </Field>
      <button type="submit" disabled={action.busy} aria-describedby={group ? 'nieuw-lid-groep' : undefined}>
        Deelnemer toevoegen
      </button>
      {group ? (
        <span className="field-hint" id="nieuw-lid-groep">
          Komt meteen in {group.name}.
        </span>
      ) : null}
      <ErrorMessage message={action.error} />
    </form>
  );
}

// --- edit in place ------------------------------------------------------------------

function OrganisationHeader({ organisation, onGone }: { organisation: Organisation; onGone: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(organisation.name);
  const [kind, setKind] = useState<OrganisationKind>(organisation.kind);
  const action = useAction();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api('organisations:update', { id: organisation.id, name, kind }))) setOpen(false);
  };
  return (
    <div className="row spread">
      <h2>{organisation.name}</h2>
      {open ? (
        <form onSubmit={save} className="edit-row" aria-label="Organisatie wijzigen">
          <Field label="Naam organisatie">
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="Soort organisatie">
            <Choice
              value={kind}
              onChange={(v) => setKind(v as OrganisationKind)}
              options={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))}
            />
          </Field>
          <EditActions label="Opslaan" busy={action.busy} error={action.error} onCancel={() => setOpen(false)} />
        </form>
      ) : (
        <div className="row">
          <button type="button" onClick={() => setOpen(true)}>
            Organisatie wijzigen
          </button>
          <DeleteRecord kind="organisation" id={organisation.id} label={organisation.name} onDeleted={onGone} buttonLabel="Organisatie verwijderen" />
        </div>
      )}
    </div>
  );
}

function SchoolRow({ school }: { school: School }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(school.name);
  const [sector, setSector] = useState<SchoolSector>(school.sector);
  const action = useAction();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api('schools:update', { id: school.id, name, sector }))) setOpen(false);
  };
  if (!open) {
    return (
      <>
        {school.name} <span className="badge">{school.sector}</span>{' '}
        <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={`${school.name} wijzigen`}>
          Wijzigen
        </button>{' '}
        <DeleteRecord kind="school" id={school.id} label={school.name} />
      </>
    );
  }
  return (
    <form onSubmit={save} className="edit-row" aria-label={`${school.name} wijzigen`}>
      <Field label="Naam school">
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Sector">
        <Choice value={sector} onChange={(v) => setSector(v as SchoolSector)} options={SCHOOL_SECTORS.map((x) => ({ value: x, label: x }))} />
      </Field>
      <EditActions label="Opslaan" busy={action.busy} error={action.error} onCancel={() => setOpen(false)} />
    </form>
  );
}

function GroupEdit({ group }: { group: Group }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(group.name);
  const [kind, setKind] = useState<GroupKind>(group.kind);
  const action = useAction();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api('groups:update', { id: group.id, name, kind }))) setOpen(false);
  };
  if (!open) {
    return (
      <div className="row">
        <span className="muted">Gekozen: {group.name}</span>
        <button type="button" onClick={() => setOpen(true)}>
          Groep wijzigen
        </button>
        <DeleteRecord kind="group" id={group.id} label={group.name} buttonLabel="Groep verwijderen" />
      </div>
    );
  }
  return (
    <form onSubmit={save} className="edit-row" aria-label={`${group.name} wijzigen`}>
      <Field label="Naam groep">
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Soort groep">
        <Choice value={kind} onChange={(v) => setKind(v as GroupKind)} options={GROUP_KINDS.map((k) => ({ value: k, label: k }))} />
      </Field>
      <EditActions label="Opslaan" busy={action.busy} error={action.error} onCancel={() => setOpen(false)} />
    </form>
  );
}

function ParticipantEdit({ participant, schools, onDone }: { participant: Participant; schools: School[]; onDone: () => void }) {
  const [name, setName] = useState(participant.name);
  const [schoolId, setSchoolId] = useState(participant.schoolId ? String(participant.schoolId) : '');
  const [role, setRole] = useState<ParticipantRole>(participant.role);
  const [email, setEmail] = useState(participant.email ?? '');
  const action = useAction();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await action.run(() =>
      api('participants:update', { id: participant.id, name, schoolId: schoolId ? Number(schoolId) : null, role, email }),
    );
    if (saved) onDone();
  };
  return (
    <form onSubmit={save} className="edit-row" aria-label={`${participant.name} wijzigen`}>
      <Field label="Naam">
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="School">
        <Choice value={schoolId} onChange={setSchoolId} empty="Geen school" options={schools.map((s) => ({ value: s.id, label: s.name }))} />
      </Field>
      <Field label="Rol">
        <Choice value={role} onChange={(v) => setRole(v as ParticipantRole)} options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: r }))} />
      </Field>
      <Field label="E-mail (mag leeg)">
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={action.busy}>
        Opslaan
      </button>
      <button type="button" onClick={onDone}>
        Annuleren
      </button>
      <ErrorMessage message={action.error} />
    </form>
  );
}

/** Earlier CSV imports: everything one import added can be removed again (with undo). Loaded when opened. */
function ImportList({ organisationId }: { organisationId: number }) {
  const [open, setOpen] = useState(false);
  const imports = useChannel('imports:list', { organisationId }, ['participants'], open);
  const action = useAction();
  const list = (imports.data ?? []).filter((i) => i.participants > 0);
  const remove = async (importId: number) => {
    const result = await action.run(() => api('imports:remove', { importId }));
    if (result) announceUndoable(result.message, result.undoToken);
  };
  return (
    <details className="archive-list" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Eerdere imports</summary>
      {open && imports.data && list.length === 0 ? <p className="muted">Geen imports met deelnemers.</p> : null}
      <ul className="list">
        {(open ? list : []).map((i) => {
          const label = `${i.fileName ?? 'Geplakte CSV'} (${new Date(i.createdAt).toLocaleString('nl-NL')})`;
          return (
            <li key={i.id}>
              {label}: {i.participants} {i.participants === 1 ? 'deelnemer' : 'deelnemers'}{' '}
              <button type="button" className="link-button danger-link" onClick={() => remove(i.id)} disabled={action.busy}>
                Alles uit deze import verwijderen
              </button>
            </li>
          );
        })}
      </ul>
      <ErrorMessage message={action.error ?? imports.error} />
    </details>
  );
}
