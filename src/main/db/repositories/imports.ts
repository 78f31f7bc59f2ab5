// CSV imports carry an id, so everything one import added can be removed
// again (with undo), except people who already have history.

import type { ImportSummary } from '../../../shared/channels/records';
import { AppError } from '../../../shared/errors';
import type { Db } from '../open';
import { deleteRecord, recordImpact, type Snapshot } from './records';

export function createImport(db: Db, organisationId: number, fileName: string | null): number {
  return Number(db.prepare('INSERT INTO imports (organisation_id, file_name) VALUES (?, ?)').run(organisationId, fileName).lastInsertRowid);
}

export function listImports(db: Db, organisationId: number): ImportSummary[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.file_name, i.created_at,
              (SELECT count(*) FROM participants p WHERE p.import_id = i.id AND p.erased_at IS NULL) AS participants
       FROM imports i WHERE i.organisation_id = ? ORDER BY i.id DESC`,
    )
    .all(organisationId) as { id: number; file_name: string | null; created_at: string; participants: number }[];
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, createdAt: r.created_at, participants: r.participants }));
}

/** Deletes the import's participants that have no history; the rest stay. */
export function removeImport(db: Db, importId: number): { removed: number; kept: number; snapshots: Snapshot[] } {
  const exists = db.prepare('SELECT 1 FROM imports WHERE id = ?').get(importId);
  if (!exists) throw new AppError('niet_gevonden', 'Deze import bestaat niet (meer).');
  const ids = db.prepare('SELECT id FROM participants WHERE import_id = ? AND erased_at IS NULL').pluck().all(importId) as number[];
  const snapshots: Snapshot[] = [];
  let kept = 0;
  for (const id of ids) {
    if (!recordImpact(db, 'participant', id).canDelete) {
      kept++;
      continue;
    }
    snapshots.push(deleteRecord(db, 'participant', id).snapshot);
  }
  return { removed: snapshots.length, kept, snapshots };
}
