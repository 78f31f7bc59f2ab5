// The CoreOwner as the app and the CLI open it, on a test's own folder: a real
// SQLite file, the fixture modules, the real fonts, and dialogs answered by the test.

import path from 'node:path';
import { CoreOwner } from '../../src/main/services/core-owner';
import type { BackupWriter } from '../../src/main/services/backup';
import { caller } from './core';
import { repoRoot } from './temp';

export interface DialogAnswers {
  save: string | null;
  open: string | null;
}

export async function openTestOwner(
  dataDir: string,
  options: { now?: Date; writer?: BackupWriter; integrityCheck?: 'sync' | 'background'; dailyBackup?: boolean; answers?: DialogAnswers } = {},
) {
  const answers = options.answers ?? { save: null, open: null };
  const owner = await CoreOwner.open({
    dataDir,
    builtinModulesDir: path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid'),
    fontsDir: path.join(repoRoot, 'resources', 'fonts'),
    now: () => options.now ?? new Date('2026-11-25T10:00:00Z'),
    ...(options.writer ? { backupWriter: options.writer } : {}),
    ...(options.integrityCheck ? { integrityCheck: options.integrityCheck } : {}),
    ...(options.dailyBackup === false ? { dailyBackup: false } : {}),
    host: {
      chooseSavePath: async () => answers.save,
      chooseOpenFile: async () => answers.open,
    },
  });
  return { owner, call: caller(owner.handlers), answers };
}
