// Trajectories (begeleidingstrajecten): a group, a series of sessions that
// starts with an inspiration session, the themes chosen, a status, and a
// capacity per season with a waiting list ("vol = vol").

import type { School, Session } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import {
  CAPACITY_STATUSES,
  TRAJECTORY_STATUS_LABELS,
  type CreateTrajectoryResult,
  type SeasonCapacity,
  type Trajectory,
  type TrajectoryDetail,
  type TrajectoryStatus,
} from '../../../shared/trajectories';
import type { Db } from '../open';
import { getGroup } from './groups';
import { getOrganisation } from './organisations';
import { getSession } from './sessions';

interface TrajectoryRow {
  id: number;
  organisation_id: number;
  organisation_name: string;
  group_id: number | null;
  group_name: string | null;
  name: string;
  season: string;
  status: TrajectoryStatus;
  themes: string;
  notes: string | null;
  created_at: string;
  session_count: number;
}

const SELECT = `
  SELECT t.id, t.organisation_id, o.name AS organisation_name, t.group_id, g.name AS group_name, t.name,
         t.season, t.status, t.themes, t.notes, t.created_at,
         (SELECT count(*) FROM sessions s WHERE s.trajectory_id = t.id) AS session_count
  FROM trajectories t
  JOIN organisations o ON o.id = t.organisation_id
  LEFT JOIN groups g ON g.id = t.group_id`;

export function parseJsonList(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

const toTrajectory = (r: TrajectoryRow): Trajectory => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  groupId: r.group_id,
  groupName: r.group_name,
  name: r.name,
  season: r.season,
  status: r.status,
  themes: parseJsonList(r.themes),
  notes: r.notes,
  createdAt: r.created_at,
  sessionCount: r.session_count,
});

export interface TrajectoryFilter {
  season?: string;
  status?: TrajectoryStatus;
  organisationId?: number;
  search?: string;
  /** The screen pages; the CLI and reports take all. */
  limit?: number;
  /** Screens leave archived trajectories out. */
  hideArchived?: boolean;
}

/** Escapes % and _ for LIKE … ESCAPE '\'. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listTrajectories(db: Db, filter: TrajectoryFilter = {}): Trajectory[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.season !== undefined) {
    where.push('t.season = ?');
    params.push(filter.season);
  }
  if (filter.status !== undefined) {
    where.push('t.status = ?');
    params.push(filter.status);
  }
  if (filter.organisationId !== undefined) {
    where.push('t.organisation_id = ?');
    params.push(filter.organisationId);
  }
  if (filter.hideArchived) where.push('t.archived_at IS NULL');
  if (filter.search) {
    where.push("(t.name LIKE ? ESCAPE '\\' OR o.name LIKE ? ESCAPE '\\')");
    params.push(likePattern(filter.search), likePattern(filter.search));
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY t.season DESC, o.name COLLATE NOCASE, t.name COLLATE NOCASE${filter.limit ? ' LIMIT ?' : ''}`;
  if (filter.limit) params.push(filter.limit);
  return (db.prepare(sql).all(...params) as TrajectoryRow[]).map(toTrajectory);
}

export function getTrajectory(db: Db, id: number): Trajectory {
  const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TrajectoryRow | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Dit traject bestaat niet (meer).');
  return toTrajectory(row);
}

/** Schools taking part: those of the group's members, plus any with stappenplan progress. */
export function trajectorySchools(db: Db, trajectory: Trajectory): School[] {
  const rows = db
    .prepare(
      `SELECT sc.id, sc.organisation_id, sc.name, sc.sector FROM schools sc
       WHERE sc.id IN (
         SELECT p.school_id FROM group_members gm JOIN participants p ON p.id = gm.participant_id
         WHERE gm.group_id = ? AND p.school_id IS NOT NULL
         UNION SELECT sp.school_id FROM step_progress sp WHERE sp.trajectory_id = ?)
       ORDER BY sc.name COLLATE NOCASE`,
    )
    .all(trajectory.groupId ?? -1, trajectory.id) as {
    id: number;
    organisation_id: number;
    name: string;
    sector: School['sector'];
  }[];
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, name: r.name, sector: r.sector }));
}

export function trajectorySessions(db: Db, trajectoryId: number): Session[] {
  const ids = db
    .prepare('SELECT id FROM sessions WHERE trajectory_id = ? ORDER BY date, id')
    .all(trajectoryId) as { id: number }[];
  return ids.map((r) => getSession(db, r.id));
}

export function getTrajectoryDetail(db: Db, id: number): TrajectoryDetail {
  const trajectory = getTrajectory(db, id);
  return { ...trajectory, sessions: trajectorySessions(db, id), schools: trajectorySchools(db, trajectory) };
}

// --- capacity ------------------------------------------------------------

export function getCapacity(db: Db, season: string): SeasonCapacity {
  const cap = db.prepare('SELECT capacity FROM season_capacity WHERE season = ?').get(season) as
    | { capacity: number }
    | undefined;
  const counts = db
    .prepare(
      `SELECT
         coalesce(sum(status IN (${CAPACITY_STATUSES.map(() => '?').join(',')})), 0) AS used,
         coalesce(sum(status = 'wachtlijst'), 0) AS waiting
       FROM trajectories WHERE season = ?`,
    )
    .get(...CAPACITY_STATUSES, season) as { used: number; waiting: number };
  const capacity = cap ? cap.capacity : null;
  return { season, capacity, used: counts.used, waiting: counts.waiting, full: capacity !== null && counts.used >= capacity };
}

export function setCapacity(db: Db, season: string, capacity: number | null): SeasonCapacity {
  if (capacity === null) db.prepare('DELETE FROM season_capacity WHERE season = ?').run(season);
  else
    db.prepare(
      'INSERT INTO season_capacity (season, capacity) VALUES (?, ?) ON CONFLICT (season) DO UPDATE SET capacity = excluded.capacity',
    ).run(season, capacity);
  return getCapacity(db, season);
}

const fullNotice = (c: SeasonCapacity) =>
  `Seizoen ${c.season} is vol (${c.used} van ${c.capacity} plaatsen bezet): het traject staat op de wachtlijst.`;

// --- writes --------------------------------------------------------------

export function createTrajectory(
  db: Db,
  input: {
    organisationId: number;
    groupId?: number | null;
    name: string;
    season: string;
    themes?: string[];
    notes?: string | null;
    /** Put it on the waiting list even when there is room. */
    waitingList?: boolean;
  },
): CreateTrajectoryResult {
  getOrganisation(db, input.organisationId);
  if (input.groupId != null) {
    const group = getGroup(db, input.groupId);
    if (group.organisationId !== input.organisationId) {
      throw new AppError('ongeldige_invoer', `De groep ${group.name} hoort niet bij deze organisatie.`);
    }
  }
  const capacity = getCapacity(db, input.season);
  let status: TrajectoryStatus = 'gepland';
  let notice: string | null = null;
  if (input.waitingList) {
    status = 'wachtlijst';
  } else if (capacity.full) {
    status = 'wachtlijst';
    notice = fullNotice(capacity);
  }
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO trajectories (organisation_id, group_id, name, season, status, themes, notes) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      input.organisationId,
      input.groupId ?? null,
      input.name,
      input.season,
      status,
      JSON.stringify([...new Set(input.themes ?? [])]),
      input.notes ?? null,
    );
  return { trajectory: getTrajectory(db, Number(lastInsertRowid)), notice };
}

export function setTrajectoryStatus(db: Db, id: number, status: TrajectoryStatus): Trajectory {
  const trajectory = getTrajectory(db, id);
  if (trajectory.status === status) return trajectory;
  const takesPlace = CAPACITY_STATUSES.includes(status);
  if (takesPlace && !CAPACITY_STATUSES.includes(trajectory.status)) {
    const capacity = getCapacity(db, trajectory.season);
    if (capacity.full) {
      throw new AppError(
        'conflict',
        `Seizoen ${capacity.season} is vol (${capacity.used} van ${capacity.capacity} plaatsen bezet). ` +
          `Het traject kan niet op "${TRAJECTORY_STATUS_LABELS[status]}" worden gezet; vergroot eerst de capaciteit.`,
      );
    }
  }
  db.prepare('UPDATE trajectories SET status = ? WHERE id = ?').run(status, id);
  return getTrajectory(db, id);
}

export function updateTrajectory(
  db: Db,
  id: number,
  input: { name?: string; themes?: string[]; notes?: string | null; groupId?: number | null },
): Trajectory {
  const trajectory = getTrajectory(db, id);
  if (input.groupId != null) {
    const group = getGroup(db, input.groupId);
    if (group.organisationId !== trajectory.organisationId) {
      throw new AppError('ongeldige_invoer', `De groep ${group.name} hoort niet bij ${trajectory.organisationName}.`);
    }
  }
  db.prepare(
    `UPDATE trajectories SET name = ?, themes = ?, notes = ?, group_id = ? WHERE id = ?`,
  ).run(
    input.name ?? trajectory.name,
    JSON.stringify([...new Set(input.themes ?? trajectory.themes)]),
    input.notes !== undefined ? input.notes : trajectory.notes,
    input.groupId !== undefined ? input.groupId : trajectory.groupId,
    id,
  );
  return getTrajectory(db, id);
}

/** Links a session to a trajectory (or unlinks it with null). */
export function linkSession(db: Db, sessionId: number, trajectoryId: number | null): Session {
  const session = getSession(db, sessionId);
  if (trajectoryId !== null) {
    const trajectory = getTrajectory(db, trajectoryId);
    // Always, also without a group: another organisation's trajectory report would list this session's people.
    const { organisation_id: sessionOrganisation } = db
      .prepare('SELECT organisation_id FROM groups WHERE id = ?')
      .get(session.groupId) as { organisation_id: number };
    if (trajectory.organisationId !== sessionOrganisation) {
      throw new AppError(
        'ongeldige_invoer',
        `Deze sessie is van ${session.organisationName}; een sessie kan alleen bij een traject van de eigen organisatie horen.`,
      );
    }
    if (trajectory.groupId !== null && trajectory.groupId !== session.groupId) {
      throw new AppError(
        'ongeldige_invoer',
        `Deze sessie is van groep ${session.groupName}, het traject van groep ${trajectory.groupName}.`,
      );
    }
  }
  db.prepare('UPDATE sessions SET trajectory_id = ? WHERE id = ?').run(trajectoryId, sessionId);
  return getSession(db, sessionId);
}

/** Moves a trajectory to another season; a place-taking trajectory needs room there (vol = vol). */
export function moveTrajectorySeason(db: Db, id: number, season: string): Trajectory {
  const trajectory = getTrajectory(db, id);
  if (trajectory.season === season) return trajectory;
  if (CAPACITY_STATUSES.includes(trajectory.status)) {
    const capacity = getCapacity(db, season);
    if (capacity.full) {
      throw new AppError(
        'conflict',
        `Seizoen ${season} is vol (${capacity.used} van ${capacity.capacity} plaatsen bezet). Zet het traject eerst op de wachtlijst, of vergroot de capaciteit.`,
      );
    }
  }
  db.prepare('UPDATE trajectories SET season = ? WHERE id = ?').run(season, id);
  return getTrajectory(db, id);
}
