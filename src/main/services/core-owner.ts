// The small object that owns the open core. The shell, the CLI and the test
// harness hold the owner, not the core: a restore closes the core and opens a
// new one on the restored file, and handlers are looked up on the current
// core at every call (nothing captured the old `db`). When the database
// cannot be opened (damaged, foreign, newer), the owner stays up without a
// core, so the start screen can say why and offer a restore right there.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { openCore, resolvePaths, type Core, type CoreConfig, type CorePaths } from '../core';
import type { Handlers } from '../ipc/dispatch';
import { CHANNELS, type Channel } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { BackupKind, RestoreResult } from '../../shared/channels/backup';
import { DatabaseRefusal, inspectDatabase, SCHEMA_VERSION } from '../db/open';
import { sqlitePrimaryCode } from '../db/sqlite-errors';
import {
  copyDamagedDatabase,
  createBackup,
  needsDailyBackup,
  sqliteBackupWriter,
  verifyBackup,
  writeBackupFile,
  type BackupWriter,
} from './backup';
import { backupListing, restoreFromInput } from './handlers/backup';

export interface OwnerOptions extends CoreConfig {
  /**
   * PRAGMA quick_check on open: 'sync' before the core opens (small databases,
   * tests, the CLI), or 'background' in a worker thread while the database is
   * read-only (query_only) until it passes: on the ten-year dataset the check
   * takes about 2 s, too long for the 200 ms open target (bench/open.bench.ts).
   */
  integrityCheck?: 'sync' | 'background';
  /** A backup at the first start of a day (default true). */
  dailyBackup?: boolean;
}

const ALL_AREAS = ['organisations', 'participants', 'groups', 'sessions', 'attendance', 'modules', 'trajectories', 'interest', 'steps', 'actions'] as const;

export class CoreOwner {
  readonly paths: CorePaths;
  readonly handlers: Handlers;
  private core_: Core | null = null;
  private openError_: AppError | null = null;
  private backupWarning: string | null = null;
  private checking: Promise<void> | null = null;
  private worker: Worker | null = null;
  private restoring = false;
  private daily: Promise<void> = Promise.resolve();

  private constructor(private readonly options: OwnerOptions) {
    this.paths = resolvePaths(options.dataDir);
    this.handlers = this.buildHandlers();
  }

  static async open(options: OwnerOptions): Promise<CoreOwner> {
    const owner = new CoreOwner(options);
    await owner.open();
    return owner;
  }

  get core(): Core | null {
    return this.core_;
  }

  get openError(): AppError | null {
    return this.openError_;
  }

  /** Resolves when the background integrity check (if any) has finished. */
  get integrityChecked(): Promise<void> {
    return this.checking ?? Promise.resolve();
  }

  /** Resolves when the daily backup started at open (if any) has been written or has failed. */
  get dailyBackupDone(): Promise<void> {
    return this.daily;
  }

  /** The open core; throws the Dutch reason when the database could not be opened. */
  current(): Core {
    if (this.core_) return this.core_;
    throw this.openError_ ?? new AppError('database', 'De database is gesloten.');
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  private get writer(): BackupWriter {
    return this.options.backupWriter ?? sqliteBackupWriter;
  }

  private async open(daily = this.options.dailyBackup !== false): Promise<void> {
    this.openError_ = null;
    const file = this.paths.databaseFile;
    try {
      fs.mkdirSync(this.paths.dataDir, { recursive: true });
      const inspection = inspectDatabase(file, { quickCheck: false });
      const existing = inspection.state === 'bestaand';
      const migrating = existing && inspection.schemaVersion < SCHEMA_VERSION;
      const background = this.options.integrityCheck === 'background' && existing && !migrating;
      if (migrating) {
        // The schema is about to change: the file must be intact, and a backup of it kept first.
        inspectDatabase(file);
        await this.backupOfFile(file, 'voor-migratie');
      }
      const core = openCore({
        ...this.options,
        open: { quickCheck: !background && !migrating },
        restore: (source) => this.restore(source),
      });
      this.core_ = core;
      if (background) this.startBackgroundCheck(core);
      else clearPhoneLeftovers(core);
      if (daily && existing && needsDailyBackup(this.paths.backupsDir, this.now())) {
        // In the background: on a large database the copy takes seconds, the window must not wait for it.
        this.daily = createBackup(core.db, this.paths.backupsDir, 'dagelijks', this.now(), this.writer).then(
          () => {
            this.backupWarning = null;
          },
          (error: unknown) => {
            // The app works on; the start screen shows why there is no backup of today (unless we closed it ourselves).
            if (this.core_ === core) {
              this.backupWarning = error instanceof AppError ? error.message : 'De dagelijkse reservekopie kon niet worden gemaakt.';
            }
          },
        );
      }
    } catch (error) {
      this.core_?.close();
      this.core_ = null;
      this.openError_ =
        error instanceof AppError ? error : new AppError('database', 'De database kan niet worden geopend. Er is niets gewijzigd.');
    }
  }

  /** A backup of a database file through a read-only connection (before a migration opens it for writing). */
  private async backupOfFile(file: string, kind: BackupKind): Promise<void> {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await createBackup(source, this.paths.backupsDir, kind, this.now(), this.writer);
    } catch (error) {
      const reason = error instanceof AppError ? error.message : '';
      throw new AppError('database', `De database moet worden bijgewerkt, maar eerst moet er een reservekopie zijn. ${reason} Er is niets gewijzigd.`);
    } finally {
      source.close();
    }
  }

  /** quick_check in a worker on its own read-only connection; the core stays query_only until it passes. */
  private startBackgroundCheck(core: Core): void {
    core.db.pragma('query_only = ON');
    const file = this.paths.databaseFile;
    const sqliteModule = createRequire(__filename).resolve('better-sqlite3');
    this.checking = new Promise<string>((resolve) => {
      const worker = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         const Database = require(workerData.module);
         let result;
         try {
           const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
           result = String(db.pragma('quick_check', { simple: true }));
           db.close();
         } catch (error) {
           result = 'fout ' + (error && error.code ? error.code : '');
         }
         parentPort.postMessage(result);`,
        { eval: true, workerData: { file, module: sqliteModule } },
      );
      this.worker = worker;
      worker.once('message', (m: string) => resolve(m));
      worker.once('error', () => resolve('fout'));
      worker.once('exit', () => resolve('gestopt'));
    }).then((result) => {
      this.worker = null;
      this.checking = null;
      if (this.core_ !== core) return; // closed or replaced meanwhile
      if (result === 'ok') {
        core.db.pragma('query_only = OFF');
        clearPhoneLeftovers(core);
        return;
      }
      if (result === 'gestopt') return;
      core.close();
      this.core_ = null;
      this.openError_ = new DatabaseRefusal(
        'beschadigd',
        `De database ${file} is beschadigd (gevonden bij de controle na het starten). Sessiewijzer heeft er sindsdien niets in geschreven. ` +
          'Zet een reservekopie terug (Start → Reservekopieën → Terugzetten).',
      );
      this.emitAll();
    });
  }

  private emitAll(): void {
    for (const area of ALL_AREAS) this.options.emit?.('data:changed', { area });
  }

  private closeCore(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.checking = null;
    this.core_?.close();
    this.core_ = null;
  }

  /**
   * Restores a backup file: checks it (integrity, application_id, schema
   * version) before anything changes, stages a copy next to the database,
   * keeps a safety copy of the current database in the backups folder, then
   * swaps the files and reopens. Every refusal leaves the current database as it was.
   */
  async restore(source: string): Promise<RestoreResult> {
    if (this.restoring) throw new AppError('conflict', 'Er wordt al een reservekopie teruggezet.');
    this.restoring = true;
    try {
      const { schemaVersion } = verifyBackup(source);
      const file = this.paths.databaseFile;
      const staged = path.join(this.paths.dataDir, `.sessiewijzer-terugzetten-${process.pid}.sqlite`);
      try {
        const from = new Database(source, { readonly: true, fileMustExist: true });
        try {
          await writeBackupFile(from, staged, this.writer);
        } finally {
          from.close();
        }
        verifyBackup(staged);
      } catch (error) {
        fs.rmSync(staged, { force: true });
        if (error instanceof AppError) {
          throw new AppError(error.code, `${error.message.replace(/ De database zelf is niet gewijzigd\.$/, '')} Er is niets teruggezet; de huidige database is niet gewijzigd.`);
        }
        throw error;
      }
      let safetyCopy: string | null;
      try {
        safetyCopy = this.core_
          ? (await createBackup(this.core_.db, this.paths.backupsDir, 'voor-terugzetten', this.now(), this.writer)).name
          : (copyDamagedDatabase(file, this.paths.backupsDir, this.now())?.name ?? null);
      } catch (error) {
        fs.rmSync(staged, { force: true });
        const reason = error instanceof AppError ? error.message : '';
        throw new AppError('schijf', `Er is niets teruggezet: eerst moet er een veiligheidskopie van de huidige database zijn. ${reason}`);
      }
      this.closeCore();
      // The old -wal must never be replayed onto the restored file (it is in the safety copy).
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      fs.renameSync(staged, file);
      await this.open(false);
      if (!this.core_) {
        const why = this.openError_?.message ?? '';
        throw new AppError('database', `De reservekopie is teruggezet, maar kan niet worden geopend: ${why} De vorige database staat als ${safetyCopy} bij de reservekopieën.`);
      }
      this.emitAll();
      return { restored: true, from: path.basename(source), safetyCopy, schemaVersion };
    } finally {
      this.restoring = false;
    }
  }

  private buildHandlers(): Handlers {
    // What works without an open database: the start screen's facts, the backup list and a restore.
    const withoutCore: Partial<Record<Channel, (input: never) => unknown>> = {
      'app:info': () => ({
        version: this.options.appVersion ?? '0.0.0',
        dataDir: this.paths.dataDir,
        userModulesDir: this.paths.userModulesDir,
        databaseFile: this.paths.databaseFile,
        offerDemo: false,
        databaseError: this.openError_?.message ?? 'De database is gesloten.',
      }),
      'backup:list': () => backupListing(this.paths.backupsDir, this.backupWarning),
      'backup:restore': (input: { name?: string } | undefined) =>
        restoreFromInput(this.options.host, this.paths.backupsDir, input?.name, (f) => this.restore(f)),
    };
    const handlers: Record<string, (input: unknown) => unknown> = {};
    for (const channel of CHANNELS) {
      handlers[channel] = async (input: unknown) => {
        const core = this.core_;
        if (!core) {
          const fallback = withoutCore[channel];
          if (fallback) return (fallback as (i: unknown) => unknown)(input);
          return this.current();
        }
        if (channel === 'backup:list') return backupListing(this.paths.backupsDir, this.backupWarning);
        try {
          return await (core.handlers[channel] as (i: unknown) => unknown)(input);
        } catch (error) {
          if (this.checking && sqlitePrimaryCode(error) === 'SQLITE_READONLY') {
            throw new AppError(
              'database',
              'Niet opgeslagen: Sessiewijzer controleert de database nog (een paar seconden na het starten). Probeer het zo opnieuw.',
            );
          }
          throw error;
        }
      };
    }
    return handlers as unknown as Handlers;
  }

  close(): void {
    this.closeCore();
  }
}

/**
 * The privacy clean-up an app killed during a session with phones could not do (see
 * LanService.clearLeftovers). A failure here (a full disk) must not keep the app from starting:
 * the same clean-up runs again when that session's phones start or the session ends.
 */
function clearPhoneLeftovers(core: Core): void {
  try {
    core.lan.clearLeftovers();
  } catch {
    // Left for the next start, or for that session's next start or end.
  }
}

export function openCoreOwner(options: OwnerOptions): Promise<CoreOwner> {
  return CoreOwner.open(options);
}
