// Interest registrations (aanmeldingen) before a deadline: list, register,
// and turn one into a trajectory, put it on the waiting list or decline it.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { EditActions, Choice, Empty, ErrorMessage, Field, Panel, FormActions } from '../ui/parts';
import { shortDate, todayIso } from '../ui/format';
import { INTEREST_STATUSES, type InterestRegistration, type InterestStatus } from '../../../shared/trajectories';
import { ThemePicker, useThemeTitles } from './ThemePicker';
import { seasonOf, seasonChoices } from './season';
import { DeleteRecord } from './RecordLifecycle';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../shared/domain';

const INTEREST_LABELS: Record<InterestStatus, string> = {
  nieuw: 'Nieuw',
  omgezet: 'Omgezet in traject',
  wachtlijst: 'Wachtlijst',
  afgewezen: 'Afgewezen',
};

export function InterestPanel() {
  const [season, setSeason] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const list = useChannel(
    'interest:list',
    {
      season: season || undefined,
      status: (status || undefined) as InterestStatus | undefined,
      search: search.trim() || undefined,
    },
    ['interest', 'trajectories'],
  );
  const themeTitles = useThemeTitles();
  const today = todayIso();
  return (
    <Panel title="Aanmeldingen">
      <div className="filters">
        <Field label="Seizoen">
          <Choice
            value={season}
            onChange={setSeason}
            name="aanmelding-filter-seizoen"
            empty="Alle seizoenen"
            options={seasonChoices()}
          />
        </Field>
        <Field label="Status">
          <Choice
            value={status}
            onChange={setStatus}
            name="aanmelding-filter-status"
            empty="Alle"
            options={INTEREST_STATUSES.map((s) => ({ value: s, label: INTEREST_LABELS[s] }))}
          />
        </Field>
        <Field label="Zoek aanmelding">
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Organisatie of contactpersoon" />
        </Field>
      </div>
      <ErrorMessage message={list.error} />
      {list.data?.length === 0 ? <Empty>Geen aanmeldingen gevonden.</Empty> : null}
      {list.data && list.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Organisatie</th>
              <th>Contact</th>
              <th>Ontvangen</th>
              <th>Deadline</th>
              <th>Modules</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.organisationName}
                  <div className="muted small">{r.season}</div>
                </td>
                <td>
                  {r.contactName}
                  {r.contactEmail ? <div className="muted small">{r.contactEmail}</div> : null}
                </td>
                <td>
                  {shortDate(r.receivedOn)}
                  {r.lateNote ? <div className="late-note small">{r.lateNote}</div> : null}
                </td>
                <td>
                  {shortDate(r.deadline)}
                  {r.status === 'nieuw' && r.deadline < today ? <span className="badge warn"> verlopen</span> : null}
                </td>
                <td className="small">{themeTitles(r.modules)}</td>
                <td>
                  {r.trajectoryId ? <a href={`#/trajecten/${r.trajectoryId}`}>{INTEREST_LABELS[r.status]}</a> : INTEREST_LABELS[r.status]}
                </td>
                <td>
                  <ConvertButtons registration={r} />
                  {r.organisationId === null ? <LinkOrganisation registration={r} /> : null}
                  <EditInterest registration={r} />
                  <DeleteRecord kind="interest" id={r.id} label={`Aanmelding ${r.organisationName}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <NewInterest />
    </Panel>
  );
}

function ConvertButtons({ registration }: { registration: InterestRegistration }) {
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  if (registration.status === 'omgezet' || registration.status === 'afgewezen') return null;
  const convert = async (to: 'traject' | 'wachtlijst' | 'afgewezen') => {
    const result = await action.run(() => api('interest:convert', { id: registration.id, to }));
    if (result?.notice) setNotice(result.notice);
  };
  const who = registration.organisationName;
  return (
    <div className="row compact">
      <button type="button" onClick={() => convert('traject')} disabled={action.busy} aria-label={`${who}: omzetten in traject`}>
        Traject
      </button>
      {registration.status !== 'wachtlijst' ? (
        <button type="button" onClick={() => convert('wachtlijst')} disabled={action.busy} aria-label={`${who}: op wachtlijst`}>
          Wachtlijst
        </button>
      ) : null}
      <button type="button" onClick={() => convert('afgewezen')} disabled={action.busy} aria-label={`${who}: afwijzen`}>
        Afwijzen
      </button>
      {notice ? <span className="notice small" role="status">{notice}</span> : null}
      <ErrorMessage message={action.error} />
    </div>
  );
}

function NewInterest() {
  const organisations = useChannel('organisations:list', undefined, ['organisations']);
  const [organisationId, setOrganisationId] = useState('');
  const [organisationName, setOrganisationName] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [deadline, setDeadline] = useState('');
  const [season, setSeason] = useState(seasonOf());
  const [modules, setModules] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [acceptLate, setAcceptLate] = useState(false);
  const [lateNote, setLateNote] = useState('');
  const action = useAction();
  const known = organisations.data?.find((o) => String(o.id) === organisationId);
  const late = deadline !== '' && receivedOn > deadline;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await action.run(() =>
      api('interest:create', {
        organisationId: known ? known.id : null,
        organisationName: known ? known.name : organisationName,
        contactName,
        contactEmail,
        receivedOn,
        deadline,
        season,
        modules,
        notes,
        ...(late ? { acceptLate, lateNote } : {}),
      }),
    );
    if (created) {
      setAcceptLate(false);
      setLateNote('');
      setOrganisationName('');
      setContactName('');
      setContactEmail('');
      setNotes('');
      setModules([]);
    }
  };
  return (
    <details className="subform">
      <summary>Nieuwe aanmelding</summary>
      <form onSubmit={submit} className="form form-grid">
        <Field label="Bekende organisatie">
          <Choice
            value={organisationId}
            onChange={setOrganisationId}
            name="aanmelding-organisatie"
            empty="Nieuwe organisatie…"
            options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Field>
        {known ? (
          <div />
        ) : (
          <Field label="Naam organisatie">
            <input value={organisationName} onChange={(e) => setOrganisationName(e.target.value)} name="aanmelding-organisatie-naam" />
          </Field>
        )}
        <Field label="Seizoen">
          <Choice
            value={season}
            onChange={setSeason}
            name="aanmelding-seizoen"
            options={seasonChoices()}
          />
        </Field>
        <Field label="Contactpersoon">
          <input value={contactName} onChange={(e) => setContactName(e.target.value)} name="aanmelding-contact" />
        </Field>
        <Field label="E-mail contactpersoon (mag leeg)">
          <input type="email" value={contactEmail} onChange={(e) => setContactEmail(e.target.value)} name="aanmelding-email" />
        </Field>
        <div />
        <Field label="Ontvangen op">
          <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} name="aanmelding-ontvangen" />
        </Field>
        <Field label="Deadline">
          <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} name="aanmelding-deadline" />
        </Field>
        <div />
        {late ? (
          <div className="span-all stack">
            <label className="inline-check">
              <input type="checkbox" checked={acceptLate} onChange={(e) => setAcceptLate(e.target.checked)} />
              Na de deadline ontvangen: toch aannemen
            </label>
            {acceptLate ? (
              <Field label="Notitie bij late aanmelding (mag leeg)">
                <input value={lateNote} onChange={(e) => setLateNote(e.target.value)} />
              </Field>
            ) : null}
          </div>
        ) : null}
        <div className="span-all">
          <ThemePicker value={modules} onChange={setModules} legend="Modules van interesse" />
        </div>
        <div className="span-all">
          <Field label="Notitie bij aanmelding">
            <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
          </Field>
        </div>
        <FormActions error={action.error} busy={action.busy} label="Aanmelding opslaan" />
      </form>
    </details>
  );
}

/** A registration with a free-typed organisation: link it to an existing one or create it from the name. */
function LinkOrganisation({ registration }: { registration: InterestRegistration }) {
  const [open, setOpen] = useState(false);
  const organisations = useChannel('organisations:list', undefined, ['organisations'], open);
  const [organisationId, setOrganisationId] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('scholengroep');
  const action = useAction();
  const who = registration.organisationName;
  const link = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(() =>
      api(
        'interest:link',
        organisationId
          ? { id: registration.id, organisationId: Number(organisationId) }
          : { id: registration.id, newOrganisation: { name: registration.organisationName, kind } },
      ),
    );
    if (done) setOpen(false);
  };
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={`${who}: koppelen aan organisatie`}>
        Koppelen aan organisatie
      </button>
    );
  }
  return (
    <form onSubmit={link} className="edit-row" aria-label={`${who} koppelen`}>
      <Field label="Organisatie">
        <Choice
          value={organisationId}
          onChange={setOrganisationId}
          empty={`Nieuw: ${registration.organisationName}`}
          options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </Field>
      {organisationId === '' ? (
        <Field label="Soort nieuwe organisatie">
          <Choice value={kind} onChange={(v) => setKind(v as OrganisationKind)} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))} />
        </Field>
      ) : null}
      <EditActions label="Koppelen" busy={action.busy} error={action.error} onCancel={() => setOpen(false)} />
    </form>
  );
}

function EditInterest({ registration }: { registration: InterestRegistration }) {
  const [open, setOpen] = useState(false);
  const [contactName, setContactName] = useState(registration.contactName);
  const [contactEmail, setContactEmail] = useState(registration.contactEmail ?? '');
  const [deadline, setDeadline] = useState(registration.deadline);
  const [notes, setNotes] = useState(registration.notes ?? '');
  const action = useAction();
  const who = registration.organisationName;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api('interest:update', { id: registration.id, contactName, contactEmail, deadline, notes }))) setOpen(false);
  };
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={`Aanmelding ${who} wijzigen`}>
        Wijzigen
      </button>
    );
  }
  return (
    <form onSubmit={save} className="edit-row" aria-label={`Aanmelding ${who} wijzigen`}>
      <Field label="Contactpersoon">
        <input value={contactName} onChange={(e) => setContactName(e.target.value)} />
      </Field>
      <Field label="E-mail contactpersoon (mag leeg)">
        <input type="email" value={contactEmail} onChange={(e) => setContactEmail(e.target.value)} />
      </Field>
      <Field label="Deadline">
        <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </Field>
      <Field label="Notitie bij aanmelding">
        <input value={notes} onChange={(e) => setNotes(e.target.value)} />
      </Field>
      <EditActions label="Opslaan" busy={action.busy} error={action.error} onCancel={() => setOpen(false)} />
    </form>
  );
}
