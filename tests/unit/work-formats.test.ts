// Interactive work formats: each format's logic (pure) and its storage
// through the real core and the IPC contract.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkFormat } from '../../src/shared/module-format';
import type { RunResults } from '../../src/shared/work-formats';
import { applyTimer, borda, checkDeclaration, checkEntry, computeResults, IDLE_TIMER, timerState, type StoredEntry } from '../../src/main/services/work-formats';
import { openTestCore, type TestCore } from '../helpers/core';

// ------------------------------------------------------------------ pure logic

const fmt = (over: Partial<WorkFormat> & Pick<WorkFormat, 'type'>): WorkFormat =>
  checkDeclaration({ id: 'wf', prompt: 'Vraag?', ...over } as Parameters<typeof checkDeclaration>[0]);

let nextId = 1;
const stored = (kind: StoredEntry['kind'], payload: Record<string, unknown>, participantId: number | null = null): StoredEntry => ({
  id: nextId++,
  kind,
  payload,
  participantId,
});
const ctx = (entries: StoredEntry[] = [], participantId: number | null = null, presentCount = 0) => ({ entries, participantId, presentCount });
type ResultOf<T> = RunResults extends infer R ? (R extends { type: infer U } ? (T extends U ? R : never) : never) : never;
const of = <T extends RunResults['type']>(r: RunResults, type: T) => {
  expect(r.type).toBe(type);
  return r as ResultOf<T>;
};

describe('work format declarations', () => {
  it('fills defaults and refuses wrong declarations in Dutch', () => {
    expect(fmt({ type: 'brainstorm' })).toMatchObject({ dots: 3, minutes: 5, options: [], multiple: false });
    expect(fmt({ type: 'check-out' }).answerKind).toBe('woord');
    expect(() => fmt({ type: 'peiling', options: ['Eén'] })).toThrow(/minstens twee opties/);
    expect(() => fmt({ type: 'peiling', options: ['A', 'a'] })).toThrow(/twee keer/);
    expect(() => fmt({ type: 'rondje', options: ['A', 'B'] })).toThrow(/Opties hoort niet bij een rondje/);
    expect(() => fmt({ type: 'opdracht', minutes: 0 })).toThrow(/1 tot en met 60/);
    expect(() => fmt({ type: 'brainstorm', dots: 11 })).toThrow(/stippen/);
    expect(() => fmt({ type: 'stelling', prompt: '   ' })).toThrow(/vraag .* niet leeg/);
    expect(() => checkDeclaration({ type: 'quiz' as never, prompt: 'x' })).toThrow(/Onbekend type werkvorm/);
  });
});

describe('peiling and stelling', () => {
  const poll = fmt({ type: 'peiling', options: ['Druk', 'Onrust', 'Iets anders'], multiple: true });
  it('checks counts and options', () => {
    expect(checkEntry(poll, { kind: 'count', option: 'druk', count: 4 }, ctx())).toEqual({ option: 'Druk', count: 4 });
    expect(() => checkEntry(poll, { kind: 'count', option: 'Druk', count: -1 }, ctx())).toThrow('Een aantal kan niet onder nul zijn.');
    expect(() => checkEntry(poll, { kind: 'count', option: 'Stress', count: 1 }, ctx())).toThrow(/geen optie van deze peiling/);
    expect(() => checkEntry(poll, { kind: 'card', text: 'x' }, ctx())).toThrow(/Bij een peiling hoort geen kaart/);
  });
  it('tallies: a count sets the number, each hand after it adds one', () => {
    const entries = [
      stored('count', { option: 'Druk', count: 3 }),
      stored('vote', { option: 'Druk' }),
      stored('vote', { option: 'Onrust' }),
      stored('count', { option: 'Onrust', count: 5 }),
    ];
    const r = of(computeResults(poll, entries), 'peiling');
    expect(r.tallies).toEqual([
      { option: 'Druk', count: 4 },
      { option: 'Onrust', count: 5 },
      { option: 'Iets anders', count: 0 },
    ]);
    expect(r.total).toBe(9);
  });
  it('allows a linked person one answer (or one per option when several are allowed)', () => {
    const single = fmt({ type: 'peiling', options: ['A', 'B'] });
    const mine = [stored('vote', { option: 'A' }, 7)];
    expect(() => checkEntry(single, { kind: 'vote', option: 'B' }, ctx(mine, 7))).toThrow(/al gestemd/);
    expect(checkEntry(poll, { kind: 'vote', option: 'Onrust' }, ctx([stored('vote', { option: 'Druk' }, 7)], 7))).toEqual({ option: 'Onrust' });
    expect(() => checkEntry(poll, { kind: 'vote', option: 'Druk' }, ctx([stored('vote', { option: 'Druk' }, 7)], 7))).toThrow(/al op "Druk"/);
  });
  it('counts a statement as eens / neutraal / oneens with its arguments', () => {
    const st = fmt({ type: 'stelling' });
    const entries = [
      stored('count', { option: 'eens', count: 6 }),
      stored('count', { option: 'oneens', count: 2 }),
      stored('argument', checkEntry(st, { kind: 'argument', side: 'eens', text: ' Rust helpt ' }, ctx())),
    ];
    const r = of(computeResults(st, entries), 'stelling');
    expect(r.tallies.map((x) => x.count)).toEqual([6, 0, 2]);
    expect(r.arguments).toEqual([{ entryId: entries[2]!.id, side: 'eens', text: 'Rust helpt' }]);
    expect(() => checkEntry(st, { kind: 'argument', text: '  ' }, ctx())).toThrow(/leeg argument/);
    expect(() => checkEntry(st, { kind: 'vote', option: 'misschien' }, ctx())).toThrow(/Kies uit: eens, neutraal, oneens/);
  });
});

describe('brainstorm', () => {
  const bs = fmt({ type: 'brainstorm', dots: 2 });
  it('refuses an empty card and votes beyond the dots per person', () => {
    expect(() => checkEntry(bs, { kind: 'card', text: '   ' }, ctx())).toThrow('Een lege kaart wordt niet opgeslagen.');
    const card = stored('card', { text: 'Pauzes buiten', clusterId: null });
    expect(() => checkEntry(bs, { kind: 'vote', cardId: 999 }, ctx([card]))).toThrow(/hoort niet bij deze brainstorm/);
    const used = [card, stored('vote', { cardId: card.id, dots: 2 }, 5)];
    expect(() => checkEntry(bs, { kind: 'vote', cardId: card.id }, ctx(used, 5))).toThrow(/2 stippen; er zijn er al 2 gebruikt/);
    expect(() => checkEntry(bs, { kind: 'vote', cardId: card.id, dots: 3 }, ctx([card]))).toThrow(/hoogstens 2/);
    // With 3 present there are 6 dots in the room.
    expect(() => checkEntry(bs, { kind: 'vote', cardId: card.id, dots: 7 }, ctx([card], null, 3))).toThrow(/6 stippen te verdelen/);
    expect(checkEntry(bs, { kind: 'vote', cardId: card.id, dots: 6 }, ctx([card], null, 3))).toEqual({ cardId: card.id, dots: 6 });
  });
  it('groups cards into clusters and adds up the dots', () => {
    const cluster = stored('cluster', { name: 'Buiten' });
    const a = stored('card', { text: 'Pauzes buiten', clusterId: cluster.id });
    const b = stored('card', { text: 'Schoolplein', clusterId: cluster.id });
    const c = stored('card', { text: 'Mentoruur', clusterId: null });
    const votes = [stored('vote', { cardId: a.id, dots: 2 }), stored('vote', { cardId: c.id, dots: 1 }), stored('vote', { cardId: 12345, dots: 1 })];
    const r = of(computeResults(bs, [cluster, a, b, c, ...votes]), 'brainstorm');
    expect(r.cards.map((x) => [x.text, x.dots, x.clusterId])).toEqual([
      ['Pauzes buiten', 2, cluster.id],
      ['Schoolplein', 0, cluster.id],
      ['Mentoruur', 1, null],
    ]);
    expect(r.clusters).toEqual([{ entryId: cluster.id, name: 'Buiten', cardIds: [a.id, b.id], dots: 2 }]);
    expect(r.dotsUsed).toBe(3);
    expect(() => checkEntry(bs, { kind: 'cluster', name: 'buiten' }, ctx([cluster]))).toThrow(/al een cluster/);
  });
});

describe('schaalvraag, rangorde, rondje, check-in', () => {
  it('rates 1–10 with distribution and mean', () => {
    const sc = fmt({ type: 'schaalvraag', scaleLabels: { low: 'onrustig', high: 'rustig' } });
    expect(() => checkEntry(sc, { kind: 'rating', value: 11 }, ctx())).toThrow('Een cijfer is een heel getal van 1 tot en met 10.');
    expect(() => checkEntry(sc, { kind: 'rating', value: 0 }, ctx())).toThrow(/1 tot en met 10/);
    const r = of(
      computeResults(sc, [stored('rating', { value: 7, count: 3 }), stored('rating', { value: 4, count: 1 }), stored('rating', { value: 10, count: 1 })]),
      'schaalvraag',
    );
    expect(r.distribution).toEqual([0, 0, 0, 1, 0, 0, 3, 0, 0, 1]);
    expect(r.n).toBe(5);
    expect(r.mean).toBe(7);
    expect(r.labels).toEqual({ low: 'onrustig', high: 'rustig' });
    expect(of(computeResults(sc, []), 'schaalvraag').mean).toBeNull();
  });
  it('ranks with a Borda count', () => {
    const rk = fmt({ type: 'rangorde', options: ['Rust', 'Ruimte', 'Regels'] });
    expect(() => checkEntry(rk, { kind: 'rank', order: ['Rust', 'Rust'] }, ctx())).toThrow(/twee keer/);
    expect(() => checkEntry(rk, { kind: 'rank', order: ['Rust', 'Lawaai'] }, ctx())).toThrow(/geen optie/);
    expect(borda(['A', 'B', 'C'], [['A', 'B', 'C'], ['B', 'A', 'C'], ['B', 'C']])).toEqual([
      { option: 'B', points: 8, firstPlaces: 2, place: 1 },
      { option: 'A', points: 5, firstPlaces: 1, place: 2 },
      { option: 'C', points: 4, firstPlaces: 0, place: 3 },
    ]);
    const r = of(computeResults(rk, [stored('rank', { order: ['Regels', 'Rust'] })]), 'rangorde');
    expect(r.ranking[0]).toMatchObject({ option: 'Regels', points: 3, place: 1 });
    expect(r.n).toBe(1);
  });
  it('keeps a round of contributions in order, with names only where linked', () => {
    const rd = fmt({ type: 'rondje' });
    expect(() => checkEntry(rd, { kind: 'contribution', text: '' }, ctx())).toThrow(/lege bijdrage/);
    const r = of(
      computeResults(rd, [stored('contribution', { text: 'Vaste rituelen' }, 3), stored('contribution', { text: 'Buiten spelen' })], {
        nameOf: (id) => (id === 3 ? 'Anouk' : null),
      }),
      'rondje',
    );
    expect(r.contributions.map((c) => [c.text, c.participantName])).toEqual([
      ['Vaste rituelen', 'Anouk'],
      ['Buiten spelen', null],
    ]);
  });
  it('collects one word or one score per person', () => {
    const words = fmt({ type: 'check-in' });
    const scores = fmt({ type: 'check-out', answerKind: 'score' });
    expect(() => checkEntry(words, { kind: 'score', value: 5 }, ctx())).toThrow(/één woord/);
    expect(() => checkEntry(scores, { kind: 'word', text: 'moe' }, ctx())).toThrow(/score van 1 tot en met 10/);
    expect(() => checkEntry(scores, { kind: 'score', value: 0 }, ctx())).toThrow(/1 tot en met 10/);
    expect(() => checkEntry(words, { kind: 'word', text: 'moe' }, ctx([stored('word', { text: 'blij' }, 4)], 4))).toThrow(/al geantwoord/);
    const r = of(computeResults(words, ['Moe', 'blij', 'moe'].map((text) => stored('word', { text }))), 'check-in');
    expect(r.words).toEqual([
      { word: 'Moe', count: 2 },
      { word: 'blij', count: 1 },
    ]);
    const s = of(computeResults(scores, [8, 6].map((value) => stored('score', { value }))), 'check-out');
    expect(s).toMatchObject({ n: 2, mean: 7 });
  });
  it('checks an action', () => {
    const ap = fmt({ type: 'actieplan' });
    expect(() => checkEntry(ap, { kind: 'action', what: ' ' }, ctx())).toThrow(/zonder "wat"/);
    expect(() => checkEntry(ap, { kind: 'action', what: 'Plan', due: '2026-02-30' }, ctx())).toThrow(/bestaat niet/);
    expect(checkEntry(ap, { kind: 'action', what: ' Plan ', who: ' ' }, ctx())).toEqual({ what: 'Plan', who: null, due: null, schoolId: null });
  });
});

describe('the timer', () => {
  it('counts down, pauses, resumes, extends and runs out', () => {
    let t = applyTimer(IDLE_TIMER, { type: 'start' }, 10, 0);
    expect(timerState(t, 10, 60_000)).toMatchObject({ status: 'loopt', remainingMs: 9 * 60_000 });
    t = applyTimer(t, { type: 'pause' }, 10, 60_000);
    expect(timerState(t, 10, 500_000)).toMatchObject({ status: 'gepauzeerd', remainingMs: 9 * 60_000 });
    t = applyTimer(t, { type: 'resume' }, 10, 120_000);
    expect(timerState(t, 10, 180_000).remainingMs).toBe(8 * 60_000);
    t = applyTimer(t, { type: 'extend', minutes: 2 }, 10, 180_000);
    expect(timerState(t, 10, 180_000).remainingMs).toBe(10 * 60_000);
    expect(timerState(t, 10, 10_000_000).status).toBe('afgelopen');
    expect(() => applyTimer(IDLE_TIMER, { type: 'pause' }, 10, 0)).toThrow(/loopt niet/);
    expect(timerState(applyTimer(t, { type: 'reset' }, 10, 0), 10, 0)).toMatchObject({ status: 'niet_gestart', remainingMs: 600_000 });
  });
});

// ------------------------------------------------------------------ storage through the contract

let t: TestCore;
let sessionId: number;
let people: { id: number }[];
let schoolId: number;
const events: unknown[] = [];

beforeEach(async () => {
  t = openTestCore();
  const org = await t.call('organisations:create', { name: 'Stichting Noorderlicht', kind: 'stichting' });
  schoolId = (await t.call('schools:create', { organisationId: org.id, name: 'OBS De Regenboog', sector: 'po' })).id;
  people = [];
  for (const name of ['Anouk de Vries', 'Noëlle Bakker', 'Daniël Öztürk']) {
    people.push(await t.call('participants:create', { organisationId: org.id, schoolId, name, role: 'zorgcoördinator' }));
  }
  const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  for (const p of people) await t.call('groups:addMember', { groupId: group.id, participantId: p.id });
  sessionId = (await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' })).id;
  await t.call('attendance:set', { sessionId, participantId: people[0]!.id, status: 'aanwezig' });
  await t.call('attendance:set', { sessionId, participantId: people[1]!.id, status: 'te_laat' });
  await t.call('attendance:set', { sessionId, participantId: people[2]!.id, status: 'afgemeld' });
});
afterEach(() => t.close());

const count = (table: string) => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('runs and entries in the database', () => {
  it('starts a declared format from the session module, linked to slide and module version', async () => {
    const view = await t.call('runs:start', { sessionId, slideId: 'peiling' });
    expect(view.run).toMatchObject({ sessionId, slideId: 'peiling', workFormatId: 'herkenning', moduleVersion: '1.2.0', type: 'peiling', adHoc: false, revealed: false });
    expect(view.declaration.options).toEqual(['Druk', 'Onrust', 'Iets anders']);
    // Reopening the slide continues the same run; fresh starts another.
    expect((await t.call('runs:start', { sessionId, slideId: 'peiling' })).run.id).toBe(view.run.id);
    expect((await t.call('runs:start', { sessionId, slideId: 'peiling', fresh: true })).run.id).not.toBe(view.run.id);
    await expect(t.call('runs:start', { sessionId, slideId: 'titel' })).rejects.toThrow(/geen werkvorm/);
    await expect(t.call('runs:start', { sessionId, slideId: 'bestaat-niet' })).rejects.toThrow(/staat niet in de module/);
    expect((await t.call('runs:list', { sessionId })).map((r) => r.workFormatId)).toEqual(['herkenning', 'herkenning']);
  });

  it('stores each entry at once and returns it; bad input stores nothing', async () => {
    const run = (await t.call('runs:start', { sessionId, slideId: 'peiling' })).run;
    const entry = await t.call('entries:add', { runId: run.id, entry: { kind: 'count', option: 'Onrust', count: 4 } });
    expect(entry).toMatchObject({ runId: run.id, kind: 'count', payload: { option: 'Onrust', count: 4 }, participantId: null });
    // Committed: a second connection sees it.
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(t.core.paths.databaseFile, { readonly: true });
    expect(other.prepare('SELECT payload FROM entries WHERE id = ?').get(entry.id)).toEqual({ payload: '{"option":"Onrust","count":4}' });
    other.close();

    const before = count('entries');
    await expect(t.call('entries:add', { runId: run.id, entry: { kind: 'count', option: 'Onrust', count: -2 } })).rejects.toThrow('Een aantal kan niet onder nul zijn.');
    await expect(t.call('entries:add', { runId: run.id, entry: { kind: 'count', option: 'Zomaar', count: 2 } })).rejects.toThrow(/geen optie/);
    await expect(t.call('entries:add', { runId: run.id, entry: { kind: 'card', text: 'x' } })).rejects.toThrow(/hoort geen kaart/);
    await expect(t.call('entries:add', { runId: run.id, entry: { kind: 'count', option: 'Onrust', count: 1.5 } as never })).rejects.toThrow(/geheel getal/);
    await expect(t.call('entries:add', { runId: 9999, entry: { kind: 'count', option: 'Onrust', count: 1 } })).rejects.toThrow(/bestaat niet/);
    expect(count('entries')).toBe(before);
  });

  it('links a participant only when present', async () => {
    const run = (await t.call('runs:start', { sessionId, slideId: 'rondje' })).run;
    const linked = await t.call('entries:add', { runId: run.id, entry: { kind: 'contribution', text: 'Vaste rituelen' }, participantId: people[1]!.id });
    expect(linked.participantName).toBe('Noëlle Bakker');
    await expect(
      t.call('entries:add', { runId: run.id, entry: { kind: 'contribution', text: 'Iets' }, participantId: people[2]!.id }),
    ).rejects.toThrow(/niet als aanwezig/);
    const view = await t.call('runs:results', { runId: run.id });
    expect(view.results).toEqual({ type: 'rondje', contributions: [{ entryId: linked.id, text: 'Vaste rituelen', participantName: 'Noëlle Bakker' }] });
  });

  it('hides results from the audience until revealed, and never shows names there', async () => {
    const run = (await t.call('runs:start', { sessionId, slideId: 'rondje' })).run;
    await t.call('entries:add', { runId: run.id, entry: { kind: 'contribution', text: 'Samen eten' }, participantId: people[0]!.id });
    const hidden = await t.call('runs:results', { runId: run.id, audience: true });
    expect(hidden.results).toBeNull();
    expect(hidden.entries).toEqual([]);
    expect((await t.call('runs:results', { runId: run.id })).results).not.toBeNull();
    await t.call('runs:reveal', { runId: run.id, revealed: true });
    const shown = await t.call('runs:results', { runId: run.id, audience: true });
    expect(shown.results).toEqual({ type: 'rondje', contributions: [{ entryId: expect.any(Number), text: 'Samen eten', participantName: null }] });
    expect((await t.call('runs:reveal', { runId: run.id, revealed: false })).run.revealed).toBe(false);
  });

  it('undoes the last entry, edits and deletes afterwards', async () => {
    const run = (await t.call('runs:start', { sessionId, slideId: 'check-in' })).run;
    const a = await t.call('entries:add', { runId: run.id, entry: { kind: 'word', text: 'moe' } });
    const b = await t.call('entries:add', { runId: run.id, entry: { kind: 'word', text: 'blij' } });
    expect((await t.call('entries:undo', { runId: run.id })).undone?.id).toBe(b.id);
    const edited = await t.call('entries:update', { entryId: a.id, entry: { kind: 'word', text: 'uitgerust' } });
    expect(edited.payload).toEqual({ text: 'uitgerust' });
    await expect(t.call('entries:update', { entryId: a.id, entry: { kind: 'word', text: '  ' } })).rejects.toThrow(/leeg woord/);
    await expect(t.call('entries:update', { entryId: a.id, entry: { kind: 'score', value: 5 } })).rejects.toThrow(/van soort/);
    expect((await t.call('runs:results', { runId: run.id })).results).toMatchObject({ words: [{ word: 'uitgerust', count: 1 }] });
    expect((await t.call('entries:delete', { entryId: a.id })).deleted.id).toBe(a.id);
    expect(count('entries')).toBe(0);
    expect((await t.call('entries:undo', { runId: run.id })).undone).toBeNull();
    await expect(t.call('entries:delete', { entryId: a.id })).rejects.toThrow(/bestaat niet/);
  });

  it('runs every format ad hoc, with validated declarations', async () => {
    await expect(t.call('runs:startAdHoc', { sessionId, format: { type: 'peiling', prompt: 'Wat?', options: ['Alleen'] } })).rejects.toThrow(/minstens twee opties/);
    await expect(t.call('runs:startAdHoc', { sessionId, format: { type: 'quiz', prompt: 'x' } as never })).rejects.toThrow(/Kies een type werkvorm/);
    expect(count('work_format_runs')).toBe(0);

    const st = await t.call('runs:startAdHoc', { sessionId, slideId: 'peiling', format: { type: 'stelling', prompt: 'Rust in de klas begint bij het team.' } });
    expect(st.run).toMatchObject({ adHoc: true, workFormatId: 'ter-plekke-1', slideId: 'peiling', moduleVersion: '1.2.0' });
    expect(JSON.parse((t.core.db.prepare('SELECT declaration FROM work_format_runs WHERE id = ?').get(st.run.id) as { declaration: string }).declaration)).toMatchObject({ type: 'stelling', prompt: 'Rust in de klas begint bij het team.' });
    await t.call('entries:add', { runId: st.run.id, entry: { kind: 'count', option: 'eens', count: 5 } });
    await t.call('entries:add', { runId: st.run.id, entry: { kind: 'vote', option: 'oneens' } });
    await t.call('entries:add', { runId: st.run.id, entry: { kind: 'argument', side: 'oneens', text: 'Ouders doen ook mee' } });
    expect((await t.call('runs:results', { runId: st.run.id })).results).toMatchObject({ tallies: [{ count: 5 }, { count: 0 }, { count: 1 }], total: 6 });

    const bs = await t.call('runs:startAdHoc', { sessionId, format: { type: 'brainstorm', prompt: 'Ideeën', dots: 2 } });
    expect(bs.run.workFormatId).toBe('ter-plekke-2');
    await expect(t.call('entries:add', { runId: bs.run.id, entry: { kind: 'card', text: '' } })).rejects.toThrow('Een lege kaart wordt niet opgeslagen.');
    const card = await t.call('entries:add', { runId: bs.run.id, entry: { kind: 'card', text: 'Buitenpauze' } });
    const cluster = await t.call('entries:add', { runId: bs.run.id, entry: { kind: 'cluster', name: 'Buiten' } });
    await t.call('entries:update', { entryId: card.id, entry: { kind: 'card', text: 'Buitenpauze', clusterId: cluster.id } });
    await t.call('entries:add', { runId: bs.run.id, entry: { kind: 'vote', cardId: card.id, dots: 2 }, participantId: people[0]!.id });
    await expect(
      t.call('entries:add', { runId: bs.run.id, entry: { kind: 'vote', cardId: card.id }, participantId: people[0]!.id }),
    ).rejects.toThrow(/2 stippen/);
    // Two present (aanwezig + te laat) × 2 dots = 4 in the room.
    await expect(t.call('entries:add', { runId: bs.run.id, entry: { kind: 'vote', cardId: card.id, dots: 3 } })).rejects.toThrow(/4 stippen te verdelen/);
    expect((await t.call('runs:results', { runId: bs.run.id })).results).toMatchObject({
      cards: [{ text: 'Buitenpauze', dots: 2, clusterId: cluster.id }],
      clusters: [{ name: 'Buiten', cardIds: [card.id], dots: 2 }],
    });
    // Deleting a card takes its dots with it; deleting a cluster ungroups its cards.
    await t.call('entries:delete', { entryId: cluster.id });
    expect((await t.call('runs:results', { runId: bs.run.id })).results).toMatchObject({ cards: [{ clusterId: null }], clusters: [] });
    await t.call('entries:delete', { entryId: card.id });
    expect((await t.call('runs:results', { runId: bs.run.id })).entries).toEqual([]);

    const sc = await t.call('runs:startAdHoc', { sessionId, format: { type: 'schaalvraag', prompt: 'Hoe rustig?' } });
    await expect(t.call('entries:add', { runId: sc.run.id, entry: { kind: 'rating', value: 11 } })).rejects.toThrow(/1 tot en met 10/);
    await t.call('entries:add', { runId: sc.run.id, entry: { kind: 'rating', value: 6, count: 2 } });
    await t.call('entries:add', { runId: sc.run.id, entry: { kind: 'rating', value: 9 } });
    expect((await t.call('runs:results', { runId: sc.run.id })).results).toMatchObject({ n: 3, mean: 7 });

    const rk = await t.call('runs:startAdHoc', { sessionId, format: { type: 'rangorde', prompt: 'Wat eerst?', options: ['Rust', 'Regels'] } });
    await t.call('entries:add', { runId: rk.run.id, entry: { kind: 'rank', order: ['Regels', 'Rust'] } });
    expect((await t.call('runs:results', { runId: rk.run.id })).results).toMatchObject({ ranking: [{ option: 'Regels', place: 1 }, { option: 'Rust', place: 2 }] });

    const op = await t.call('runs:startAdHoc', { sessionId, format: { type: 'opdracht', prompt: 'Bespreek in tweetallen', minutes: 7, grouping: 'in tweetallen' } });
    expect(op.timer).toMatchObject({ status: 'niet_gestart', totalMs: 7 * 60_000 });
    expect((await t.call('runs:timer', { runId: op.run.id, command: { type: 'start' } })).timer.status).toBe('loopt');
    expect((await t.call('runs:timer', { runId: op.run.id, command: { type: 'pause' } })).timer.status).toBe('gepauzeerd');
    await expect(t.call('runs:timer', { runId: op.run.id, command: { type: 'pause' } })).rejects.toThrow(/loopt niet/);

    const co = await t.call('runs:startAdHoc', { sessionId, format: { type: 'check-out', prompt: 'Een cijfer?', answerKind: 'score' } });
    await t.call('entries:add', { runId: co.run.id, entry: { kind: 'score', value: 8 }, participantId: people[0]!.id });
    await expect(t.call('entries:add', { runId: co.run.id, entry: { kind: 'score', value: 7 }, participantId: people[0]!.id })).rejects.toThrow(/al geantwoord/);
    expect((await t.call('runs:list', { sessionId })).map((r) => r.type)).toEqual(['stelling', 'brainstorm', 'schaalvraag', 'rangorde', 'opdracht', 'check-out']);
  });

  it('writes an actieplan to the agreed actions, and undo removes the action', async () => {
    const run = (await t.call('runs:start', { sessionId, slideId: 'actieplan' })).run;
    const e = await t.call('entries:add', {
      runId: run.id,
      entry: { kind: 'action', what: 'Rustmoment na de pauze', who: 'Team groep 5', due: '2027-01-15' },
      participantId: people[0]!.id,
    });
    const action = t.core.db.prepare('SELECT * FROM actions WHERE entry_id = ?').get(e.id) as Record<string, unknown>;
    expect(action).toMatchObject({ session_id: sessionId, school_id: schoolId, participant_id: people[0]!.id, slide_id: 'actieplan', work_format_id: 'acties', what: 'Rustmoment na de pauze', who: 'Team groep 5', due: '2027-01-15', status: 'open' });
    expect(action.group_id).toEqual(expect.any(Number));
    await t.call('entries:update', { entryId: e.id, entry: { kind: 'action', what: 'Rustmoment na elke pauze', who: null, due: null } });
    expect(t.core.db.prepare('SELECT what, who, due, participant_id, school_id FROM actions WHERE entry_id = ?').get(e.id)).toEqual({
      what: 'Rustmoment na elke pauze',
      who: null,
      due: null,
      participant_id: null,
      school_id: null,
    });
    expect((await t.call('runs:results', { runId: run.id })).results).toMatchObject({ actions: [{ what: 'Rustmoment na elke pauze', status: 'open', actionId: expect.any(Number) }] });
    await expect(t.call('entries:add', { runId: run.id, entry: { kind: 'action', what: 'X', schoolId: 9999 } })).rejects.toThrow(/hoort niet bij de organisatie/);
    await t.call('entries:undo', { runId: run.id });
    expect(count('actions')).toBe(0);
  });

  it('pushes workformat:changed for every change', async () => {
    t.close();
    events.length = 0;
    t = openTestCore();
    // The test core has no emit; build the handlers again with one.
    const { createHandlers } = await import('../../src/main/services/handlers/index');
    const handlers = createHandlers({
      db: t.core.db,
      modules: t.core.modules,
      presenting: t.core.presenting,
      phones: t.core.phones,
      lan: t.core.lan,
      paths: t.core.paths,
      config: { dataDir: t.dataDir, builtinModulesDir: '', fontsDir: '', host: { chooseSavePath: async () => null }, emit: (e, p) => events.push([e, p]) },
    });
    const org = await handlers['organisations:create']({ name: 'S', kind: 'stichting' });
    const group = await handlers['groups:create']({ organisationId: org.id, name: 'G', kind: 'groep' });
    const session = await handlers['sessions:create']({ groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25', startTime: null });
    events.length = 0;
    const view = await handlers['runs:startAdHoc']({ sessionId: session.id, format: { type: 'rondje', prompt: 'Rondje' } });
    await handlers['entries:add']({ runId: view.run.id, entry: { kind: 'contribution', text: 'Hallo' } });
    await handlers['entries:undo']({ runId: view.run.id });
    expect(events).toEqual([0, 1, 2].map(() => ['workformat:changed', { sessionId: session.id, runId: view.run.id }]));
  });
});
