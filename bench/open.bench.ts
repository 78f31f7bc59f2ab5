// Opening the database on the ten-year dataset (bench/generate-dataset.ts):
// the read-only inspection (application_id, schema version, PRAGMA
// quick_check) and the whole open. Target: open < 200 ms including the check.
//
//   npx tsx bench/open.bench.ts [n]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectDatabase, openDatabase } from '../src/main/db/open';
import { ensureDataset } from './generate-dataset';
import { figures, printFigures, type Figures } from './stats';

const N = Number(process.argv[2] ?? 10);
const TARGET_MS = 200;

function main(): void {
  const { file: source } = ensureDataset({ verbose: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sessiewijzer-open-'));
  const file = path.join(dir, 'sessiewijzer.sqlite');
  fs.copyFileSync(source, file);
  try {
    const time = (fn: () => void) => {
      const t0 = performance.now();
      fn();
      return performance.now() - t0;
    };
    const quick: number[] = [];
    const inspectWithout: number[] = [];
    const open: number[] = [];
    const openWithout: number[] = [];
    for (let i = 0; i < N; i++) {
      quick.push(inspectDatabase(file).quickCheckMs!);
      inspectWithout.push(time(() => inspectDatabase(file, { quickCheck: false })));
      open.push(time(() => openDatabase(file).close()));
      openWithout.push(time(() => openDatabase(file, { quickCheck: false }).close()));
    }
    const rows: Figures[] = [
      figures('PRAGMA quick_check alleen', quick),
      figures('inspectie zonder quick_check', inspectWithout),
      figures('openen met quick_check', open, TARGET_MS),
      figures('openen zonder quick_check', openWithout),
    ];
    console.log(`Database openen, tienjarige dataset (${(fs.statSync(file).size / 1e6).toFixed(0)} MB), ${N} keer per meting`);
    printFigures(rows);
    if (rows[2]!.p95Ms > TARGET_MS) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
