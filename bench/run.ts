// `npm run bench [naam]`: runs every bench/*.bench.ts (or those whose name
// contains the argument) one after another, each in its own process so one
// benchmark's memory and JIT state do not colour the next.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const filter = process.argv[2] ?? '';
const dir = __dirname;
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`Geen benchmarks gevonden${filter ? ` met "${filter}"` : ''} in ${dir}.`);
  process.exit(1);
}
const tsx = path.join(dir, '..', 'node_modules', '.bin', 'tsx');
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(tsx, [path.join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
