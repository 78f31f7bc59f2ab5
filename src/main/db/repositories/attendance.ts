import type { AttendanceRow, AttendanceStatus, ParticipantRole } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../open';
import { getParticipant } from './participants';
import { getSession } from './sessions';

interface Row {
  participant_id: number;
  name: string;
  role: ParticipantRole;
  school_name: string | null;
  status: AttendanceStatus | null;
  walk_in: number | null;
  is_member: number;
}

/** Group members plus anyone with an attendance row (walk-ins), members first. */
export function listAttendance(db: Db, sessionId: number): AttendanceRow[] {
  const session = getSession(db, sessionId);
  const rows = db
    .prepare(
      `SELECT p.id AS participant_id, p.name, p.role, sc.name AS school_name, a.status, a.walk_in,
              (gm.participant_id IS NOT NULL) AS is_member
       FROM participants p
       LEFT JOIN schools sc ON sc.id = p.school_id
       LEFT JOIN group_members gm ON gm.participant_id = p.id AND gm.group_id = ?
       LEFT JOIN attendance a ON a.participant_id = p.id AND a.session_id = ?
       WHERE gm.participant_id IS NOT NULL OR a.session_id IS NOT NULL
       ORDER BY is_member DESC, p.name COLLATE NOCASE`,
    )
    .all(session.groupId, sessionId) as Row[];
  return rows.map((r) => ({
    participantId: r.participant_id,
    name: r.name,
    role: r.role,
    schoolName: r.school_name,
    status: r.status,
    walkIn: r.is_member === 0,
  }));
}

/** Sets (or with null clears) one person's status. One statement, committed at once. */
export function setAttendance(
  db: Db,
  input: { sessionId: number; participantId: number; status: AttendanceStatus | null },
): void {
  const session = getSession(db, input.sessionId);
  const participant = getParticipant(db, input.participantId);
  const organisationId = (
    db.prepare('SELECT organisation_id FROM groups WHERE id = ?').get(session.groupId) as { organisation_id: number }
  ).organisation_id;
  if (participant.organisationId !== organisationId) {
    throw new AppError('ongeldige_invoer', `${participant.name} hoort niet bij de organisatie van deze groep.`);
  }
  if (input.status === null) {
    db.prepare('DELETE FROM attendance WHERE session_id = ? AND participant_id = ?').run(
      input.sessionId,
      input.participantId,
    );
    return;
  }
  const isMember = db
    .prepare('SELECT 1 FROM group_members WHERE group_id = ? AND participant_id = ?')
    .get(session.groupId, input.participantId);
  db.prepare(
    `INSERT INTO attendance (session_id, participant_id, status, walk_in) VALUES (?, ?, ?, ?)
     ON CONFLICT (session_id, participant_id)
     DO UPDATE SET status = excluded.status, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
  ).run(input.sessionId, input.participantId, input.status, isMember ? 0 : 1);
}
