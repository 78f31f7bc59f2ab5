// Entries: from `entries:add` through dispatch (validation, checks against the
// run, one transaction) to stored in a real SQLite file. Target: p95 ≤ 5 ms.
//
//   npx tsx bench/entries.bench.ts [n]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../src/main/core';
import { dispatch } from '../src/main/ipc/dispatch';
import { figures, printFigures, sample, type Figures } from './stats';

const RUNS = Number(process.argv[2] ?? 1000);
const TARGET_MS = 5;
/** One frame at 60 Hz, for entry → results ready for the audience view. */
const FRAME_MS = 16;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sessiewijzer-bench-'));
  const repoRoot = path.resolve(__dirname, '..');
  const core = openCore({
    dataDir: dir,
    builtinModulesDir: path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid'),
    fontsDir: path.join(repoRoot, 'resources', 'fonts'),
    host: { chooseSavePath: async () => null },
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await dispatch(core.handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    const org = await call<{ id: number }>('organisations:create', { name: 'Stichting Bench', kind: 'stichting' });
    const group = await call<{ id: number }>('groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
    const people: number[] = [];
    for (let i = 0; i < 12; i++) {
      const p = await call<{ id: number }>('participants:create', { organisationId: org.id, name: `Deelnemer ${i + 1}`, role: 'docent/mentor' });
      await call('groups:addMember', { groupId: group.id, participantId: p.id });
      people.push(p.id);
    }
    const session = await call<{ id: number }>('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' });
    for (const id of people) await call('attendance:set', { sessionId: session.id, participantId: id, status: 'aanwezig' });
    const start = (format: unknown) => call<{ run: { id: number } }>('runs:startAdHoc', { sessionId: session.id, format }).then((v) => v.run.id);

    const rows: Figures[] = [];
    const measure = async (name: string, fn: (i: number) => Promise<unknown>) => {
      let i = 0;
      rows.push(figures(name, await sample(() => fn(i++), RUNS), TARGET_MS));
    };

    const round = await start({ type: 'rondje', prompt: 'Wat werkt bij jullie?' });
    // The app opens with synchronous = FULL (every commit synced, safe on power loss); the same write with
    // NORMAL is measured next to it, so the cost of FULL is visible in one run.
    const mode = core.db.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'NIET FULL';
    await measure(`rondje: bijdrage (synchronous=${mode})`, (i) =>
      call('entries:add', { runId: round, entry: { kind: 'contribution', text: `Bijdrage ${i} over rust in de klas` } }),
    );
    core.db.pragma('synchronous = NORMAL');
    await measure('rondje: bijdrage (synchronous=NORMAL, ter vergelijking)', (i) =>
      call('entries:add', { runId: round, entry: { kind: 'contribution', text: `Bijdrage ${i} over rust in de klas` } }),
    );
    core.db.pragma('synchronous = FULL');
    // The floor under FULL: one 4 kB write plus fsync on the same disk, without SQLite.
    const probe = fs.openSync(path.join(dir, 'fsync-probe'), 'w');
    const page = Buffer.alloc(4096, 1);
    rows.push(
      figures(
        'schijf: 4 kB schrijven + fsync (ondergrens bij FULL)',
        await sample(async () => {
          fs.writeSync(probe, page);
          fs.fsyncSync(probe);
        }, RUNS),
      ),
    );
    fs.closeSync(probe);

    const poll = await start({ type: 'peiling', prompt: 'Wat herken je?', options: ['Druk', 'Onrust', 'Iets anders'], multiple: true });
    await measure('peiling: aantal', (i) => call('entries:add', { runId: poll, entry: { kind: 'count', option: 'Onrust', count: i % 30 } }));
    await measure('peiling: +1 (delta, in de transactie opgeteld)', () => call('entries:add', { runId: poll, entry: { kind: 'count', option: 'Druk', delta: 1 } }));

    // Worst case for the checks: every card is read back to validate a dot vote.
    const brainstorm = await start({ type: 'brainstorm', prompt: 'Ideeën', dots: 10 });
    const cards: number[] = [];
    await measure('brainstorm: kaart', async (i) => {
      const card = await call<{ id: number }>('entries:add', { runId: brainstorm, entry: { kind: 'card', text: `Idee ${i}` } });
      cards.push(card.id);
    });
    await measure('brainstorm: stip (gekoppeld)', (i) =>
      call('entries:add', { runId: brainstorm, entry: { kind: 'vote', cardId: cards[i % cards.length] }, participantId: people[i % people.length] }).catch(
        // Once everyone has used their dots the check refuses; that is measured too.
        () => undefined,
      ),
    );

    const scale = await start({ type: 'schaalvraag', prompt: 'Hoe rustig is het?' });
    await measure('schaalvraag: cijfer', (i) => call('entries:add', { runId: scale, entry: { kind: 'rating', value: 1 + (i % 10) } }));

    await measure('ongedaan maken', () => call('entries:undo', { runId: round }));

    // Stored and read back for the audience view (results revealed); the drawing itself is the renderer's frame.
    const shown = await start({ type: 'stelling', prompt: 'Rust begint bij het team.' });
    await call('runs:reveal', { runId: shown, revealed: true });
    rows.push(
      figures(
        'stelling: stem + publieksweergave',
        await sample(async () => {
          await call('entries:add', { runId: shown, entry: { kind: 'vote', option: 'eens' } });
          await call('runs:results', { runId: shown, audience: true });
        }, RUNS),
        FRAME_MS,
      ),
    );

    console.log(`Invoer opslaan via entries:add (dispatch → opgeslagen), ${RUNS} keer per meting, SQLite-bestand in ${os.tmpdir()}`);
    printFigures(rows);
    const failed = rows.filter((r) => r.targetMs !== undefined && r.p95Ms > r.targetMs);
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
