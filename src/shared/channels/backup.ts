// Backups of the one database (services/backup.ts): the list kept in
// <data folder>/backups/, a backup to a file the user chooses, and a restore
// from a listed backup or a chosen file. The renderer never sends a path: a
// listed backup is named by its file name, which main resolves inside the
// backups folder; any other file is chosen in main's open dialog.

import { channel, none, z } from './define';

export const BACKUP_KINDS = [
  'dagelijks',
  'voor-migratie',
  'voor-wissen',
  'voor-bewaartermijn',
  'voor-import',
  'voor-terugzetten',
  'beschadigd',
  'handmatig',
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  dagelijks: 'dagelijks',
  'voor-migratie': 'vóór een update van de database',
  'voor-wissen': 'vóór het wissen van een deelnemer',
  'voor-bewaartermijn': 'vóór het opruimen (bewaartermijn)',
  'voor-import': 'vóór een CSV-import',
  'voor-terugzetten': 'vóór het terugzetten van een reservekopie',
  beschadigd: 'kopie van een beschadigde database',
  handmatig: 'handmatig gemaakt',
};

export interface BackupInfo {
  /** File name inside the backups folder; also what backup:restore takes. */
  name: string;
  kind: BackupKind;
  /** ISO timestamp (UTC) of when the backup was made. */
  createdAt: string;
  size: number;
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
  /** Why the automatic backup at this start failed, if it did (Dutch). */
  warning: string | null;
  /** The rotation, in words, for the screen. */
  rotation: string;
}

export interface RestoreResult {
  restored: boolean;
  /** The file restored from (its name), null when the dialog was cancelled. */
  from: string | null;
  /** The safety copy of the database as it was before the restore. */
  safetyCopy: string | null;
  schemaVersion: number | null;
}

const backupName = z
  .string({ error: 'Kies een reservekopie uit de lijst.' })
  .regex(/^sessiewijzer-[0-9TZ-]+-[a-z-]+(-\d+)?\.sqlite$/, 'Kies een reservekopie uit de lijst.')
  .max(120, 'Kies een reservekopie uit de lijst.');

export const backupChannels = {
  'backup:list': channel(none).returns<BackupList>(),
  /** Saves a backup to a file chosen in main's save dialog. */
  'backup:create': channel(none).returns<{ saved: boolean; path: string | null }>(),
  /** Restores a listed backup (name) or, without a name, a file chosen in main's open dialog. */
  'backup:restore': channel(z.strictObject({ name: backupName.optional() }).optional()).returns<RestoreResult>(),
};
