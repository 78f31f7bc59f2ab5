import type { Session, SessionStatus } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../open';
import { getGroup } from './groups';
import { dutchDate } from '../../../shared/dates';

interface SessionRow {
  id: number;
  group_id: number;
  group_name: string;
  organisation_name: string;
  module_id: string;
  module_version: string;
  module_title: string;
  date: string;
  start_time: string | null;
  location: string | null;
  facilitator: string | null;
  status: SessionStatus;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

const SELECT = `
  SELECT s.id, s.group_id, g.name AS group_name, o.name AS organisation_name, s.module_id,
         s.module_version, s.module_title, s.date, s.start_time, s.location, s.facilitator, s.status,
         s.cancelled_at, s.cancel_reason
  FROM sessions s JOIN groups g ON g.id = s.group_id JOIN organisations o ON o.id = g.organisation_id`;

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  groupId: r.group_id,
  groupName: r.group_name,
  organisationName: r.organisation_name,
  moduleId: r.module_id,
  moduleVersion: r.module_version,
  moduleTitle: r.module_title,
  date: r.date,
  startTime: r.start_time,
  location: r.location,
  facilitator: r.facilitator,
  status: r.status,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
});

export interface SessionFilter {
  groupId?: number;
  /** Only sessions on or after this date (YYYY-MM-DD), e.g. the upcoming ones. */
  from?: string;
  /** Screens page through ten years of sessions; without a limit all rows come back (CLI, exports). */
  limit?: number;
  offset?: number;
}

/** Newest first; with `from`, oldest first (the next meeting on top). */
export function listSessions(db: Db, filter: SessionFilter = {}): Session[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.groupId !== undefined) {
    where.push('s.group_id = ?');
    params.push(filter.groupId);
  }
  if (filter.from !== undefined) {
    where.push('s.date >= ?');
    params.push(filter.from);
  }
  const order = filter.from !== undefined ? 's.date ASC, s.id ASC' : 's.date DESC, s.id DESC';
  let sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`;
  if (filter.limit !== undefined) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(filter.limit, filter.offset ?? 0);
  }
  return (db.prepare(sql).all(...params) as SessionRow[]).map(toSession);
}

export function getSession(db: Db, id: number): Session {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Deze sessie bestaat niet (meer).');
  return toSession(row);
}

export function createSession(
  db: Db,
  input: {
    groupId: number;
    module: { id: string; version: string; title: string };
    date: string;
    startTime?: string | null;
    location?: string | null;
    facilitator?: string | null;
  },
): Session {
  getGroup(db, input.groupId);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO sessions (group_id, module_id, module_version, module_title, date, start_time, location, facilitator)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.groupId,
      input.module.id,
      input.module.version,
      input.module.title,
      input.date,
      input.startTime ?? null,
      input.location ?? null,
      input.facilitator ?? null,
    );
  return getSession(db, Number(lastInsertRowid));
}

// --- life cycle (issue 11): reschedule, cancel, duplicate --------------------

/**
 * A date before today needs the user's confirmation (a typo in the year is
 * easy to make). Screens always send `confirmed` (false until the user said
 * yes); callers that send nothing (demo data, scripts) are not asked.
 */
export function assertDateConfirmed(date: string, today: string, confirmed: boolean | undefined): void {
  if (date < today && confirmed === false) {
    throw new AppError(
      'conflict',
      `De datum ${dutchDate(date)} ligt in het verleden. Bevestig dat je de sessie op die datum wilt vastleggen.`,
    );
  }
}

/** Moves a session (date, time, place, facilitator); its history stays with it. */
export function rescheduleSession(
  db: Db,
  id: number,
  input: { date?: string; startTime?: string | null; location?: string | null; facilitator?: string | null },
): Session {
  const current = getSession(db, id);
  if (current.cancelledAt) throw new AppError('conflict', 'Deze sessie is geannuleerd. Zet haar eerst terug om haar te verzetten.');
  db.prepare('UPDATE sessions SET date = ?, start_time = ?, location = ?, facilitator = ? WHERE id = ?').run(
    input.date ?? current.date,
    input.startTime !== undefined ? input.startTime : current.startTime,
    input.location !== undefined ? input.location : current.location,
    input.facilitator !== undefined ? input.facilitator : current.facilitator,
    id,
  );
  return getSession(db, id);
}

/** Cancels a session (or takes the cancellation back); attendance, entries and timings stay. */
export function setSessionCancelled(db: Db, id: number, cancelled: boolean, at: string, reason?: string | null): Session {
  const current = getSession(db, id);
  if (cancelled && current.status === 'bezig') {
    throw new AppError('conflict', 'Deze sessie is bezig. Beëindig het presenteren voordat je haar annuleert.');
  }
  db.prepare('UPDATE sessions SET cancelled_at = ?, cancel_reason = ? WHERE id = ?').run(cancelled ? at : null, cancelled ? (reason ?? null) : null, id);
  return getSession(db, id);
}

/** A new planned session with the same group, module version, agenda, time and place: a template. */
export function duplicateSession(db: Db, id: number, date: string): Session {
  getSession(db, id);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO sessions (group_id, module_id, module_version, module_title, date, start_time, location, facilitator,
                             module_snapshot, agenda, trajectory_id)
       SELECT group_id, module_id, module_version, module_title, ?, start_time, location, facilitator,
              module_snapshot, agenda, trajectory_id
       FROM sessions WHERE id = ?`,
    )
    .run(date, id);
  return getSession(db, Number(lastInsertRowid));
}
