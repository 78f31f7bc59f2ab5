// Backups with SQLite's online backup API (better-sqlite3's db.backup(), not
// a file copy: under WAL a copied file can miss committed pages). Each backup
// is written to a temporary name and renamed when complete, then switched to
// a single self-contained file (journal_mode DELETE), so a failed or
// interrupted backup never leaves a half file that looks like a backup.
//
// Automatic backups live in <data folder>/backups/ and are rotated: every
// backup of the last 24 hours (at most 20), the newest of each of the last 7
// days with a backup, and the newest of each of 4 weeks before that. Backups
// made by hand are never rotated away.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import { AppError } from '../../shared/errors';
import { BACKUP_KINDS, type BackupInfo, type BackupKind } from '../../shared/channels/backup';
import { inspectDatabase, DatabaseRefusal, type Db } from '../db/open';
import { sqliteReason } from '../db/sqlite-errors';

export const BACKUPS_DIR_NAME = 'backups';
export const ROTATION = { recentHours: 24, recentMax: 20, days: 7, weeks: 4 } as const;
export const ROTATION_TEXT =
  'Automatische reservekopieën: alles van de laatste 24 uur, de nieuwste van elk van de laatste 7 dagen en van 4 weken daarvoor. ' +
  'Handmatige reservekopieën blijven staan.';

/** Writes a consistent copy of `db` to `target` (a new file). Injected in tests to simulate a full disk. */
export type BackupWriter = (db: Db, target: string) => Promise<void>;

export const sqliteBackupWriter: BackupWriter = async (db, target) => {
  // 100 pages per turn of the event loop keeps the app responsive. But a write to the database in
  // between (WAL mode) restarts the copy, so while entries keep coming in (a live session, the soak
  // test) it would never finish: once a restart is seen, the rest is copied in one step.
  let last = Number.POSITIVE_INFINITY;
  await db.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      const restarted = remainingPages > last;
      last = remainingPages;
      return restarted ? totalPages : 100;
    },
  });
};

const NAME = /^sessiewijzer-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+?)(?:-(\d+))?\.sqlite$/;

function stamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

function parseName(name: string): { createdAt: string; kind: BackupKind } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const kind = m[2] as BackupKind;
  if (!BACKUP_KINDS.includes(kind)) return null;
  const [date, time] = m[1]!.split('T') as [string, string];
  const [h, min, s, ms] = time.replace('Z', '').split('-');
  const createdAt = `${date}T${h}:${min}:${s}.${ms}Z`;
  if (Number.isNaN(new Date(createdAt).getTime())) return null;
  return { createdAt, kind };
}

/** Why a file operation failed, in Dutch. */
export function fileReason(error: unknown): string {
  const sqlite = sqliteReason(error);
  if (sqlite) return sqlite;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC') return 'de schijf is vol';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'er mag niet in die map worden geschreven';
  if (code === 'ENOENT') return 'de map bestaat niet';
  if (code === 'EIO') return 'de schijf gaf een lees- of schrijffout';
  return 'onbekende fout bij het schrijven';
}

/** The backups in the folder, newest first. Files that are not backups are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const list: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    try {
      list.push({ name, ...parsed, size: fs.statSync(path.join(dir, name)).size });
    } catch {
      // removed meanwhile
    }
  }
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Resolves a listed backup's name to its path; refuses anything that is not a backup in the folder. */
export function listedBackupPath(dir: string, name: string): string {
  if (!parseName(name) || path.basename(name) !== name) throw new AppError('ongeldige_invoer', 'Kies een reservekopie uit de lijst.');
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) throw new AppError('niet_gevonden', `De reservekopie ${name} bestaat niet (meer).`);
  return file;
}

function uniqueTarget(dir: string, kind: BackupKind, now: Date): { name: string; file: string } {
  for (let n = 0; ; n++) {
    const name = `sessiewijzer-${stamp(now)}-${kind}${n === 0 ? '' : `-${n + 1}`}.sqlite`;
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) return { name, file };
  }
}

/**
 * Writes a backup of `db` to `target` through a temporary file: complete or
 * not there at all. Throws AppError('schijf') with the reason; the database
 * itself is never touched.
 */
export async function writeBackupFile(db: Db, target: string, writer: BackupWriter = sqliteBackupWriter): Promise<void> {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.deels`);
  try {
    fs.rmSync(partial, { force: true });
    await writer(db, partial);
    // One self-contained file (the backup copies the WAL flag of the source).
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${partial}${suffix}`, { force: true });
    throw new AppError(
      'schijf',
      `De reservekopie ${target} kon niet worden gemaakt: ${fileReason(error)}. De database zelf is niet gewijzigd.`,
    );
  }
}

/** Makes a backup in the backups folder and rotates the automatic ones. */
export async function createBackup(
  db: Db,
  dir: string,
  kind: BackupKind,
  now: Date,
  writer: BackupWriter = sqliteBackupWriter,
): Promise<BackupInfo> {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError('schijf', `De map voor reservekopieën ${dir} kon niet worden gemaakt: ${fileReason(error)}. De database zelf is niet gewijzigd.`);
  }
  const { name, file } = uniqueTarget(dir, kind, now);
  await writeBackupFile(db, file, writer);
  rotateBackups(dir, now);
  return { name, kind, createdAt: now.toISOString(), size: fs.statSync(file).size };
}

/** A raw copy of a database that cannot be opened (damaged): its bytes, and its -wal file if any. */
export function copyDamagedDatabase(databaseFile: string, dir: string, now: Date): BackupInfo | null {
  if (!fs.existsSync(databaseFile)) return null;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const { name, file } = uniqueTarget(dir, 'beschadigd', now);
    fs.copyFileSync(databaseFile, file, fs.constants.COPYFILE_EXCL);
    if (fs.existsSync(`${databaseFile}-wal`)) fs.copyFileSync(`${databaseFile}-wal`, `${file}-wal`);
    return { name, kind: 'beschadigd', createdAt: now.toISOString(), size: fs.statSync(file).size };
  } catch (error) {
    throw new AppError('schijf', `Er kon geen veiligheidskopie van de huidige database worden gemaakt: ${fileReason(error)}. Er is niets gewijzigd.`);
  }
}

const AUTOMATIC: ReadonlySet<BackupKind> = new Set(BACKUP_KINDS.filter((k) => k !== 'handmatig'));

/** Which backups the rotation keeps (names), given the list newest first. Pure, for tests. */
export function backupsToKeep(list: BackupInfo[], now: Date): Set<string> {
  const keep = new Set<string>();
  const automatic = list.filter((b) => AUTOMATIC.has(b.kind));
  for (const b of list) if (!AUTOMATIC.has(b.kind)) keep.add(b.name);
  let recent = 0;
  for (const b of automatic) {
    const age = now.getTime() - new Date(b.createdAt).getTime();
    if (age >= 0 && age < ROTATION.recentHours * 3_600_000 && recent < ROTATION.recentMax) {
      keep.add(b.name);
      recent++;
    }
  }
  const days = new Set<string>();
  for (const b of automatic) {
    const day = format(new Date(b.createdAt), 'yyyy-MM-dd');
    if (days.has(day) || days.size >= ROTATION.days) continue;
    days.add(day);
    keep.add(b.name);
  }
  const weeks = new Set<string>();
  for (const b of automatic) {
    if (days.has(format(new Date(b.createdAt), 'yyyy-MM-dd'))) continue;
    const d = new Date(b.createdAt);
    const week = `${getISOWeekYear(d)}-${getISOWeek(d)}`;
    if (weeks.has(week) || weeks.size >= ROTATION.weeks) continue;
    weeks.add(week);
    keep.add(b.name);
  }
  return keep;
}

export function rotateBackups(dir: string, now: Date): string[] {
  // Half backups left by a crash (never listed) go after ten minutes; a backup in progress is younger.
  for (const name of fs.readdirSync(dir)) {
    if (!/\.deels(-wal|-shm|-journal)?$/.test(name)) continue;
    try {
      if (now.getTime() - fs.statSync(path.join(dir, name)).mtimeMs > 600_000) fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // gone meanwhile
    }
  }
  const list = listBackups(dir);
  const keep = backupsToKeep(list, now);
  const removed: string[] = [];
  for (const b of list) {
    if (keep.has(b.name)) continue;
    for (const suffix of ['', '-wal']) fs.rmSync(path.join(dir, `${b.name}${suffix}`), { force: true });
    removed.push(b.name);
  }
  return removed;
}

/** True when no backup in the folder was made on the local day of `now`. */
export function needsDailyBackup(dir: string, now: Date): boolean {
  const today = format(now, 'yyyy-MM-dd');
  return !listBackups(dir).some((b) => b.kind !== 'beschadigd' && format(new Date(b.createdAt), 'yyyy-MM-dd') === today);
}

/**
 * Checks that a file can be restored: a SQLite file, Sessiewijzer's own
 * (application_id), not newer than this app, not empty, and intact
 * (PRAGMA quick_check). Reads only; throws AppError with a Dutch message.
 */
export function verifyBackup(file: string): { schemaVersion: number } {
  const name = path.basename(file);
  let inspection;
  try {
    inspection = inspectDatabase(file);
  } catch (error) {
    if (error instanceof DatabaseRefusal) {
      const why: Record<DatabaseRefusal['reason'], string> = {
        'geen-sqlite': 'het is geen Sessiewijzer-database',
        'ander-programma': 'het is een database van een ander programma, geen reservekopie van Sessiewijzer',
        nieuwer: 'hij komt uit een nieuwere versie van Sessiewijzer; werk Sessiewijzer eerst bij',
        beschadigd: 'hij is beschadigd',
        onleesbaar: 'hij kan niet worden gelezen',
      };
      throw new AppError('ongeldige_invoer', `De reservekopie ${name} wordt niet teruggezet: ${why[error.reason]}. Er is niets gewijzigd.`);
    }
    throw error;
  }
  if (inspection.state === 'nieuw') {
    throw new AppError('ongeldige_invoer', `De reservekopie ${name} wordt niet teruggezet: het bestand is leeg. Er is niets gewijzigd.`);
  }
  return { schemaVersion: inspection.schemaVersion };
}
