// Writes a file so that a failure (full disk, read-only folder) never
// leaves a half-written file at the target and says so in Dutch.

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

export function writeFileAtomic(target: string, data: Buffer | string): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOSPC'
        ? 'de schijf is vol'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'je hebt geen schrijfrechten in deze map'
          : code === 'ENOENT'
            ? 'de map bestaat niet'
            : (error as Error).message;
    throw new AppError('schijf', `Het bestand ${target} kon niet worden opgeslagen: ${reason}. Er is niets verloren.`);
  }
}
