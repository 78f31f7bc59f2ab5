// The app's core: database, module library and services behind the IPC
// contract. Knows nothing of Electron: paths and host capabilities (save
// dialog, event push) come in as arguments, so tests, the CLI and the
// Chromium harness run exactly this code.

import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from './ipc/dispatch';
import { openDatabase, type Db, type OpenOptions } from './db/open';
import { createModuleService, type ModuleService } from './services/modules';
import { createHandlers } from './services/handlers/index';
import { createPresentingService, type PresentingService } from './services/presenting';
import type { PushEvent, PushEventName } from '../shared/events';
import { BACKUPS_DIR_NAME, type BackupWriter } from './services/backup';
import type { RestoreResult } from '../shared/channels/backup';
import { createLanService, type LanService } from './lan/service';
import { createPhoneService, type PhoneService } from './services/work-formats/phones';

export interface HostCapabilities {
  /** Ask the user where to save a file; null when cancelled. */
  chooseSavePath(options: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | null>;
  /** Ask the user for a file to open; null when cancelled. */
  chooseOpenFile?(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** The displays attached (Electron's screen API); one entry when there is no second screen. */
  displays?(): DisplayInfo[];
  /** Open (or move) the audience window for a session on a display; null = the best external one. */
  openAudience?(sessionId: number, displayId: number | null): Promise<AudienceWindowInfo>;
  closeAudience?(): Promise<void>;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

import type { AudienceWindowInfo, DisplayInfo } from '../shared/channels/presenting';

export interface CoreConfig {
  dataDir: string;
  /** The modules that ship with the app (the repo's modules/ folder). */
  builtinModulesDir: string;
  /** resources/fonts, for PDF reports. */
  fontsDir: string;
  host: HostCapabilities;
  /** Push an event to every window (optional; the CLI has none). */
  emit?: <E extends PushEventName>(event: E, payload: PushEvent[E]) => void;
  /** Version of the app, shown in the start screen. */
  appVersion?: string;
  now?: () => Date;
  /** How the database is opened (tests and the owner pass their own). */
  open?: OpenOptions;
  /** Writes backups; tests inject a failing one to simulate a full disk. */
  backupWriter?: BackupWriter;
  /** Set by the CoreOwner: closes this core and reopens on the restored file. */
  restore?: (file: string) => Promise<RestoreResult>;
  /** The phone page the room server serves (the participant build); default <app>/out/participant. */
  participantDir?: string;
  /** Tests and the harness only: phones may join on 127.0.0.1 (the real app lists only the laptop's networks). */
  allowLoopback?: boolean;
  /** First port the room server tries (default 8787, then the next ones); tests pick their own. */
  lanPort?: number;
}

export interface Core {
  db: Db;
  modules: ModuleService;
  presenting: PresentingService;
  phones: PhoneService;
  lan: LanService;
  handlers: Handlers;
  paths: CorePaths;
  close(): void;
}

export interface CorePaths {
  dataDir: string;
  databaseFile: string;
  userModulesDir: string;
  backupsDir: string;
}

export const DATABASE_FILE_NAME = 'sessiewijzer.sqlite';

export function resolvePaths(dataDir: string): CorePaths {
  return {
    dataDir,
    databaseFile: path.join(dataDir, DATABASE_FILE_NAME),
    userModulesDir: path.join(dataDir, 'modules'),
    backupsDir: path.join(dataDir, BACKUPS_DIR_NAME),
  };
}

export function openCore(config: CoreConfig): Core {
  const paths = resolvePaths(config.dataDir);
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const db = openDatabase(paths.databaseFile, config.open ?? {});
  const modules = createModuleService([
    { path: config.builtinModulesDir, origin: 'ingebouwd' },
    { path: paths.userModulesDir, origin: 'eigen' },
  ]);
  const now = config.now ?? (() => new Date());
  const presenting = createPresentingService(db, modules, () => now().getTime());
  const phones = createPhoneService(db, presenting, () => now().getTime());
  const lan = createLanService({
    db,
    phones,
    emit: config.emit ?? (() => {}),
    participantDir: config.participantDir ?? path.join(__dirname, '..', 'participant'),
    allowLoopback: config.allowLoopback ?? false,
    ...(config.lanPort ? { port: config.lanPort } : {}),
  });
  presenting.onEnded((sessionId) => lan.sessionEnded(sessionId));
  // The room server hears what the windows hear: a new slide or a changed run may change the phones' question.
  const emit: CoreConfig['emit'] = (event, payload) => {
    config.emit?.(event, payload);
    lan.heard(event, payload);
  };
  const handlers = createHandlers({ db, modules, presenting, phones, lan, paths, config: { ...config, emit } });
  return {
    db,
    modules,
    presenting,
    phones,
    lan,
    handlers,
    paths,
    close() {
      // The room server stops with the core (restore, quit): its clean-up needs the open database.
      lan.close();
      if (db.open) {
        // Fold the WAL back into the main file so a copied data folder is complete.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}
