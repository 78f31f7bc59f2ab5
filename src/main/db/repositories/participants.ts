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

export function listParticipants(db: Db, filter: { organisationId?: number; groupId?: number } = {}): Participant[] {
  if (filter.groupId !== undefined) {
    const rows = db
      .prepare(
        `${SELECT} JOIN group_members gm ON gm.participant_id = p.id WHERE gm.group_id = ? ORDER BY p.name COLLATE NOCASE`,
      )
      .all(filter.groupId) as ParticipantRow[];
    return rows.map(toParticipant);
  }
  if (filter.organisationId !== undefined) {
    const rows = db
      .prepare(`${SELECT} WHERE p.organisation_id = ? ORDER BY p.name COLLATE NOCASE`)
      .all(filter.organisationId) as ParticipantRow[];
    return rows.map(toParticipant);
  }
  return (db.prepare(`${SELECT} ORDER BY p.name COLLATE NOCASE`).all() as ParticipantRow[]).map(toParticipant);
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
