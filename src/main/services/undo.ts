// Undo for destructive steps, kept in main's memory for the rest of the app
// session: a delete is real in the database file (nothing lingers there), and
// its snapshot lives here until the app closes or newer deletes push it out.

import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Snapshot } from '../db/repositories/records';

const KEEP = 50;

export interface UndoEntry {
  /** Dutch: "Stichting De Brug teruggezet." */
  restoredMessage: string;
  snapshots: Snapshot[];
  /** Areas to report as changed after the undo. */
  areas: string[];
}

export function createUndoStore() {
  const entries = new Map<string, UndoEntry>();
  return {
    put(entry: UndoEntry): string {
      const token = randomUUID();
      entries.set(token, entry);
      while (entries.size > KEEP) entries.delete(entries.keys().next().value!);
      return token;
    },
    take(token: string): UndoEntry {
      const entry = entries.get(token);
      if (!entry) throw new AppError('niet_gevonden', 'Dit kan niet meer ongedaan worden gemaakt (te lang geleden, of al gedaan).');
      entries.delete(token);
      return entry;
    },
    /** Put back after a failed restore, so the user can try again. */
    keep(token: string, entry: UndoEntry): void {
      entries.set(token, entry);
    },
  };
}
export type UndoStore = ReturnType<typeof createUndoStore>;
