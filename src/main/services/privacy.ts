// AVG actions that must also clear the write-ahead log: the write runs in one
// transaction, then the WAL is checkpointed and truncated so no copy of the
// erased text is left in the -wal file (secure_delete zeroes freed pages in
// the database file itself; see db/open.ts).

import type { RetentionResult } from '../../shared/trajectories';
import type { Db } from '../db/open';
import * as privacy from '../db/repositories/privacy';

export interface CheckpointResult {
  /** false when another connection kept the WAL busy; it is cleared at the next checkpoint. */
  walCleared: boolean;
}

export function checkpoint(db: Db): CheckpointResult {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return { walCleared: row === undefined || row.busy === 0 };
}

export function eraseParticipant(db: Db, id: number, now: Date, token?: string): CheckpointResult {
  db.transaction(() => privacy.eraseParticipant(db, id, now.toISOString(), token))();
  return checkpoint(db);
}

export function applyRetention(
  db: Db,
  years: number,
  today: string,
  token: string,
): RetentionResult & CheckpointResult {
  const result = db.transaction(() => privacy.applyRetention(db, years, today, token))();
  return { ...result, ...checkpoint(db) };
}
