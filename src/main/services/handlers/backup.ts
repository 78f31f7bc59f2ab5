import path from 'node:path';
import { format } from 'date-fns';
import { AppError } from '../../../shared/errors';
import type { backupChannels, BackupList, RestoreResult } from '../../../shared/channels/backup';
import type { HostCapabilities } from '../../core';
import { listBackups, listedBackupPath, ROTATION_TEXT, writeBackupFile } from '../backup';
import type { AreaHandlers, HandlerDeps } from './deps';

export const BACKUP_FILTERS = [{ name: 'Sessiewijzer-reservekopie', extensions: ['sqlite'] }];

export function backupListing(dir: string, warning: string | null): BackupList {
  return { folder: dir, backups: listBackups(dir), warning, rotation: ROTATION_TEXT };
}

/** A listed backup by name, or a file chosen in main's open dialog; then the owner's restore. */
export async function restoreFromInput(
  host: HostCapabilities,
  dir: string,
  name: string | undefined,
  restore: ((file: string) => Promise<RestoreResult>) | undefined,
): Promise<RestoreResult> {
  if (!restore) throw new AppError('ongeldige_invoer', 'Terugzetten kan alleen vanuit de app of de opdrachtregel.');
  let file: string;
  if (name) {
    file = listedBackupPath(dir, name);
  } else {
    if (!host.chooseOpenFile) throw new AppError('ongeldige_invoer', 'Een bestand kiezen kan hier niet; kies een reservekopie uit de lijst.');
    const chosen = await host.chooseOpenFile({ title: 'Reservekopie terugzetten', filters: [...BACKUP_FILTERS, { name: 'Alle bestanden', extensions: ['*'] }] });
    if (!chosen) return { restored: false, from: null, safetyCopy: null, schemaVersion: null };
    file = chosen;
  }
  return restore(file);
}

export function backupHandlers({ db, paths, config }: HandlerDeps): AreaHandlers<typeof backupChannels> {
  const now = config.now ?? (() => new Date());
  return {
    'backup:list': () => backupListing(paths.backupsDir, null),
    'backup:create': async () => {
      const target = await config.host.chooseSavePath({
        title: 'Reservekopie maken',
        defaultName: `sessiewijzer-reservekopie-${format(now(), 'yyyy-MM-dd')}.sqlite`,
        filters: BACKUP_FILTERS,
      });
      if (!target) return { saved: false, path: null };
      const resolved = path.resolve(target);
      if ([paths.databaseFile, `${paths.databaseFile}-wal`, `${paths.databaseFile}-shm`].includes(resolved)) {
        throw new AppError('ongeldige_invoer', 'Kies een ander bestand: dit is de database zelf. Er is niets gewijzigd.');
      }
      await writeBackupFile(db, resolved, config.backupWriter);
      return { saved: true, path: resolved };
    },
    'backup:restore': (input) => restoreFromInput(config.host, paths.backupsDir, input?.name, config.restore),
  };
}
