// Opens (or creates) the one SQLite database and brings its schema up to
// date. Before anything is written, the file is inspected through a
// read-only connection: another program's SQLite file, a database from a
// newer app version, or a damaged one is refused with a Dutch message and
// left byte-identical (no WAL switch, no tables added, no pages rewritten).

import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { sqliteReason } from './sqlite-errors';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';

/** PRAGMA application_id of a Sessiewijzer database: "SWZR" (set by migration 0005_application_id). */
export const APPLICATION_ID = 0x53575a52;

/** Tables every Sessiewijzer database has had since migration 1 (for files from before application_id). */
const CORE_TABLES = ['organisations', 'schools', 'participants', 'groups', 'sessions', 'attendance', 'settings'];

const RESTORE_HINT = 'Zet een reservekopie terug (Start → Reservekopieën → Terugzetten) of kies een andere gegevensmap.';

/** Why a file was refused; backups phrase their own message from it (services/backup.ts). */
export class DatabaseRefusal extends AppError {
  constructor(
    public readonly reason: 'geen-sqlite' | 'ander-programma' | 'nieuwer' | 'beschadigd' | 'onleesbaar',
    message: string,
  ) {
    super('database', message);
  }
}

export interface Inspection {
  /** 'nieuw': no file, an empty file, or an empty SQLite file: the schema is created. */
  state: 'nieuw' | 'bestaand';
  /** PRAGMA user_version of the file (0 when new). */
  schemaVersion: number;
  /** PRAGMA quick_check ran and took this long (ms); null when skipped (new file). */
  quickCheckMs: number | null;
}

export interface OpenOptions {
  /** The migrations to apply (tests pass their own list). */
  migrations?: Migration[];
  /** Run PRAGMA quick_check before opening (default true). */
  quickCheck?: boolean;
}

/**
 * Reads a database file without writing anything and says whether the app
 * may open it. Throws an AppError (code 'database') with a Dutch message when
 * the file is not a database, not Sessiewijzer's, newer than this app, or damaged.
 */
export function inspectDatabase(file: string, options: OpenOptions = {}): Inspection {
  const migrations = options.migrations ?? MIGRATIONS;
  if (!assertLooksLikeSqlite(file)) return { state: 'nieuw', schemaVersion: 0, quickCheckMs: null };
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DatabaseRefusal('onleesbaar', `De database ${file} kan niet worden geopend: ${sqliteReason(error) ?? 'onbekende fout'}. Het bestand is niet gewijzigd. ${RESTORE_HINT}`);
  }
  try {
    let version: number;
    let appId: number;
    let tables: string[];
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      appId = db.pragma('application_id', { simple: true }) as number;
      tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    } catch (error) {
      throw damaged(file, error);
    }
    const target = migrations.length;
    if (version > target) {
      throw new DatabaseRefusal(
        'nieuwer',
        `De database ${file} komt uit een nieuwere versie van Sessiewijzer (schema ${version}, deze versie kent tot ${target}). ` +
          'Werk Sessiewijzer bij; de database is niet gewijzigd.',
      );
    }
    if (appId !== APPLICATION_ID) {
      const empty = appId === 0 && version === 0 && tables.length === 0;
      const legacy = appId === 0 && version >= 1 && version < appIdVersion(migrations) && CORE_TABLES.every((t) => tables.includes(t));
      if (!empty && !legacy) throw foreign(file);
      if (empty) return { state: 'nieuw', schemaVersion: 0, quickCheckMs: null };
    }
    let quickCheckMs: number | null = null;
    if (options.quickCheck !== false) {
      const started = performance.now();
      let result: unknown;
      try {
        result = db.pragma('quick_check', { simple: true });
      } catch (error) {
        throw damaged(file, error);
      }
      quickCheckMs = performance.now() - started;
      if (result !== 'ok') throw damaged(file, null);
    }
    return { state: 'bestaand', schemaVersion: version, quickCheckMs };
  } finally {
    db.close();
  }
}

export function openDatabase(file: string, migrationsOrOptions: Migration[] | OpenOptions = {}): Db {
  const options = Array.isArray(migrationsOrOptions) ? { migrations: migrationsOrOptions } : migrationsOrOptions;
  const migrations = options.migrations ?? MIGRATIONS;
  const inspection = inspectDatabase(file, options);
  let db: Db;
  try {
    // fileMustExist false: a missing file is a first start.
    db = new Database(file);
  } catch (error) {
    throw new AppError('database', `De database ${file} kan niet worden geopend: ${sqliteReason(error) ?? 'onbekende fout'}. ${RESTORE_HINT}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Erased personal data must not linger in freed pages (AVG).
    db.pragma('secure_delete = ON');
    // FULL: a commit is on disk (WAL synced) before the entry is acknowledged, also on power loss.
    db.pragma('synchronous = FULL');
    migrate(db, inspection.schemaVersion, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    const reason = sqliteReason(error);
    throw new AppError(
      'database',
      reason
        ? `De database ${file} kan niet worden bijgewerkt: ${reason}. Er is niets gewijzigd.`
        : `De database ${file} kan niet worden bijgewerkt (fout in een migratie). Er is niets gewijzigd.`,
    );
  }
}

/** The schema version from which a database carries application_id. */
function appIdVersion(migrations: Migration[]): number {
  return migrations.find((m) => m.name.endsWith('_application_id'))?.version ?? migrations.length + 1;
}

function foreign(file: string): AppError {
  return new DatabaseRefusal(
    'ander-programma',
    `Het bestand ${file} is een database van een ander programma, geen Sessiewijzer-database. Het is niet gewijzigd; ` +
      'kies een andere gegevensmap of zet een reservekopie van Sessiewijzer terug.',
  );
}

function damaged(file: string, error: unknown): AppError {
  const code = (error as { code?: string } | null)?.code ?? '';
  const reason = error && !code.startsWith('SQLITE_CORRUPT') && !code.startsWith('SQLITE_NOTADB') ? sqliteReason(error) : null;
  return new DatabaseRefusal(
    reason ? 'onleesbaar' : 'beschadigd',
    reason
      ? `De database ${file} kan niet worden gelezen: ${reason}. Het bestand is niet gewijzigd. ${RESTORE_HINT}`
      : `De database ${file} is beschadigd. Sessiewijzer heeft hem niet geopend en niet gewijzigd. ${RESTORE_HINT}`,
  );
}

/** false when the file does not exist or is empty (a first start); throws when it is not SQLite. */
function assertLooksLikeSqlite(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new DatabaseRefusal('onleesbaar', `De database ${file} kan niet worden gelezen (geen leesrechten?). Het bestand is niet gewijzigd.`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return false;
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    if (size < 100 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new DatabaseRefusal(
        'geen-sqlite',
        `Het bestand ${file} is geen Sessiewijzer-database (of is beschadigd). Het is niet gewijzigd. ${RESTORE_HINT}`,
      );
    }
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

function migrate(db: Db, current: number, migrations: Migration[]): void {
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migratie ${m.name} staat niet op volgorde (${m.version}).`);
  });
  // All pending migrations in one transaction: a failure leaves the old schema intact.
  // Foreign keys are off while they run (a pragma that only takes effect outside a
  // transaction), because a table rebuild drops a parent table, and with them on the
  // drop would run its ON DELETE actions. A foreign_key_check before the commit
  // proves the rebuild kept every reference intact (SQLite's documented procedure).
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`Migratie laat ${broken.length} verwijzing(en) zonder doel achter.`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

export { SCHEMA_VERSION };
