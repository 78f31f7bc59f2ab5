// Agreed actions (wat / wie / wanneer). An action belongs to a group; open
// actions carry over to the group's next sessions until done or dropped.

import { AppError } from '../../../shared/errors';
import { STAP_LABELS } from '../../../shared/stappenplan';
import type { Action, ActionStatus } from '../../../shared/trajectories';
import type { Db } from '../open';
import { getGroup } from './groups';
import { getSchool } from './organisations';
import { getParticipant } from './participants';
import { getSession } from './sessions';
import { getTrajectory } from './trajectories';

interface ActionRow {
  id: number;
  group_id: number | null;
  session_id: number | null;
  trajectory_id: number | null;
  school_id: number | null;
  school_name: string | null;
  participant_id: number | null;
  participant_name: string | null;
  step_key: string | null;
  slide_id: string | null;
  work_format_id: string | null;
  what: string;
  who: string | null;
  due: string | null;
  status: ActionStatus;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `a.id, a.group_id, a.session_id, a.trajectory_id, a.school_id, sc.name AS school_name,
  a.participant_id, p.name AS participant_name, a.step_key, a.slide_id, a.work_format_id, a.what, a.who, a.due,
  a.status, a.created_at, a.updated_at`;
const JOINS = `LEFT JOIN schools sc ON sc.id = a.school_id LEFT JOIN participants p ON p.id = a.participant_id`;

const toAction = (r: ActionRow, forSession?: number): Action => ({
  id: r.id,
  groupId: r.group_id,
  sessionId: r.session_id,
  trajectoryId: r.trajectory_id,
  schoolId: r.school_id,
  schoolName: r.school_name,
  participantId: r.participant_id,
  participantName: r.participant_name,
  stepKey: r.step_key,
  slideId: r.slide_id,
  workFormatId: r.work_format_id,
  what: r.what,
  who: r.who,
  due: r.due,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  carriedOver: forSession !== undefined && r.session_id !== forSession,
});

export interface ActionFilter {
  groupId?: number;
  sessionId?: number;
  trajectoryId?: number;
  schoolId?: number;
  status?: ActionStatus;
}

export function getAction(db: Db, id: number): Action {
  const row = db.prepare(`SELECT ${COLUMNS} FROM actions a ${JOINS} WHERE a.id = ?`).get(id) as ActionRow | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Deze actie bestaat niet (meer).');
  return toAction(row);
}

/**
 * With sessionId: the session's own actions plus the group's actions agreed
 * before it that are still open or in progress (carriedOver = true).
 */
export function listActions(db: Db, filter: ActionFilter = {}): Action[] {
  if (filter.sessionId !== undefined) {
    const session = getSession(db, filter.sessionId);
    const rows = db
      .prepare(
        `SELECT ${COLUMNS} FROM actions a ${JOINS} WHERE a.session_id = ?
         UNION ALL
         SELECT ${COLUMNS} FROM actions a ${JOINS}
         WHERE a.group_id = ? AND a.status IN ('open','bezig')
           AND (a.session_id IS NULL OR a.session_id IN (
             SELECT s.id FROM sessions s WHERE s.group_id = ? AND (s.date < ? OR (s.date = ? AND s.id < ?))))
         ORDER BY 1`,
      )
      .all(session.id, session.groupId, session.groupId, session.date, session.date, session.id) as ActionRow[];
    const own = rows.filter((r) => r.session_id === session.id);
    const carried = rows.filter((r) => r.session_id !== session.id);
    const list = [...carried, ...own].map((r) => toAction(r, session.id));
    return filter.status ? list.filter((a) => a.status === filter.status) : list;
  }
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.groupId !== undefined) {
    where.push('a.group_id = ?');
    params.push(filter.groupId);
  }
  if (filter.trajectoryId !== undefined) {
    where.push('a.trajectory_id = ?');
    params.push(filter.trajectoryId);
  }
  if (filter.schoolId !== undefined) {
    where.push('a.school_id = ?');
    params.push(filter.schoolId);
  }
  if (filter.status !== undefined) {
    where.push('a.status = ?');
    params.push(filter.status);
  }
  if (where.length === 0) {
    throw new AppError('ongeldige_invoer', 'Kies een groep, sessie, traject of school om acties te tonen.');
  }
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM actions a ${JOINS} WHERE ${where.join(' AND ')} ORDER BY a.id`)
    .all(...params) as ActionRow[];
  return rows.map((r) => toAction(r));
}

export function createAction(
  db: Db,
  input: {
    groupId?: number | null;
    sessionId?: number | null;
    trajectoryId?: number | null;
    schoolId?: number | null;
    participantId?: number | null;
    stepKey?: string | null;
    slideId?: string | null;
    workFormatId?: string | null;
    what: string;
    who?: string | null;
    due?: string | null;
  },
): Action {
  let groupId = input.groupId ?? null;
  let trajectoryId = input.trajectoryId ?? null;
  if (input.sessionId != null) {
    const session = getSession(db, input.sessionId);
    if (groupId !== null && groupId !== session.groupId) {
      throw new AppError('ongeldige_invoer', 'Deze sessie hoort niet bij de gekozen groep.');
    }
    groupId = session.groupId;
    if (trajectoryId === null) {
      trajectoryId =
        (db.prepare('SELECT trajectory_id FROM sessions WHERE id = ?').get(session.id) as { trajectory_id: number | null })
          .trajectory_id ?? null;
    }
  }
  let organisationId: number | null = null;
  if (trajectoryId !== null) {
    const trajectory = getTrajectory(db, trajectoryId);
    organisationId = trajectory.organisationId;
    if (groupId === null) groupId = trajectory.groupId;
  }
  if (groupId !== null) organisationId = getGroup(db, groupId).organisationId;
  if (groupId === null && trajectoryId === null) {
    throw new AppError('ongeldige_invoer', 'Een actie hoort bij een groep, sessie of traject.');
  }
  if (input.schoolId != null && getSchool(db, input.schoolId).organisationId !== organisationId) {
    throw new AppError('ongeldige_invoer', 'Deze school hoort niet bij de organisatie van de groep.');
  }
  if (input.participantId != null && getParticipant(db, input.participantId).organisationId !== organisationId) {
    throw new AppError('ongeldige_invoer', 'Deze deelnemer hoort niet bij de organisatie van de groep.');
  }
  if (input.stepKey != null && !(input.stepKey in STAP_LABELS)) {
    throw new AppError('ongeldige_invoer', 'Onbekende stap in het stappenplan.');
  }
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO actions (group_id, session_id, trajectory_id, school_id, participant_id, step_key, slide_id,
                            work_format_id, what, who, due)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      groupId,
      input.sessionId ?? null,
      trajectoryId,
      input.schoolId ?? null,
      input.participantId ?? null,
      input.stepKey ?? null,
      input.slideId ?? null,
      input.workFormatId ?? null,
      input.what,
      input.who ?? null,
      input.due ?? null,
    );
  return getAction(db, Number(lastInsertRowid));
}

export function updateAction(
  db: Db,
  input: { id: number; status?: ActionStatus; what?: string; who?: string | null; due?: string | null },
): Action {
  const action = getAction(db, input.id);
  db.prepare(
    `UPDATE actions SET status = ?, what = ?, who = ?, due = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
     WHERE id = ?`,
  ).run(
    input.status ?? action.status,
    input.what ?? action.what,
    input.who !== undefined ? input.who : action.who,
    input.due !== undefined ? input.due : action.due,
    input.id,
  );
  return getAction(db, input.id);
}
