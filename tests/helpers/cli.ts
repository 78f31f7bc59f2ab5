// The CLI as an admin runs it: a real process (tsx) on a given data folder.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './temp';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

export function runCli(dataDir: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(tsx, [path.join(repoRoot, 'src/main/cli/index.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, SESSIEWIJZER_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
