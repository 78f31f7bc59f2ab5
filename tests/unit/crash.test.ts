// Crash safety: a process running the real core stores entries and is killed
// (SIGKILL) at random moments. After reopening, every entry it acknowledged
// is there and the database passes PRAGMA integrity_check.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/core';
import { dispatch } from '../../src/main/ipc/dispatch';
import { repoRoot, tempDir } from '../helpers/temp';

const ROUNDS = 6;
const { dir, cleanup } = tempDir('sessiewijzer-crash-');
afterAll(cleanup);

function open() {
  return openCore({
    dataDir: dir,
    builtinModulesDir: path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid'),
    fontsDir: path.join(repoRoot, 'resources', 'fonts'),
    host: { chooseSavePath: async () => null },
  });
}

async function call<T>(core: ReturnType<typeof open>, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** Runs the writer until `afterAcks` entries are acknowledged plus a random delay, then kills it. */
function writeAndKill(runId: number, afterAcks: number, extraMs: number): Promise<{ acked: number[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests', 'helpers', 'entry-writer.ts'), dir, String(runId)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffer = '';
    let stderr = '';
    let armed = false;
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`De schrijver kwam niet op gang: ${stderr}`));
      // Generous: tsx compiles the writer at each start, and every acknowledged entry waits for its
      // fsync (synchronous = FULL); on a busy shared disk 150 of them take many seconds.
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const m = /^ack (\d+)$/.exec(line);
        if (m) acked.push(Number(m[1]));
      }
      if (!armed && acked.length >= afterAcks) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timeout);
      // After 'close' every line the writer wrote has been read.
      for (const line of buffer.split('\n')) {
        const m = /^ack (\d+)$/.exec(line);
        if (m) acked.push(Number(m[1]));
      }
      if (signal !== 'SIGKILL') reject(new Error(`De schrijver stopte zelf (code ${code}): ${stderr}`));
      else resolve({ acked, signal });
    });
  });
}

describe('crash safety of entries', () => {
  it('keeps every acknowledged entry through SIGKILLs, with an intact database', async () => {
    // A session with an ad-hoc round to write into.
    let core = open();
    const org = await call<{ id: number }>(core, 'organisations:create', { name: 'Stichting Crash', kind: 'stichting' });
    const group = await call<{ id: number }>(core, 'groups:create', { organisationId: org.id, name: 'Groep', kind: 'groep' });
    const session = await call<{ id: number }>(core, 'sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' });
    const run = await call<{ run: { id: number } }>(core, 'runs:startAdHoc', { sessionId: session.id, format: { type: 'rondje', prompt: 'Rondje' } });
    core.close();

    const allAcked: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const afterAcks = 1 + Math.floor(Math.random() * 150);
      const extraMs = Math.floor(Math.random() * 60);
      const { acked } = await writeAndKill(run.run.id, afterAcks, extraMs);
      expect(acked.length).toBeGreaterThanOrEqual(afterAcks);
      allAcked.push(...acked);

      core = open();
      try {
        expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(core.db.pragma('foreign_key_check')).toEqual([]);
        const stored = new Set(
          (core.db.prepare('SELECT id FROM entries WHERE run_id = ?').all(run.run.id) as { id: number }[]).map((r) => r.id),
        );
        const missing = allAcked.filter((id) => !stored.has(id));
        expect(missing, `ronde ${round + 1}: bevestigd maar niet opgeslagen`).toEqual([]);
        // The app goes on working on the reopened database.
        const view = await call<{ entries: unknown[] }>(core, 'runs:results', { runId: run.run.id });
        expect(view.entries.length).toBe(stored.size);
      } finally {
        core.close();
      }
    }
    expect(allAcked.length).toBeGreaterThan(ROUNDS);
  }, 600_000);
});
