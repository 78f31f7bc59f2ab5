import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp folder per call; removed by the returned cleanup. */
export function tempDir(prefix = 'sessiewijzer-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const repoRoot = path.resolve(__dirname, '..', '..');
