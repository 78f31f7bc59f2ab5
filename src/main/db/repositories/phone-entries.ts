// Statements for answers from phones (issue 16): the run open for phones,
// a phone's earlier answers (by device key), moderation, and the clean-up
// when the room server stops or the session ends. Kept apart from the
// facilitator's work-format repository so the two can change independently.

import type { EntryKind, PhoneState } from '../../../shared/work-formats';
import type { Db } from '../open';

export type PhoneEntriesRepo = ReturnType<typeof createPhoneEntriesRepo>;

export function createPhoneEntriesRepo(db: Db) {
  const s = {
    openRun: db.prepare(
      `SELECT id FROM work_format_runs WHERE session_id = ? AND phone_state IN ('open','voting') ORDER BY id DESC LIMIT 1`,
    ),
    setState: db.prepare('UPDATE work_format_runs SET phone_state = ? WHERE id = ?'),
    closeOthers: db.prepare(
      `UPDATE work_format_runs SET phone_state = 'closed'
       WHERE session_id = ? AND id <> ? AND phone_state IN ('open','voting') RETURNING id`,
    ),
    closeAll: db.prepare(
      `UPDATE work_format_runs SET phone_state = 'closed' WHERE session_id = ? AND phone_state IN ('open','voting') RETURNING id`,
    ),
    insert: db.prepare(
      `INSERT INTO entries (run_id, kind, payload, participant_id, source, device_key, pending)
       VALUES (?, ?, ?, NULL, 'phone', ?, ?) RETURNING id`,
    ),
    ofDevice: db.prepare(
      `SELECT id, kind, pending, payload FROM entries WHERE run_id = ? AND device_key = ? AND kind IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ),
    deleteIds: db.prepare('DELETE FROM entries WHERE id IN (SELECT value FROM json_each(?))'),
    approvedCards: db.prepare(
      `SELECT id, json_extract(payload, '$.text') AS text FROM entries WHERE run_id = ? AND kind = 'card' AND pending = 0 ORDER BY id`,
    ),
    pendingOf: db.prepare('SELECT id, run_id, pending FROM entries WHERE id = ?'),
    approve: db.prepare('UPDATE entries SET pending = 0 WHERE id = ? AND pending = 1'),
    forgetKeys: db.prepare(
      `UPDATE entries SET device_key = NULL
       WHERE device_key IS NOT NULL AND run_id IN (SELECT id FROM work_format_runs WHERE session_id = ?)`,
    ),
    deletePending: db.prepare(
      `DELETE FROM entries WHERE pending = 1 AND run_id IN (SELECT id FROM work_format_runs WHERE session_id = ?) RETURNING run_id`,
    ),
    sessionStatus: db.prepare('SELECT status FROM sessions WHERE id = ?'),
    leftovers: db.prepare(
      // Three parts, so the keyed and the waiting entries are found through their partial indexes
      // (entries_by_device, entries_pending: both empty unless phones took part), never by reading every entry.
      `SELECT session_id AS id FROM work_format_runs WHERE phone_state IN ('open','voting')
       UNION SELECT r.session_id FROM entries e JOIN work_format_runs r ON r.id = e.run_id WHERE e.device_key IS NOT NULL
       UNION SELECT r.session_id FROM entries e JOIN work_format_runs r ON r.id = e.run_id WHERE e.pending = 1
       ORDER BY id`,
    ),
  };

  return {
    /** The session's run open for phones (open or dot voting), if any. */
    openRun(sessionId: number): number | null {
      return (s.openRun.get(sessionId) as { id: number } | undefined)?.id ?? null;
    },
    /** Sets a run's phone state; opening it closes every other run of the session. Returns the runs that changed. */
    setState(sessionId: number, runId: number, state: PhoneState): number[] {
      const closed = state === 'open' || state === 'voting' ? (s.closeOthers.all(sessionId, runId) as { id: number }[]).map((r) => r.id) : [];
      s.setState.run(state, runId);
      return [runId, ...closed];
    },
    insert(runId: number, kind: EntryKind, payload: Record<string, unknown>, deviceKey: string, pending: boolean): number {
      return (s.insert.get(runId, kind, JSON.stringify(payload), deviceKey, pending ? 1 : 0) as { id: number }).id;
    },
    /** This phone's earlier entries in the run (for one answer per phone per question). */
    ofDevice(runId: number, deviceKey: string, kinds: EntryKind[]): { id: number; kind: EntryKind; pending: boolean; payload: Record<string, unknown> }[] {
      const rows = s.ofDevice.all(runId, deviceKey, JSON.stringify(kinds)) as { id: number; kind: EntryKind; pending: number; payload: string }[];
      return rows.map((r) => ({ id: r.id, kind: r.kind, pending: r.pending === 1, payload: JSON.parse(r.payload) as Record<string, unknown> }));
    },
    deleteIds(ids: number[]): void {
      if (ids.length > 0) s.deleteIds.run(JSON.stringify(ids));
    },
    approvedCards(runId: number): { id: number; text: string }[] {
      return s.approvedCards.all(runId) as { id: number; text: string }[];
    },
    entry(entryId: number): { id: number; runId: number; pending: boolean } | null {
      const row = s.pendingOf.get(entryId) as { id: number; run_id: number; pending: number } | undefined;
      return row ? { id: row.id, runId: row.run_id, pending: row.pending === 1 } : null;
    },
    approve(entryId: number): void {
      s.approve.run(entryId);
    },
    /**
     * Privacy clean-up of a session: device keys become NULL (nothing links two answers
     * to one phone any more), phone text never let through is deleted, and no run stays
     * open for phones (a new start has a new secret, so an open run would count a phone twice).
     * Returns the runs that changed.
     */
    clearSession(sessionId: number): number[] {
      s.forgetKeys.run(sessionId);
      const runs = new Set((s.deletePending.all(sessionId) as { run_id: number }[]).map((r) => r.run_id));
      for (const r of s.closeAll.all(sessionId) as { id: number }[]) runs.add(r.id);
      return [...runs];
    },
    /** Sessions with device keys, phone text awaiting moderation or a run open for phones. */
    sessionsWithLeftovers(): number[] {
      return (s.leftovers.all() as { id: number }[]).map((r) => r.id);
    },
    sessionEnded(sessionId: number): boolean | null {
      const row = s.sessionStatus.get(sessionId) as { status: string } | undefined;
      return row ? row.status === 'afgerond' : null;
    },
  };
}
