// Soak test (not part of CI): a child process runs the real core, recording
// entries while a CSV import (with its backup) and a CSV export run, and is
// killed with SIGKILL at a random moment, again and again. After every kill
// the database is opened the way the app opens it (application_id,
// quick_check) and checked: integrity, every acknowledged entry and import
// still there, every acknowledged export file complete, the newest backup intact.
//
//   npm run soak [-- --kills N]

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openCore } from '../src/main/core';
import { dispatch } from '../src/main/ipc/dispatch';
import { openDatabase } from '../src/main/db/open';
import { listBackups, verifyBackup } from '../src/main/services/backup';
import { buildSync } from 'esbuild';

const args = process.argv.slice(2);
const killsArg = args.indexOf('--kills');
const KILLS = killsArg >= 0 ? Number(args[killsArg + 1]) : 200;
if (!Number.isInteger(KILLS) || KILLS < 1) {
  console.error('Gebruik: soak.ts [--kills N]   (N ≥ 1)');
  process.exit(2);
}
const repoRoot = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sessiewijzer-soak-'));
const dbFile = path.join(dir, 'sessiewijzer.sqlite');
// The child is bundled once (esbuild, as electron-vite does), so each of the many restarts costs a
// plain Node start instead of a TypeScript compile; better-sqlite3 stays external.
const childScript = path.join(__dirname, 'results', `soak-child-${process.pid}.cjs`);
fs.mkdirSync(path.dirname(childScript), { recursive: true });
buildSync({
  entryPoints: [path.join(__dirname, 'soak-child.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outfile: childScript,
  external: ['better-sqlite3', 'pdfkit'],
  define: { __SOAK_REPO_ROOT__: JSON.stringify(repoRoot) },
  logLevel: 'error',
});

interface Acks {
  entries: number[];
  imports: string[][];
  exports: { file: string; hash: string }[];
}

function runChild(runId: number, organisationId: number, round: number): Promise<Acks & { killedAfterMs: number; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir, String(runId), String(organisationId), String(round)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Acks = { entries: [], imports: [], exports: [] };
    let buffer = '';
    let stderr = '';
    let startedAt = 0;
    // Kill somewhere in the first 2.5 s of work: early (during open, a backup) as often as late.
    const killAfter = Math.floor(Math.random() * 2500);
    const parse = (line: string) => {
      if (line === 'ready') {
        startedAt = performance.now();
        setTimeout(() => child.kill('SIGKILL'), killAfter);
        return;
      }
      const [, what, ...rest] = line.split(' ');
      if (what === 'entry') acks.entries.push(Number(rest[0]));
      else if (what === 'import') acks.imports.push(rest.join(' ').split('|'));
      else if (what === 'export') acks.exports.push({ file: rest[0]!, hash: rest[1]! });
    };
    const safety = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      lines.forEach(parse);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(safety);
      buffer.split('\n').filter(Boolean).forEach(parse);
      resolve({ ...acks, killedAfterMs: startedAt ? performance.now() - startedAt : -1, signal, stderr });
    });
  });
}

async function setup(): Promise<{ runId: number; organisationId: number }> {
  const core = openCore({
    dataDir: dir,
    builtinModulesDir: path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid'),
    fontsDir: path.join(repoRoot, 'resources', 'fonts'),
    host: { chooseSavePath: async () => null },
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(core.handlers, channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  try {
    const org = await call<{ id: number }>('organisations:create', { name: 'Stichting Soak', kind: 'stichting' });
    const group = await call<{ id: number }>('groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
    const session = await call<{ id: number }>('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' });
    const run = await call<{ run: { id: number } }>('runs:startAdHoc', { sessionId: session.id, format: { type: 'rondje', prompt: 'Rondje' } });
    return { runId: run.run.id, organisationId: org.id };
  } finally {
    core.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const { runId, organisationId } = await setup();
  const acked = { entries: new Set<number>(), imports: [] as string[], exports: [] as { file: string; hash: string }[] };
  const totals = { lostEntries: 0, lostImports: 0, badExports: 0, integrityOk: 0, integrityFailed: [] as string[], backupsChecked: 0, backupsBad: 0, notKilled: 0 };
  for (let k = 1; k <= KILLS; k++) {
    const result = await runChild(runId, organisationId, k);
    if (result.signal !== 'SIGKILL') {
      totals.notKilled++;
      console.log(`ronde ${k}: het kind stopte zelf: ${result.stderr.trim().split('\n').at(-1)}`);
    }
    result.entries.forEach((id) => acked.entries.add(id));
    acked.imports.push(...result.imports.flat());
    acked.exports.push(...result.exports);

    // Open as the app does (refuses a damaged file), then check everything acknowledged so far.
    let db: Database.Database;
    try {
      db = openDatabase(dbFile);
    } catch (error) {
      totals.integrityFailed.push(`ronde ${k}: ${(error as Error).message}`);
      break;
    }
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (integrity === 'ok' && fk.length === 0) totals.integrityOk++;
      else totals.integrityFailed.push(`ronde ${k}: integrity_check ${String(integrity)}, ${fk.length} fk-fouten`);
      const stored = new Set((db.prepare('SELECT id FROM entries WHERE run_id = ?').all(runId) as { id: number }[]).map((r) => r.id));
      const lost = [...acked.entries].filter((id) => !stored.has(id));
      totals.lostEntries = lost.length;
      const names = new Set((db.prepare('SELECT name FROM participants').all() as { name: string }[]).map((r) => r.name));
      totals.lostImports = acked.imports.filter((n) => !names.has(n)).length;
    } finally {
      db.close();
    }
    totals.badExports = acked.exports.filter(({ file, hash }) => {
      const full = path.join(dir, 'exports', file);
      return !fs.existsSync(full) || createHash('sha256').update(fs.readFileSync(full)).digest('hex') !== hash;
    }).length;
    const newest = listBackups(path.join(dir, 'backups'))[0];
    if (newest && k % 10 === 0) {
      totals.backupsChecked++;
      try {
        verifyBackup(path.join(dir, 'backups', newest.name));
      } catch {
        totals.backupsBad++;
      }
    }
    if (k % 20 === 0 || k === KILLS) {
      console.log(
        `${k}/${KILLS} kills · ${acked.entries.size} invoer bevestigd, ${totals.lostEntries} kwijt · ${acked.imports.length / 3} imports bevestigd, ` +
          `${totals.lostImports} namen kwijt · ${acked.exports.length} exports, ${totals.badExports} onvolledig · integriteit ${totals.integrityOk} ok, ` +
          `${totals.integrityFailed.length} fout · ${Math.round((performance.now() - started) / 1000)} s`,
      );
    }
  }
  const leftovers = (sub: string, pattern: RegExp) =>
    fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).filter((f) => pattern.test(f)).length : 0;
  console.log('\nSoaktest: willekeurige SIGKILLs tijdens invoer, CSV-import (met reservekopie) en export');
  console.log(`kills                          ${KILLS}${totals.notKilled ? ` (${totals.notKilled} keer stopte het kind zelf)` : ''}`);
  console.log(`invoer bevestigd               ${acked.entries.size}`);
  console.log(`bevestigde invoer kwijt        ${totals.lostEntries}`);
  console.log(`imports bevestigd              ${acked.imports.length / 3} (${acked.imports.length} deelnemers), kwijt: ${totals.lostImports}`);
  console.log(`exports bevestigd              ${acked.exports.length}, onvolledig of weg: ${totals.badExports}`);
  console.log(`integriteit na elke kill       ${totals.integrityOk} ok, ${totals.integrityFailed.length} fout`);
  for (const f of totals.integrityFailed) console.log(`  ${f}`);
  console.log(`nieuwste reservekopie getest   ${totals.backupsChecked} keer, ${totals.backupsBad} beschadigd`);
  console.log(`restanten na kills             ${leftovers('exports', /\.tmp$/)} tijdelijke exportbestanden, ${leftovers('backups', /\.deels/)} halve reservekopieën (nooit in de lijst)`);
  console.log(`tijd                           ${Math.round((performance.now() - started) / 1000)} s`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(childScript, { force: true });
  if (totals.lostEntries > 0 || totals.lostImports > 0 || totals.badExports > 0 || totals.integrityFailed.length > 0 || totals.backupsBad > 0) process.exitCode = 1;
}

void main();
