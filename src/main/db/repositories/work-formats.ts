// Work format runs, their entries and the actions an actieplan writes.
// Statements are prepared once per database: entries are stored while the
// facilitator types, so the write path must stay short.

import type { WorkFormat, WorkFormatType } from '../../../shared/module-format';
import { AppError } from '../../../shared/errors';
import type { EntryKind, EntrySource, PhoneState, RunSummary } from '../../../shared/work-formats';
import type { Db } from '../open';

/** A stored run: what the screens see of it (RunSummary) plus what the service needs. */
export interface RunRow extends Pick<RunSummary, 'id' | 'sessionId' | 'slideId' | 'workFormatId' | 'moduleVersion' | 'type' | 'adHoc'> {
  declaration: WorkFormat;
  revealed: boolean;
  phoneState: PhoneState;
  timer: { startedAt: number | null; totalMs: number | null; pausedAt: number | null; pausedMs: number };
  createdAt: string;
}

export interface EntryRow {
  id: number;
  runId: number;
  kind: EntryKind;
  payload: Record<string, unknown>;
  participantId: number | null;
  source: EntrySource;
  /** Free text from a phone the facilitator has not let through yet. */
  pending: boolean;
  createdAt: string;
  updatedAt: string;
}

interface RawRun {
  id: number;
  session_id: number;
  slide_id: string | null;
  work_format_id: string;
  module_version: string;
  type: WorkFormatType;
  ad_hoc: number;
  declaration: string;
  revealed: number;
  timer_started_at: number | null;
  timer_ms: number | null;
  timer_paused_at: number | null;
  timer_paused_ms: number;
  created_at: string;
  phone_state: PhoneState;
}

interface RawEntry {
  id: number;
  run_id: number;
  kind: EntryKind;
  payload: string;
  participant_id: number | null;
  source: EntrySource;
  pending: number;
  created_at: string;
  updated_at: string;
}

const toRun = (r: RawRun): RunRow => ({
  id: r.id,
  sessionId: r.session_id,
  slideId: r.slide_id,
  workFormatId: r.work_format_id,
  moduleVersion: r.module_version,
  type: r.type,
  adHoc: r.ad_hoc === 1,
  declaration: JSON.parse(r.declaration) as WorkFormat,
  revealed: r.revealed === 1,
  phoneState: r.phone_state,
  timer: { startedAt: r.timer_started_at, totalMs: r.timer_ms, pausedAt: r.timer_paused_at, pausedMs: r.timer_paused_ms },
  createdAt: r.created_at,
});

const toEntry = (r: RawEntry): EntryRow => ({
  id: r.id,
  runId: r.run_id,
  kind: r.kind,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  participantId: r.participant_id,
  source: r.source,
  pending: r.pending === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

export type WorkFormatRepo = ReturnType<typeof createWorkFormatRepo>;

export function createWorkFormatRepo(db: Db) {
  const s = {
    insertRun: db.prepare(
      `INSERT INTO work_format_runs (session_id, slide_id, work_format_id, module_version, type, ad_hoc, declaration)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    ),
    getRun: db.prepare('SELECT * FROM work_format_runs WHERE id = ?'),
    latestRun: db.prepare(
      `SELECT * FROM work_format_runs WHERE session_id = ? AND slide_id IS ? AND work_format_id = ? AND ad_hoc = 0
       ORDER BY id DESC LIMIT 1`,
    ),
    listRuns: db.prepare(
      `SELECT r.*, (SELECT count(*) FROM entries e WHERE e.run_id = r.id) AS entry_count
       FROM work_format_runs r WHERE r.session_id = ? ORDER BY r.id`,
    ),
    formatIds: db.prepare('SELECT work_format_id FROM work_format_runs WHERE session_id = ?'),
    setRevealed: db.prepare('UPDATE work_format_runs SET revealed = ? WHERE id = ?'),
    setTimer: db.prepare(
      'UPDATE work_format_runs SET timer_started_at = ?, timer_ms = ?, timer_paused_at = ?, timer_paused_ms = ? WHERE id = ?',
    ),
    listEntries: db.prepare('SELECT * FROM entries WHERE run_id = ? ORDER BY id'),
    getEntry: db.prepare('SELECT * FROM entries WHERE id = ?'),
    entriesFor: db.prepare(
      `SELECT * FROM entries WHERE run_id = ? AND (kind IN (SELECT value FROM json_each(?)) OR id = ?) ORDER BY id`,
    ),
    lastEntry: db.prepare('SELECT * FROM entries WHERE run_id = ? ORDER BY id DESC LIMIT 1'),
    insertEntry: db.prepare('INSERT INTO entries (run_id, kind, payload, participant_id) VALUES (?, ?, ?, ?) RETURNING *'),
    updateEntry: db.prepare(`UPDATE entries SET payload = ?, participant_id = ?, updated_at = ${NOW} WHERE id = ? RETURNING *`),
    deleteEntry: db.prepare('DELETE FROM entries WHERE id = ?'),
    deleteVotesOnCard: db.prepare(
      `DELETE FROM entries WHERE run_id = ? AND kind = 'vote' AND json_extract(payload, '$.cardId') = ?`,
    ),
    unclusterCards: db.prepare(
      `UPDATE entries SET payload = json_set(payload, '$.clusterId', json('null')), updated_at = ${NOW}
       WHERE run_id = ? AND kind = 'card' AND json_extract(payload, '$.clusterId') = ?`,
    ),
    present: db.prepare(
      `SELECT p.name, p.school_id FROM attendance a JOIN participants p ON p.id = a.participant_id
       WHERE a.session_id = ? AND a.participant_id = ? AND a.status IN ('aanwezig','te_laat') AND p.erased_at IS NULL`,
    ),
    presentCount: db.prepare(
      `SELECT count(*) AS n FROM attendance WHERE session_id = ? AND status IN ('aanwezig','te_laat')`,
    ),
    names: db.prepare(
      `SELECT DISTINCT p.id, p.name FROM entries e JOIN participants p ON p.id = e.participant_id WHERE e.run_id = ?`,
    ),
    name: db.prepare('SELECT name FROM participants WHERE id = ?'),
    session: db.prepare('SELECT id, group_id, trajectory_id, module_version, status FROM sessions WHERE id = ?'),
    schoolInSession: db.prepare(
      `SELECT 1 FROM schools sc JOIN groups g ON g.organisation_id = sc.organisation_id
       JOIN sessions s ON s.group_id = g.id WHERE s.id = ? AND sc.id = ?`,
    ),
    insertAction: db.prepare(
      `INSERT INTO actions (group_id, session_id, trajectory_id, school_id, participant_id, slide_id, work_format_id, what, who, due, entry_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateAction: db.prepare(
      `UPDATE actions SET school_id = ?, participant_id = ?, what = ?, who = ?, due = ?, updated_at = ${NOW} WHERE entry_id = ?`,
    ),
    deleteAction: db.prepare('DELETE FROM actions WHERE entry_id = ?'),
    actionsOfRun: db.prepare(
      `SELECT a.id, a.entry_id, a.status, sc.name AS school_name FROM actions a
       JOIN entries e ON e.id = a.entry_id LEFT JOIN schools sc ON sc.id = a.school_id WHERE e.run_id = ?`,
    ),
  };

  function getRun(id: number): RunRow {
    const row = s.getRun.get(id) as RawRun | undefined;
    if (!row) throw new AppError('niet_gevonden', 'Deze werkvorm bestaat niet (meer) in deze sessie.');
    return toRun(row);
  }

  function getEntry(id: number): EntryRow {
    const row = s.getEntry.get(id) as RawEntry | undefined;
    if (!row) throw new AppError('niet_gevonden', 'Deze invoer bestaat niet (meer).');
    return toEntry(row);
  }

  return {
    getRun,
    getEntry,
    session(sessionId: number): { id: number; groupId: number; trajectoryId: number | null; moduleVersion: string; ended: boolean } {
      const row = s.session.get(sessionId) as
        | { id: number; group_id: number; trajectory_id: number | null; module_version: string; status: string }
        | undefined;
      if (!row) throw new AppError('niet_gevonden', 'Deze sessie bestaat niet (meer).');
      return { id: row.id, groupId: row.group_id, trajectoryId: row.trajectory_id, moduleVersion: row.module_version, ended: row.status === 'afgerond' };
    },
    insertRun(run: {
      sessionId: number;
      slideId: string | null;
      workFormatId: string;
      moduleVersion: string;
      adHoc: boolean;
      declaration: WorkFormat;
    }): RunRow {
      return toRun(
        s.insertRun.get(
          run.sessionId,
          run.slideId,
          run.workFormatId,
          run.moduleVersion,
          run.declaration.type,
          run.adHoc ? 1 : 0,
          JSON.stringify(run.declaration),
        ) as RawRun,
      );
    },
    latestRun(sessionId: number, slideId: string | null, workFormatId: string): RunRow | null {
      const row = s.latestRun.get(sessionId, slideId, workFormatId) as RawRun | undefined;
      return row ? toRun(row) : null;
    },
    listRuns(sessionId: number): (RunRow & { entryCount: number })[] {
      return (s.listRuns.all(sessionId) as (RawRun & { entry_count: number })[]).map((r) => ({ ...toRun(r), entryCount: r.entry_count }));
    },
    formatIds(sessionId: number): Set<string> {
      return new Set((s.formatIds.all(sessionId) as { work_format_id: string }[]).map((r) => r.work_format_id));
    },
    setRevealed(runId: number, revealed: boolean): void {
      s.setRevealed.run(revealed ? 1 : 0, runId);
    },
    setTimer(runId: number, t: RunRow['timer']): void {
      s.setTimer.run(t.startedAt, t.totalMs, t.pausedAt, t.pausedMs, runId);
    },
    listEntries(runId: number): EntryRow[] {
      return (s.listEntries.all(runId) as RawEntry[]).map(toEntry);
    },
    /** The run's entries of the given kinds, plus the one with id `alsoId` (for checks that need only those). */
    entriesFor(runId: number, kinds: EntryKind[], alsoId: number | null): EntryRow[] {
      return (s.entriesFor.all(runId, JSON.stringify(kinds), alsoId) as RawEntry[]).map(toEntry);
    },
    lastEntry(runId: number): EntryRow | null {
      const row = s.lastEntry.get(runId) as RawEntry | undefined;
      return row ? toEntry(row) : null;
    },
    insertEntry(runId: number, kind: EntryKind, payload: Record<string, unknown>, participantId: number | null): EntryRow {
      return toEntry(s.insertEntry.get(runId, kind, JSON.stringify(payload), participantId) as RawEntry);
    },
    updateEntry(entryId: number, payload: Record<string, unknown>, participantId: number | null): EntryRow {
      return toEntry(s.updateEntry.get(JSON.stringify(payload), participantId, entryId) as RawEntry);
    },
    /** Deletes an entry and what hangs on it: the votes on a card, a cluster's grouping, an action. */
    deleteEntry(entry: EntryRow): void {
      if (entry.kind === 'card') s.deleteVotesOnCard.run(entry.runId, entry.id);
      if (entry.kind === 'cluster') s.unclusterCards.run(entry.runId, entry.id);
      if (entry.kind === 'action') s.deleteAction.run(entry.id);
      s.deleteEntry.run(entry.id);
    },
    /** The participant when marked present (or late) in the session, else null. */
    presentParticipant(sessionId: number, participantId: number): { name: string; schoolId: number | null } | null {
      const row = s.present.get(sessionId, participantId) as { name: string; school_id: number | null } | undefined;
      return row ? { name: row.name, schoolId: row.school_id } : null;
    },
    presentCount(sessionId: number): number {
      return (s.presentCount.get(sessionId) as { n: number }).n;
    },
    participantNames(runId: number): Map<number, string> {
      return new Map((s.names.all(runId) as { id: number; name: string }[]).map((r) => [r.id, r.name]));
    },
    participantName(participantId: number): string | null {
      return (s.name.get(participantId) as { name: string } | undefined)?.name ?? null;
    },
    schoolInSession(sessionId: number, schoolId: number): boolean {
      return s.schoolInSession.get(sessionId, schoolId) !== undefined;
    },
    insertAction(a: {
      groupId: number;
      sessionId: number;
      trajectoryId: number | null;
      schoolId: number | null;
      participantId: number | null;
      slideId: string | null;
      workFormatId: string;
      what: string;
      who: string | null;
      due: string | null;
      entryId: number;
    }): void {
      s.insertAction.run(a.groupId, a.sessionId, a.trajectoryId, a.schoolId, a.participantId, a.slideId, a.workFormatId, a.what, a.who, a.due, a.entryId);
    },
    updateAction(entryId: number, a: { schoolId: number | null; participantId: number | null; what: string; who: string | null; due: string | null }): void {
      s.updateAction.run(a.schoolId, a.participantId, a.what, a.who, a.due, entryId);
    },
    actionsOfRun(runId: number): Map<number, { actionId: number; schoolName: string | null; status: string }> {
      const rows = s.actionsOfRun.all(runId) as { id: number; entry_id: number; status: string; school_name: string | null }[];
      return new Map(rows.map((r) => [r.entry_id, { actionId: r.id, schoolName: r.school_name, status: r.status }]));
    },
  };
}
