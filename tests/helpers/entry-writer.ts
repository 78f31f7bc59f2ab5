// Child process for the crash test (tests/unit/crash.test.ts): runs the real
// core on a data folder and stores entries in a loop through dispatch, as the
// renderer would. After each acknowledged entry it writes "ack <id>" to
// stdout and waits until the line is handed to the pipe, so the parent knows
// what it may expect after a kill.
//
//   node --import tsx tests/helpers/entry-writer.ts <dataDir> <runId>

import path from 'node:path';
import { openCore } from '../../src/main/core';
import { dispatch } from '../../src/main/ipc/dispatch';

const [dataDir, runIdText] = process.argv.slice(2);
if (!dataDir || !runIdText) {
  console.error('Gebruik: entry-writer.ts <dataDir> <runId>');
  process.exit(2);
}
const repoRoot = path.resolve(__dirname, '..', '..');
const core = openCore({
  dataDir,
  builtinModulesDir: path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid'),
  fontsDir: path.join(repoRoot, 'resources', 'fonts'),
  host: { chooseSavePath: async () => null },
});
const runId = Number(runIdText);

/** Resolves once the line is written to the pipe (a full pipe waits instead of failing). */
const say = (line: string) => new Promise<void>((resolve, reject) => process.stdout.write(`${line}\n`, (e) => (e ? reject(e) : resolve())));

async function main(): Promise<void> {
  await say('ready');
  for (let i = 0; ; i++) {
    // Mixed lengths, so some entries span pages and the WAL grows and checkpoints.
    const text = `Bijdrage ${i}: ${'welbevinden '.repeat(i % 7 === 0 ? 80 : 1 + (i % 5))}`.trim();
    const result = await dispatch(core.handlers, 'entries:add', { runId, entry: { kind: 'contribution', text } });
    if (!result.ok) {
      console.error(result.error.message);
      process.exit(1);
    }
    await say(`ack ${(result.value as { id: number }).id}`);
  }
}

void main();
