// Child process of the soak test (bench/soak.ts): the real core on a data
// folder, recording entries through dispatch as the renderer does, with a
// CSV import (which makes its backup first) and a CSV export running in
// between. Every acknowledged step is written to stdout and flushed before
// the next one starts, so the parent knows what must survive a SIGKILL.
//
//   node <bundled soak-child.cjs> <dataDir> <runId> <organisationId> <round>   (soak.ts bundles it)

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../src/main/core';
import { dispatch } from '../src/main/ipc/dispatch';

const [dataDir, runIdText, orgText, roundText] = process.argv.slice(2);
if (!dataDir || !runIdText || !orgText || !roundText) {
  console.error('Gebruik: soak-child.ts <dataDir> <runId> <organisationId> <ronde>');
  process.exit(2);
}
// Bundled by soak.ts into bench/results/, where __dirname is no longer bench/.
declare const __SOAK_REPO_ROOT__: string | undefined;
const repoRoot = typeof __SOAK_REPO_ROOT__ === 'string' ? __SOAK_REPO_ROOT__ : path.resolve(__dirname, '..');
const exportsDir = path.join(dataDir, 'exports');
fs.mkdirSync(exportsDir, { recursive: true });
let exportTarget = '';
const core = openCore({
  dataDir,
  builtinModulesDir: path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid'),
  fontsDir: path.join(repoRoot, 'resources', 'fonts'),
  host: { chooseSavePath: async () => exportTarget },
});
const runId = Number(runIdText);
const organisationId = Number(orgText);
const round = Number(roundText);

const say = (line: string) => new Promise<void>((resolve, reject) => process.stdout.write(`${line}\n`, (e) => (e ? reject(e) : resolve())));

async function call(channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(core.handlers, channel, input, () => {});
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

let importing: Promise<void> | null = null;
let exporting: Promise<void> | null = null;
let imports = 0;
let exports = 0;

/** Three participants with trap names, unique per round and import; acknowledged once committed. */
function startImport(): void {
  const n = ++imports;
  const names = [`İlker Güneş ${round}-${n}`, `Jan de Vries ${round}-${n}`, `Bo Bosch ${round}-${n}`];
  const csv = `naam;rol\n${names.map((name) => `${name};docent/mentor`).join('\n')}\n`;
  importing = call('participants:importCommit', { organisationId, csv })
    .then(() => say(`ack import ${names.join('|')}`))
    .finally(() => (importing = null));
}

/** The participants list to a CSV file (atomic write); acknowledged with the hash of what was written. */
function startExport(): void {
  const n = ++exports;
  exportTarget = path.join(exportsDir, `deelnemers-${round}-${n}.csv`);
  const target = exportTarget;
  exporting = (async () => {
    const csv = (await call('participants:exportCsv', {})) as { text: string };
    const result = (await call('participants:saveCsv', {})) as { saved: boolean; path: string };
    if (!result.saved || result.path !== target) throw new Error('export niet opgeslagen');
    const hash = createHash('sha256').update(fs.readFileSync(target)).digest('hex');
    await say(`ack export ${path.basename(target)} ${hash} ${csv.text.length}`);
  })().finally(() => (exporting = null));
}

async function main(): Promise<void> {
  await say('ready');
  for (let i = 0; ; i++) {
    if (i % 20 === 2 && !importing) startImport();
    if (i % 30 === 12 && !exporting) startExport();
    const text = `Ronde ${round}, bijdrage ${i}: ${'welbevinden '.repeat(i % 7 === 0 ? 60 : 1 + (i % 5))}`.trim();
    const value = (await call('entries:add', { runId, entry: { kind: 'contribution', text } })) as { id: number };
    await say(`ack entry ${value.id}`);
    // Entries arrive as IPC messages, each its own turn of the event loop; without this the loop would
    // starve the backup's steps (better-sqlite3 runs them with setImmediate).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
