// Interest registrations: a school group shows interest before a deadline;
// the registration is later turned into a trajectory or put on the waiting list.

import { dutchDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type {
  ConvertInterestResult,
  InterestRegistration,
  InterestStatus,
} from '../../../shared/trajectories';
import type { Db } from '../open';
import { getOrganisation } from './organisations';
import { createTrajectory, likePattern, parseJsonList } from './trajectories';

interface InterestRow {
  id: number;
  organisation_name: string;
  organisation_id: number | null;
  contact_name: string;
  contact_email: string | null;
  received_on: string;
  deadline: string;
  season: string;
  modules: string;
  notes: string | null;
  status: InterestStatus;
  trajectory_id: number | null;
  created_at: string;
  late_note: string | null;
}

const SELECT = `SELECT id, organisation_name, organisation_id, contact_name, contact_email, received_on, deadline,
  season, modules, notes, status, trajectory_id, created_at, late_note FROM interest_registrations`;

const toInterest = (r: InterestRow): InterestRegistration => ({
  id: r.id,
  organisationName: r.organisation_name,
  organisationId: r.organisation_id,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  receivedOn: r.received_on,
  deadline: r.deadline,
  season: r.season,
  modules: parseJsonList(r.modules),
  notes: r.notes,
  status: r.status,
  trajectoryId: r.trajectory_id,
  createdAt: r.created_at,
  lateNote: r.late_note,
});

export function listInterest(
  db: Db,
  filter: { season?: string; status?: InterestStatus; search?: string } = {},
): InterestRegistration[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.season !== undefined) {
    where.push('season = ?');
    params.push(filter.season);
  }
  if (filter.status !== undefined) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.search) {
    where.push("(organisation_name LIKE ? ESCAPE '\\' OR contact_name LIKE ? ESCAPE '\\')");
    params.push(likePattern(filter.search), likePattern(filter.search));
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY season DESC, status, received_on, id`;
  return (db.prepare(sql).all(...params) as InterestRow[]).map(toInterest);
}

export function getInterest(db: Db, id: number): InterestRegistration {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as InterestRow | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Deze aanmelding bestaat niet (meer).');
  return toInterest(row);
}

export function createInterest(
  db: Db,
  input: {
    organisationName: string;
    organisationId?: number | null;
    contactName: string;
    contactEmail?: string | null;
    receivedOn: string;
    deadline: string;
    season: string;
    modules?: string[];
    notes?: string | null;
    /** Accept a registration received after the deadline; it carries a visible note. */
    acceptLate?: boolean;
    lateNote?: string | null;
  },
): InterestRegistration {
  const late = input.receivedOn > input.deadline;
  if (late && !input.acceptLate) {
    throw new AppError(
      'ongeldige_invoer',
      `Deze aanmelding is ontvangen op ${dutchDate(input.receivedOn)}, na de deadline van ${dutchDate(input.deadline)}. ` +
        'Kies "Toch aannemen" om haar met een notitie te registreren.',
    );
  }
  const lateNote = late
    ? `Na de deadline (${dutchDate(input.deadline)}) ontvangen en toch aangenomen${input.lateNote ? `: ${input.lateNote}` : '.'}`
    : null;
  if (input.organisationId != null) getOrganisation(db, input.organisationId);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO interest_registrations
         (organisation_name, organisation_id, contact_name, contact_email, received_on, deadline, season, modules, notes, late_note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.organisationName,
      input.organisationId ?? null,
      input.contactName,
      input.contactEmail ?? null,
      input.receivedOn,
      input.deadline,
      input.season,
      JSON.stringify([...new Set(input.modules ?? [])]),
      input.notes ?? null,
      lateNote,
    );
  return getInterest(db, Number(lastInsertRowid));
}

/**
 * Turns a registration into a trajectory ('traject': on the waiting list
 * when the season is full), puts it on the waiting list, or declines it.
 */
export function convertInterest(
  db: Db,
  input: {
    id: number;
    to: 'traject' | 'wachtlijst' | 'afgewezen';
    organisationId?: number | null;
    groupId?: number | null;
    name?: string | null;
  },
): ConvertInterestResult {
  const registration = getInterest(db, input.id);
  if (registration.status === 'omgezet' || registration.status === 'afgewezen') {
    throw new AppError(
      'conflict',
      registration.status === 'omgezet'
        ? 'Deze aanmelding is al omgezet in een traject.'
        : 'Deze aanmelding is afgewezen; maak een nieuwe aanmelding.',
    );
  }
  if (registration.trajectoryId !== null) {
    throw new AppError(
      'conflict',
      'Deze aanmelding heeft al een traject (op de wachtlijst). Zet dat traject op "Gepland" zodra er plaats is.',
    );
  }
  if (input.to !== 'traject') {
    db.prepare('UPDATE interest_registrations SET status = ? WHERE id = ?').run(input.to, input.id);
    return { registration: getInterest(db, input.id), trajectory: null, notice: null };
  }
  let organisationId = input.organisationId ?? registration.organisationId;
  if (organisationId == null) {
    const match = db
      .prepare('SELECT id FROM organisations WHERE name = ? COLLATE NOCASE')
      .get(registration.organisationName) as { id: number } | undefined;
    if (!match) {
      throw new AppError(
        'ongeldige_invoer',
        `Er is nog geen organisatie "${registration.organisationName}". Maak die eerst aan of kies een organisatie.`,
      );
    }
    organisationId = match.id;
  }
  const { trajectory, notice } = createTrajectory(db, {
    organisationId,
    groupId: input.groupId ?? null,
    name: input.name ?? `${registration.organisationName} ${registration.season}`.slice(0, 200),
    season: registration.season,
    themes: registration.modules,
    notes: registration.notes,
  });
  const status: InterestStatus = trajectory.status === 'wachtlijst' ? 'wachtlijst' : 'omgezet';
  db.prepare(
    'UPDATE interest_registrations SET status = ?, trajectory_id = ?, organisation_id = ? WHERE id = ?',
  ).run(status, trajectory.id, organisationId, input.id);
  return { registration: getInterest(db, input.id), trajectory, notice };
}

// --- life cycle (issue 11) -------------------------------------------------------

/** Edits a registration in place; only the fields given change. */
export function updateInterest(
  db: Db,
  id: number,
  input: {
    organisationName?: string;
    contactName?: string;
    contactEmail?: string | null;
    receivedOn?: string;
    deadline?: string;
    season?: string;
    modules?: string[];
    notes?: string | null;
  },
): InterestRegistration {
  const current = getInterest(db, id);
  const receivedOn = input.receivedOn ?? current.receivedOn;
  const deadline = input.deadline ?? current.deadline;
  // Moving the dates past each other makes a registration late: keep a note, as when it was accepted late.
  let lateNote = current.lateNote;
  if (receivedOn > deadline && !lateNote) lateNote = `Na de deadline (${dutchDate(deadline)}) ontvangen en toch aangenomen.`;
  if (receivedOn <= deadline) lateNote = null;
  db.prepare(
    `UPDATE interest_registrations SET organisation_name = ?, contact_name = ?, contact_email = ?, received_on = ?,
       deadline = ?, season = ?, modules = ?, notes = ?, late_note = ? WHERE id = ?`,
  ).run(
    input.organisationName ?? current.organisationName,
    input.contactName ?? current.contactName,
    input.contactEmail !== undefined ? input.contactEmail : current.contactEmail,
    receivedOn,
    deadline,
    input.season ?? current.season,
    JSON.stringify([...new Set(input.modules ?? current.modules)]),
    input.notes !== undefined ? input.notes : current.notes,
    lateNote,
    id,
  );
  return getInterest(db, id);
}

/** Links a registration with a free-typed organisation to an organisation in the app (its name follows). */
export function linkInterest(db: Db, id: number, organisationId: number): InterestRegistration {
  getInterest(db, id);
  const org = getOrganisation(db, organisationId);
  db.prepare('UPDATE interest_registrations SET organisation_id = ?, organisation_name = ? WHERE id = ?').run(org.id, org.name, id);
  return getInterest(db, id);
}
