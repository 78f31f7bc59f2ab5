// Scale and poll results split per school (issue 12, item 7): through the
// real core on a real SQLite file, with trap data (a school called
// "Sint-Jan" next to a participant called "Jan", names with İ, ş and ł).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import Database from 'better-sqlite3';
import { schoolSplit, splitBySchool } from '../../src/main/services/work-formats/by-school';
import type { RunView } from '../../src/shared/work-formats';

let t: TestCore;
let sessionId: number;
let who: Record<'jan' | 'ilker' | 'malgorzata' | 'bo', number>;

beforeEach(async () => {
  t = openTestCore();
  const org = await t.call('organisations:create', { name: 'Stichting Sint-Jan', kind: 'stichting' });
  const sintJan = await t.call('schools:create', { organisationId: org.id, name: 'Sint-Jan', sector: 'vo' });
  const regenboog = await t.call('schools:create', { organisationId: org.id, name: 'De Regenboog', sector: 'po' });
  const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  const add = async (name: string, schoolId: number | null) => {
    const p = await t.call('participants:create', { organisationId: org.id, schoolId, name, role: 'docent/mentor' });
    await t.call('groups:addMember', { groupId: group.id, participantId: p.id });
    return p.id;
  };
  who = {
    jan: await add('Jan', sintJan.id),
    ilker: await add('İlker Güneş', regenboog.id),
    malgorzata: await add('Małgorzata', regenboog.id),
    bo: await add('Bo', null),
  };
  sessionId = (await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' })).id;
  for (const id of Object.values(who)) await t.call('attendance:set', { sessionId, participantId: id, status: 'aanwezig' });
});
afterEach(() => t.close());

/** The names must never reach the audience; "Jan" may appear only inside "Sint-Jan". */
function expectNoNames(view: RunView) {
  const json = JSON.stringify(view);
  for (const name of ['İlker', 'Güneş', 'Małgorzata', '"Bo"']) expect(json).not.toContain(name);
  expect(json.replaceAll('Sint-Jan', '')).not.toContain('Jan');
}

describe('results split per school', () => {
  it('schaalvraag: n and mean per school, linked people without a school and anonymous answers in rows of their own', async () => {
    const run = (await t.call('runs:startAdHoc', { sessionId, format: { type: 'schaalvraag', prompt: 'Hoeveel druk ervaren jullie?' } })).run;
    const rate = (value: number, participantId: number | null, count?: number) =>
      t.call('entries:add', { runId: run.id, entry: { kind: 'rating', value, ...(count ? { count } : {}) }, participantId });
    await rate(8, who.jan);
    await rate(3, null, 2);
    // One school with linked answers is no split.
    expect((await t.call('runs:results', { runId: run.id })).bySchool).toBeNull();
    await rate(6, who.ilker);
    await rate(5, who.malgorzata);
    await rate(7, who.bo);

    const view = await t.call('runs:results', { runId: run.id });
    expect(view.results).toMatchObject({ type: 'schaalvraag', n: 6, mean: 5.33 });
    expect(view.bySchool).toEqual({
      type: 'schaalvraag',
      rows: [
        { label: 'De Regenboog', school: true, n: 2, mean: 5.5, tallies: null },
        { label: 'Sint-Jan', school: true, n: 1, mean: 8, tallies: null },
        { label: 'Zonder school', school: false, n: 1, mean: 7, tallies: null },
        { label: 'Niet gekoppeld', school: false, n: 2, mean: 3, tallies: null },
      ],
    });
    // The room sees it only after the reveal, and never a name.
    const hidden = await t.call('runs:results', { runId: run.id, audience: true });
    expect(hidden.bySchool).toBeNull();
    await t.call('runs:reveal', { runId: run.id, revealed: true });
    const shown = await t.call('runs:results', { runId: run.id, audience: true });
    // Rows of one or two people would show their answers to the room (Sint-Jan: 1 answer, mean 8):
    // with fewer than two schools of at least three answers the room gets no split at all.
    expect(shown.bySchool).toBeNull();
    expect(shown.results).toEqual(view.results);
    expectNoNames(shown);
  });

  it('the room never sees a school row of fewer than three answers; small schools go together or into "Niet gekoppeld"', async () => {
    const org = (await t.call('organisations:list', {}))[0]!;
    const schools = await t.call('schools:list', { organisationId: org.id });
    const byName = (name: string) => schools.find((x) => x.name === name)!.id;
    const third = await t.call('schools:create', { organisationId: org.id, name: 'Anouks school', sector: 'go' });
    const person = async (name: string, schoolId: number) => {
      const p = await t.call('participants:create', { organisationId: org.id, schoolId, name, role: 'docent/mentor' });
      await t.call('attendance:set', { sessionId, participantId: p.id, status: 'aanwezig' });
      return p.id;
    };
    const sintJan = [who.jan, await person('Jan-Willem', byName('Sint-Jan')), await person('Anouk', byName('Sint-Jan'))];
    const regenboog = [who.ilker, who.malgorzata, await person('Bo de Vries', byName('De Regenboog'))];
    const alone = await person('Fleur', third.id);
    const run = (await t.call('runs:startAdHoc', { sessionId, format: { type: 'schaalvraag', prompt: 'Hoeveel rust ervaar je?' } })).run;
    const rate = (value: number, participantId: number) => t.call('entries:add', { runId: run.id, entry: { kind: 'rating', value }, participantId });
    for (const id of sintJan) await rate(8, id);
    for (const id of regenboog) await rate(4, id);
    await rate(2, alone);
    await t.call('runs:reveal', { runId: run.id, revealed: true });

    const facilitator = await t.call('runs:results', { runId: run.id });
    expect(facilitator.bySchool?.rows.map((r) => [r.label, r.n, r.mean])).toEqual([
      ['Anouks school', 1, 2],
      ['De Regenboog', 3, 4],
      ['Sint-Jan', 3, 8],
    ]);
    const room = await t.call('runs:results', { runId: run.id, audience: true });
    expect(room.bySchool?.rows.map((r) => [r.label, r.n, r.mean])).toEqual([
      ['De Regenboog', 3, 4],
      ['Sint-Jan', 3, 8],
      ['Niet gekoppeld', 1, 2],
    ]);
    expect(JSON.stringify(room)).not.toContain('Anouks school');
    expect(JSON.stringify(room)).not.toContain('Fleur');
  });

  it('peiling: tallies per school that add up to the overall result, also when a count absorbs earlier votes', async () => {
    const options = ['Toetsweek', 'Huiswerk', 'Ouders'];
    const run = (await t.call('runs:startAdHoc', { sessionId, format: { type: 'peiling', prompt: 'Waar zit de druk?', options } })).run;
    const add = (entry: { kind: 'count'; option: string; count: number } | { kind: 'vote'; option: string }, participantId: number | null = null) =>
      t.call('entries:add', { runId: run.id, entry, participantId });
    await add({ kind: 'count', option: 'Toetsweek', count: 5 });
    await add({ kind: 'vote', option: 'Toetsweek' }, who.jan);
    await add({ kind: 'vote', option: 'Huiswerk' }, who.ilker);
    // The facilitator counts the hands for Huiswerk: 4 in all, İlker's vote included.
    await add({ kind: 'count', option: 'Huiswerk', count: 4 });
    await add({ kind: 'vote', option: 'Huiswerk' }, who.malgorzata);
    await add({ kind: 'vote', option: 'Ouders' });

    const view = await t.call('runs:results', { runId: run.id });
    expect(view.results).toMatchObject({
      type: 'peiling',
      total: 12,
      tallies: [
        { option: 'Toetsweek', count: 6 },
        { option: 'Huiswerk', count: 5 },
        { option: 'Ouders', count: 1 },
      ],
    });
    const tally = (a: number, b: number, c: number) => [
      { option: 'Toetsweek', count: a },
      { option: 'Huiswerk', count: b },
      { option: 'Ouders', count: c },
    ];
    expect(view.bySchool).toEqual({
      type: 'peiling',
      rows: [
        { label: 'De Regenboog', school: true, n: 1, mean: null, tallies: tally(0, 1, 0) },
        { label: 'Sint-Jan', school: true, n: 1, mean: null, tallies: tally(1, 0, 0) },
        { label: 'Niet gekoppeld', school: false, n: 10, mean: null, tallies: tally(5, 4, 1) },
      ],
    });
    const sum = view.bySchool!.rows.reduce((s, r) => s + r.n, 0);
    expect(sum).toBe(12);
  });

  it('stelling: eens / neutraal / oneens per school; a brainstorm or round has no split', async () => {
    const run = (await t.call('runs:startAdHoc', { sessionId, format: { type: 'stelling', prompt: 'Toetsen mogen niet samenvallen.' } })).run;
    await t.call('entries:add', { runId: run.id, entry: { kind: 'vote', option: 'eens' }, participantId: who.jan });
    await t.call('entries:add', { runId: run.id, entry: { kind: 'vote', option: 'oneens' }, participantId: who.ilker });
    await t.call('entries:add', { runId: run.id, entry: { kind: 'vote', option: 'oneens' }, participantId: who.malgorzata });
    await t.call('entries:add', { runId: run.id, entry: { kind: 'count', option: 'neutraal', count: 2 }, participantId: null });
    await t.call('runs:reveal', { runId: run.id, revealed: true });
    const facilitator = await t.call('runs:results', { runId: run.id });
    expect(facilitator.bySchool?.rows.map((r) => [r.label, r.n, r.tallies!.map((x) => x.count)])).toEqual([
      ['De Regenboog', 2, [0, 0, 2]],
      ['Sint-Jan', 1, [1, 0, 0]],
      ['Niet gekoppeld', 2, [0, 2, 0]],
    ]);
    // In the room, schools of one or two votes are not shown apart.
    const shown = await t.call('runs:results', { runId: run.id, audience: true });
    expect(shown.bySchool).toBeNull();
    expectNoNames(shown);

    const round = (await t.call('runs:startAdHoc', { sessionId, format: { type: 'rondje', prompt: 'Wat werkt?' } })).run;
    await t.call('entries:add', { runId: round.id, entry: { kind: 'contribution', text: 'Samen plannen' }, participantId: who.jan });
    await t.call('entries:add', { runId: round.id, entry: { kind: 'contribution', text: 'Rust' }, participantId: who.ilker });
    expect((await t.call('runs:results', { runId: round.id })).bySchool).toBeNull();
  });

  it('is computed with one query per run, whatever the number of entries', async () => {
    const run = (await t.call('runs:startAdHoc', { sessionId, format: { type: 'schaalvraag', prompt: 'Cijfer?' } })).run;
    await t.call('entries:add', { runId: run.id, entry: { kind: 'rating', value: 9 }, participantId: who.jan });
    await t.call('entries:add', { runId: run.id, entry: { kind: 'rating', value: 4 }, participantId: who.ilker });
    for (let i = 0; i < 40; i++) await t.call('entries:add', { runId: run.id, entry: { kind: 'rating', value: 1 + (i % 10) }, participantId: null });
    // A second connection to the same file that logs every statement it runs.
    const seen: string[] = [];
    const reader = new Database(t.core.paths.databaseFile, { readonly: true, verbose: (sql) => seen.push(String(sql)) });
    const declaration = (await t.call('runs:results', { runId: run.id })).declaration;
    const split = schoolSplit(reader, run.id, declaration);
    reader.close();
    expect(split?.rows.map((r) => [r.label, r.n])).toEqual([
      ['De Regenboog', 1],
      ['Sint-Jan', 1],
      ['Niet gekoppeld', 40],
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/JOIN participants[\s\S]*JOIN schools/);
  });

  it('pure split: a school named like a label stays a school; no split without two schools', () => {
    const format = { id: 's', type: 'schaalvraag', prompt: 'Cijfer?', options: [], line: 1 } as never;
    const rows = splitBySchool(format, [
      { id: 1, kind: 'rating', payload: { value: 6 }, participantId: 1, schoolId: 10, schoolName: 'Niet gekoppeld' },
      { id: 2, kind: 'rating', payload: { value: 8 }, participantId: 2, schoolId: 11, schoolName: 'Sint-Jan' },
      { id: 3, kind: 'rating', payload: { value: 2, count: 3 }, participantId: null, schoolId: null, schoolName: null },
    ]);
    expect(rows?.rows.map((r) => [r.label, r.school, r.n, r.mean])).toEqual([
      ['Niet gekoppeld', true, 1, 6],
      ['Sint-Jan', true, 1, 8],
      ['Niet gekoppeld', false, 3, 2],
    ]);
    expect(splitBySchool(format, [{ id: 1, kind: 'rating', payload: { value: 6 }, participantId: 1, schoolId: 10, schoolName: 'Sint-Jan' }])).toBeNull();
  });
});
