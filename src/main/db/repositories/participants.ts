import type { Participant, ParticipantRole } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../open';
import { getOrganisation, getSchool } from './organisations';

interface ParticipantRow {
  id: number;
  organisation_id: number;
  school_id: number | null;
  school_name: string | null;
  name: string;
  role: ParticipantRole;
  email: string | null;
}

const SELECT = `
  SELECT p.id, p.organisation_id, p.school_id, s.name AS school_name, p.name, p.role, p.email
  FROM participants p LEFT JOIN schools s ON s.id = p.school_id`;

const toParticipant = (r: ParticipantRow): Participant => ({
  id: r.id,
  organisationId: r.organisation_id,
  schoolId: r.school_id,
  schoolName: r.school_name,
  name: r.name,
  role: r.role,
  email: r.email,
});

export interface ParticipantFilter {
  organisationId?: number;
  groupId?: number;
  schoolId?: number;
  /** Part of the name (case-insensitive for ASCII letters). */
  search?: string;
  /** At most this many rows (screens page; the CLI and exports take all). */
  limit?: number;
  /** Rows to skip (with limit: the next page). */
  offset?: number;
  /** Screens leave archived participants out; reports and exports keep them (default). */
  hideArchived?: boolean;
}

/** Erased participants (AVG) are left out: their rows only keep attendance counts right. */
export function listParticipants(db: Db, filter: ParticipantFilter = {}): Participant[] {
  const where: string[] = ['p.erased_at IS NULL'];
  const params: unknown[] = [];
  let from = SELECT;
  if (filter.groupId !== undefined) {
    from += ' JOIN group_members gm ON gm.participant_id = p.id';
    where.push('gm.group_id = ?');
    params.push(filter.groupId);
  }
  if (filter.organisationId !== undefined) {
    where.push('p.organisation_id = ?');
    params.push(filter.organisationId);
  }
  if (filter.schoolId !== undefined) {
    where.push('p.school_id = ?');
    params.push(filter.schoolId);
  }
  if (filter.hideArchived) where.push('p.archived_at IS NULL');
  if (filter.search) {
    where.push("p.name LIKE ? ESCAPE '\\'");
    params.push(`%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const rows = db
    .prepare(`${from} WHERE ${where.join(' AND ')} ORDER BY p.name COLLATE NOCASE, p.id${filter.limit ? ' LIMIT ? OFFSET ?' : ''}`)
    .all(...params, ...(filter.limit ? [filter.limit, filter.offset ?? 0] : [])) as ParticipantRow[];
  return rows.map(toParticipant);
}

export function getParticipant(db: Db, id: number): Participant {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ParticipantRow | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Deze deelnemer bestaat niet (meer).');
  return toParticipant(row);
}

export function createParticipant(
  db: Db,
  input: {
    organisationId: number;
    schoolId?: number | null;
    name: string;
    role: ParticipantRole;
    email?: string | null;
  },
): Participant {
  getOrganisation(db, input.organisationId);
  if (input.schoolId != null) {
    const school = getSchool(db, input.schoolId);
    if (school.organisationId !== input.organisationId) {
      throw new AppError('ongeldige_invoer', 'Deze school hoort niet bij de gekozen organisatie.');
    }
  }
  const { lastInsertRowid } = db
    .prepare('INSERT INTO participants (organisation_id, school_id, name, role, email) VALUES (?, ?, ?, ?, ?)')
    .run(input.organisationId, input.schoolId ?? null, input.name, input.role, input.email ?? null);
  return getParticipant(db, Number(lastInsertRowid));
}

/** Edits a participant in place; only the fields given change. */
export function updateParticipant(
  db: Db,
  id: number,
  input: { name?: string; schoolId?: number | null; role?: ParticipantRole; email?: string | null },
): Participant {
  const current = getParticipant(db, id);
  const erased = db.prepare('SELECT erased_at FROM participants WHERE id = ?').pluck().get(id);
  if (erased) throw new AppError('conflict', 'Deze deelnemer is gewist (AVG) en kan niet meer worden gewijzigd.');
  if (input.schoolId != null && input.schoolId !== current.schoolId) {
    const school = getSchool(db, input.schoolId);
    if (school.organisationId !== current.organisationId) {
      throw new AppError('ongeldige_invoer', 'Deze school hoort niet bij de organisatie van de deelnemer.');
    }
  }
  db.prepare('UPDATE participants SET name = ?, school_id = ?, role = ?, email = ? WHERE id = ?').run(
    input.name ?? current.name,
    input.schoolId !== undefined ? input.schoolId : current.schoolId,
    input.role ?? current.role,
    input.email !== undefined ? input.email : current.email,
    id,
  );
  return getParticipant(db, id);
}
