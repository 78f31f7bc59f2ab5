// Writes a file so that a failure (full disk, read-only folder) never
// leaves a half-written file at the target and says so in Dutch.

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { FileFilter, HostCapabilities } from '../core';
import { fileReason } from './backup';

export function writeFileAtomic(target: string, data: Buffer | string): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    const reason = fileReason(error);
    throw new AppError('schijf', `Het bestand ${target} kon niet worden opgeslagen: ${reason}. Er is geen (half) bestand achtergebleven; de gegevens in Sessiewijzer zelf zijn niet veranderd.`);
  }
}

/**
 * Main chooses where a file goes (the renderer never sends a path): ask with the host's save
 * dialog, then write atomically. A cancelled dialog writes nothing.
 */
export async function saveWithDialog(
  host: HostCapabilities,
  dialog: { title: string; defaultName: string; filters?: FileFilter[] },
  data: Buffer | string,
): Promise<{ saved: boolean; path: string | null }> {
  const target = await host.chooseSavePath(dialog);
  if (!target) return { saved: false, path: null };
  writeFileAtomic(target, data);
  return { saved: true, path: target };
}
