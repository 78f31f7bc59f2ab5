// A session's agenda, the module text it was planned with, and its
// presenting event log. Each write is one statement, committed at once.

import { createHash } from 'node:crypto';
import type { Agenda } from '../../../shared/presenting/agenda';
import type { PresentEvent } from '../../../shared/presenting/clock';
import { AppError } from '../../../shared/errors';
import type { Db } from '../open';

export function storeModuleSnapshot(db: Db, module: { id: string; version: string; source: string }): string {
  const hash = createHash('sha256').update(module.source).digest('hex');
  db.prepare('INSERT OR IGNORE INTO module_snapshots (hash, module_id, version, source) VALUES (?, ?, ?, ?)').run(
    hash,
    module.id,
    module.version,
    module.source,
  );
  return hash;
}

export function getSessionModuleSource(db: Db, sessionId: number): { source: string; hash: string } | null {
  const row = db
    .prepare(
      `SELECT ms.source, ms.hash FROM sessions s JOIN module_snapshots ms ON ms.hash = s.module_snapshot WHERE s.id = ?`,
    )
    .get(sessionId) as { source: string; hash: string } | undefined;
  return row ?? null;
}

export function linkSessionSnapshot(db: Db, sessionId: number, hash: string): void {
  db.prepare('UPDATE sessions SET module_snapshot = ? WHERE id = ?').run(hash, sessionId);
}

export function getAgenda(db: Db, sessionId: number): Agenda | null {
  const row = db.prepare('SELECT agenda FROM sessions WHERE id = ?').get(sessionId) as { agenda: string | null } | undefined;
  if (!row) throw new AppError('niet_gevonden', 'Deze sessie bestaat niet (meer).');
  return row.agenda ? (JSON.parse(row.agenda) as Agenda) : null;
}

export function setAgenda(db: Db, sessionId: number, agenda: Agenda): void {
  const { changes } = db.prepare('UPDATE sessions SET agenda = ? WHERE id = ?').run(JSON.stringify(agenda), sessionId);
  if (changes === 0) throw new AppError('niet_gevonden', 'Deze sessie bestaat niet (meer).');
}

interface EventRow {
  at: number;
  type: PresentEvent['type'];
  item_key: string | null;
  slide_id: string | null;
  minutes: number | null;
}

export function listEvents(db: Db, sessionId: number): PresentEvent[] {
  const rows = db
    .prepare('SELECT at, type, item_key, slide_id, minutes FROM presenting_events WHERE session_id = ? ORDER BY id')
    .all(sessionId) as EventRow[];
  return rows.map((r): PresentEvent => {
    switch (r.type) {
      case 'start':
      case 'goto':
        return { type: r.type, at: r.at, itemKey: r.item_key!, slideId: r.slide_id! };
      case 'extend':
        return { type: 'extend', at: r.at, minutes: r.minutes! };
      default:
        return { type: r.type, at: r.at };
    }
  });
}

export function appendEvent(db: Db, sessionId: number, event: PresentEvent): void {
  db.prepare('INSERT INTO presenting_events (session_id, at, type, item_key, slide_id, minutes) VALUES (?, ?, ?, ?, ?, ?)').run(
    sessionId,
    event.at,
    event.type,
    'itemKey' in event ? event.itemKey : null,
    'slideId' in event ? event.slideId : null,
    'minutes' in event ? event.minutes : null,
  );
}

/** The session's status follows presenting: 'bezig' from start (and after a reopen), 'afgerond' at the end. */
export function setSessionStatus(db: Db, sessionId: number, status: 'bezig' | 'afgerond'): void {
  db.prepare('UPDATE sessions SET status = ? WHERE id = ?').run(status, sessionId);
}
