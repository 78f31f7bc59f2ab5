// Opens (or creates) the one SQLite database and brings its schema up to
// date. A database from a newer app version, or a file that is not a
// SQLite database, is refused with a Dutch message and left untouched.

import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';

export function openDatabase(file: string, migrations: Migration[] = MIGRATIONS): Db {
  assertLooksLikeSqlite(file);
  let db: Db;
  try {
    // fileMustExist false: a missing file is a first start.
    db = new Database(file);
  } catch (error) {
    throw new AppError('database', `De database ${file} kan niet worden geopend: ${(error as Error).message}`);
  }
  try {
    const target = migrations.length;
    // Read the version before any pragma that writes (WAL switches the file format).
    const current = readUserVersion(db, file);
    if (current > target) {
      throw new AppError(
        'database',
        `De database ${file} komt uit een nieuwere versie van Sessiewijzer (schema ${current}, deze versie kent tot ${target}). ` +
          'Werk Sessiewijzer bij; de database is niet gewijzigd.',
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Erased personal data must not linger in freed pages (AVG).
    db.pragma('secure_delete = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, current, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('database', `De database ${file} kan niet worden gebruikt: ${(error as Error).message}`);
  }
}

function assertLooksLikeSqlite(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return; // does not exist yet: created on open
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return;
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    if (size < 100 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new AppError(
        'database',
        `Het bestand ${file} is geen Sessiewijzer-database (of is beschadigd). Het is niet gewijzigd; ` +
          'zet een reservekopie terug of kies een andere gegevensmap.',
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readUserVersion(db: Db, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new AppError(
      'database',
      `Het bestand ${file} is geen leesbare database: ${(error as Error).message}. Het is niet gewijzigd.`,
    );
  }
}

function migrate(db: Db, current: number, migrations: Migration[]): void {
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migratie ${m.name} staat niet op volgorde (${m.version}).`);
  });
  // All pending migrations in one transaction: a failure leaves the old schema intact.
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

export { SCHEMA_VERSION };
