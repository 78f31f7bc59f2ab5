// Erasure touches only the person: trap data built to catch substring
// matching ("Jan" in "Januari", "Sint-Jan", "Jansen", "Jan-Willem"; "Bo" in
// "Bosch"), accents and case ("İlker Güneş" written "ilker gunes"), a
// possessive ("Anouks"), and the same first name in another organisation.
// Every table is dumped before and after each erasure: exactly the expected
// rows change, every other row is byte-identical.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { dumpDiff, dumpTables } from '../helpers/dump';
import { nameMatcher } from '../../src/main/db/repositories/name-match';

let t: TestCore;
beforeEach(() => (t = openTestCore()));
afterEach(() => t.close());

const ERASED = 'Verwijderde deelnemer';

async function seed() {
  const db = t.core.db;
  const orgA = await t.call('organisations:create', { name: 'Stichting Sint-Jan', kind: 'stichting' });
  const orgB = await t.call('organisations:create', { name: 'Stichting Januari', kind: 'stichting' });
  const sintJan = await t.call('schools:create', { organisationId: orgA.id, name: 'Sint-Jan', sector: 'po' });
  await t.call('schools:create', { organisationId: orgA.id, name: 'Bosch College', sector: 'vo' });
  const person = (organisationId: number, name: string, email?: string) =>
    t.call('participants:create', { organisationId, name, role: 'docent/mentor', ...(email ? { email } : {}) });
  const jan = await person(orgA.id, 'Jan de Vries', 'jan@sintjan.nl');
  const bo = await person(orgA.id, 'Bo Claes');
  const ilker = await person(orgA.id, 'İlker Güneş');
  const anouk = await person(orgA.id, 'Anouk de Wit');
  const fleur = await person(orgA.id, 'Fleur Bosch');
  const janWillem = await person(orgA.id, 'Jan-Willem Smit');
  const janB = await person(orgB.id, 'Jan Bakker');

  const g1 = await t.call('groups:create', { organisationId: orgA.id, name: 'Kernteam Sint-Jan', kind: 'kernteam' });
  for (const p of [jan, bo, ilker, anouk, fleur, janWillem]) await t.call('groups:addMember', { groupId: g1.id, participantId: p.id });
  const g2 = await t.call('groups:create', { organisationId: orgB.id, name: 'Groep Januari', kind: 'groep' });
  await t.call('groups:addMember', { groupId: g2.id, participantId: janB.id });

  const { trajectory: t1 } = await t.call('trajectories:create', { organisationId: orgA.id, groupId: g1.id, name: 'Traject Sint-Jan', season: '2026-2027' });
  const { trajectory: t2 } = await t.call('trajectories:create', { organisationId: orgA.id, name: 'Traject zonder groep', season: '2026-2027' });
  db.prepare('UPDATE trajectories SET notes = ? WHERE id = ?').run('Start in januari; Jan de Vries coördineert. Contact via Jan-Willem.', t1.id);
  db.prepare('UPDATE trajectories SET notes = ? WHERE id = ?').run('Jan belt in Januari; Bo en Anouks team.', t2.id);

  const s1 = await t.call('sessions:create', { groupId: g1.id, moduleId: 'proefmodule', date: '2026-10-01', location: 'Basisschool Sint-Jan' });
  await t.call('trajectories:linkSession', { sessionId: s1.id, trajectoryId: t1.id });
  for (const p of [jan, bo, ilker, anouk]) await t.call('attendance:set', { sessionId: s1.id, participantId: p.id, status: 'aanwezig' });
  const round = (await t.call('runs:startAdHoc', { sessionId: s1.id, format: { type: 'rondje', prompt: 'Wat zei Jan?' } })).run.id;
  const add = async (text: string, participantId?: number) =>
    (await t.call('entries:add', { runId: round, entry: { kind: 'contribution', text }, ...(participantId ? { participantId } : {}) })).id;
  const e = {
    jan: await add('Jan vond de januari-aanpak sterk, net als JAN DE VRIES zelf.'),
    jansen: await add('Jansen en Jan-Willem waren het eens over Sint-Jan.'),
    linked: await add('Meer rust in de klas', jan.id),
    bo: await add("Bo's idee: werken met de Bosch-methode; Bo."),
    ilker: await add('ilker gunes vertelde over ACE’s; ILKER had een voorbeeld.'),
    anouk: await add('Anouks voorstel werd omarmd.'),
    mail: await add('Mail naar JAN@SINTJAN.NL sturen.'),
  };
  const poll = (await t.call('runs:startAdHoc', { sessionId: s1.id, format: { type: 'peiling', prompt: 'Wanneer?', options: ['Januari', 'Jan', 'Bo'] } })).run.id;
  await t.call('entries:add', { runId: poll, entry: { kind: 'count', option: 'Jan', count: 4 } });
  await t.call('entries:add', { runId: poll, entry: { kind: 'vote', option: 'Bo' }, participantId: bo.id });

  await t.call('actions:create', { sessionId: s1.id, participantId: jan.id, what: 'Jan stuurt de vragenlijst', who: 'Jan de Vries' });
  await t.call('actions:create', { sessionId: s1.id, what: 'Fleur Bosch belt Sint-Jan', who: 'Fleur Bosch' });
  await t.call('steps:set', { trajectoryId: t1.id, schoolId: sintJan.id, stepKey: 'draagvlak', notes: 'Gesprek met Jan en Bo over januari' });

  await t.call('interest:create', { organisationName: 'Stichting Sint-Jan', contactName: 'Jan de Vries', contactEmail: 'jan@sintjan.nl', receivedOn: '2026-09-01', deadline: '2026-09-15', season: '2026-2027' });
  await t.call('interest:create', { organisationName: 'Stichting Januari', contactName: 'Jan Bakker', receivedOn: '2026-09-01', deadline: '2026-09-15', season: '2026-2027' });
  await t.call('interest:create', { organisationName: 'Sint-Jan', contactName: 'Fleur Bosch', notes: 'Jan belt terug', receivedOn: '2026-09-02', deadline: '2026-09-15', season: '2026-2027' });

  // Another organisation's session with the same first names: out of scope.
  const s2 = await t.call('sessions:create', { groupId: g2.id, moduleId: 'proefmodule', date: '2026-10-02', location: "Jan's lokaal" });
  await t.call('attendance:set', { sessionId: s2.id, participantId: janB.id, status: 'aanwezig' });
  const other = (await t.call('runs:startAdHoc', { sessionId: s2.id, format: { type: 'rondje', prompt: 'Rondje' } })).run.id;
  await t.call('entries:add', { runId: other, entry: { kind: 'contribution', text: 'Jan en Bo en Anouk en İlker' }, participantId: janB.id });

  return { orgA, g1, t1, s1, jan, bo, ilker, anouk, e, round };
}

/** The primary keys of changed rows per table (both sides of each change). */
function changed(before: ReturnType<typeof dumpTables>, after: ReturnType<typeof dumpTables>) {
  const diff = dumpDiff(before, after);
  const key = (row: string) => {
    const r = JSON.parse(row) as Record<string, unknown>;
    return 'id' in r ? r.id : Object.values(r).slice(0, 2).join('/');
  };
  return Object.fromEntries(
    Object.entries(diff).map(([table, d]) => [table, { removed: d.removed.map(key).sort(), added: d.added.map(key).sort() }]),
  );
}

const payloadText = (id: number) =>
  JSON.parse((t.core.db.prepare('SELECT payload FROM entries WHERE id = ?').get(id) as { payload: string }).payload).text as string;

describe('erasure on trap data', () => {
  it('changes only the rows of and about the person, whole words only, and shows them first', async () => {
    const s = await seed();
    const db = t.core.db;

    // --- Jan de Vries
    const preview = await t.call('participants:erasePreview', { participantId: s.jan.id });
    expect(preview.counts).toEqual({ attendance: 1, groups: 1, entries: 1, actions: 1, interest: 1, mentions: 7 });
    expect(preview.mentions.map((m) => m.kind).sort()).toEqual(['actie', 'actie', 'bijdrage', 'bijdrage', 'stappenplan', 'traject', 'werkvorm']);
    expect(preview.mentions.find((m) => m.kind === 'traject')?.excerpt).toContain('Jan de Vries coördineert');
    let before = dumpTables(db);
    await t.call('participants:erase', { participantId: s.jan.id, token: preview.token });
    let after = dumpTables(db);
    const interestOfJan = (db.prepare("SELECT id FROM interest_registrations WHERE contact_name = ?").get(ERASED) as { id: number }).id;
    expect(changed(before, after)).toEqual({
      participants: { removed: [s.jan.id], added: [s.jan.id] },
      group_members: { removed: [`${s.g1.id}/${s.jan.id}`], added: [] },
      trajectories: { removed: [s.t1.id], added: [s.t1.id] },
      entries: { removed: [s.e.jan, s.e.mail].sort(), added: [s.e.jan, s.e.mail].sort() },
      work_format_runs: { removed: [s.round], added: [s.round] },
      actions: { removed: [1], added: [1] },
      step_progress: { removed: [`${s.t1.id}/1`], added: [`${s.t1.id}/1`] },
      interest_registrations: { removed: [interestOfJan], added: [interestOfJan] },
    });
    expect(payloadText(s.e.jan)).toBe(`${ERASED} vond de januari-aanpak sterk, net als ${ERASED} zelf.`);
    expect(payloadText(s.e.mail)).toBe(`Mail naar ${ERASED} sturen.`);
    expect(JSON.parse((db.prepare('SELECT declaration FROM work_format_runs WHERE id = ?').get(s.round) as { declaration: string }).declaration).prompt).toBe(
      `Wat zei ${ERASED}?`,
    );
    expect(payloadText(s.e.jansen)).toBe('Jansen en Jan-Willem waren het eens over Sint-Jan.');
    expect(db.prepare('SELECT notes FROM trajectories WHERE id = ?').get(s.t1.id)).toEqual({
      notes: `Start in januari; ${ERASED} coördineert. Contact via Jan-Willem.`,
    });
    expect(db.prepare('SELECT what, who, participant_id FROM actions WHERE id = 1').get()).toEqual({
      what: `${ERASED} stuurt de vragenlijst`,
      who: ERASED,
      participant_id: null,
    });
    // The linked entry stays (anonymous); its text did not mention him.
    expect(db.prepare('SELECT participant_id FROM entries WHERE id = ?').get(s.e.linked)).toEqual({ participant_id: s.jan.id });
    expect(payloadText(s.e.linked)).toBe('Meer rust in de klas');

    // --- Bo Claes: "Bosch" and the poll option "Bo" stay.
    before = after;
    await t.call('participants:erase', { participantId: s.bo.id });
    after = dumpTables(db);
    expect(changed(before, after)).toEqual({
      participants: { removed: [s.bo.id], added: [s.bo.id] },
      group_members: { removed: [`${s.g1.id}/${s.bo.id}`], added: [] },
      entries: { removed: [s.e.bo], added: [s.e.bo] },
      step_progress: { removed: [`${s.t1.id}/1`], added: [`${s.t1.id}/1`] },
    });
    expect(payloadText(s.e.bo)).toBe(`${ERASED} idee: werken met de Bosch-methode; ${ERASED}.`);
    expect(db.prepare('SELECT notes FROM step_progress').get()).toEqual({ notes: `Gesprek met ${ERASED} en ${ERASED} over januari` });

    // --- İlker Güneş, written without accents and in capitals.
    before = after;
    await t.call('participants:erase', { participantId: s.ilker.id });
    after = dumpTables(db);
    expect(changed(before, after)).toEqual({
      participants: { removed: [s.ilker.id], added: [s.ilker.id] },
      group_members: { removed: [`${s.g1.id}/${s.ilker.id}`], added: [] },
      entries: { removed: [s.e.ilker], added: [s.e.ilker] },
    });
    expect(payloadText(s.e.ilker)).toBe(`${ERASED} vertelde over ACE’s; ${ERASED} had een voorbeeld.`);

    // --- Anouk de Wit: the possessive "Anouks".
    before = after;
    await t.call('participants:erase', { participantId: s.anouk.id });
    after = dumpTables(db);
    expect(changed(before, after)).toEqual({
      participants: { removed: [s.anouk.id], added: [s.anouk.id] },
      group_members: { removed: [`${s.g1.id}/${s.anouk.id}`], added: [] },
      entries: { removed: [s.e.anouk], added: [s.e.anouk] },
    });
    expect(payloadText(s.e.anouk)).toBe(`${ERASED} voorstel werd omarmd.`);

    // Out of scope, untouched throughout: the other organisation, the trajectory without them, the school names.
    expect(db.prepare('SELECT notes FROM trajectories WHERE name = ?').get('Traject zonder groep')).toEqual({ notes: 'Jan belt in Januari; Bo en Anouks team.' });
    expect(db.prepare("SELECT location FROM sessions WHERE date = '2026-10-02'").get()).toEqual({ location: "Jan's lokaal" });
    expect((db.prepare('SELECT name FROM schools ORDER BY id').all() as { name: string }[]).map((r) => r.name)).toEqual(['Sint-Jan', 'Bosch College']);
    // Poll options and their counts are content, not mentions: the keys and labels are intact.
    const poll = db.prepare("SELECT payload FROM entries WHERE payload LIKE '%option%' ORDER BY id").all() as { payload: string }[];
    expect(poll.map((p) => JSON.parse(p.payload))).toEqual([{ option: 'Jan', count: 4 }, { option: 'Bo' }]);
  });

  it('refuses to link an erased participant again, and a stale preview token', async () => {
    const s = await seed();
    const preview = await t.call('participants:erasePreview', { participantId: s.jan.id });
    await t.call('entries:add', { runId: 1, entry: { kind: 'contribution', text: 'Jan zegt nog iets' } });
    await expect(t.call('participants:erase', { participantId: s.jan.id, token: preview.token })).rejects.toThrow(/veranderd sinds het overzicht/);
    await t.call('participants:erase', { participantId: s.jan.id });
    await expect(t.call('groups:addMember', { groupId: s.g1.id, participantId: s.jan.id })).rejects.toThrow(/gewist .* niet opnieuw worden gekoppeld/);
    await expect(t.call('attendance:set', { sessionId: s.s1.id, participantId: s.jan.id, status: 'te_laat' })).rejects.toThrow(/gewist/);
    await expect(
      t.call('entries:add', { runId: 1, entry: { kind: 'contribution', text: 'Nog een' }, participantId: s.jan.id }),
    ).rejects.toThrow(/niet als aanwezig/);
    await expect(t.call('participants:erasePreview', { participantId: s.jan.id })).rejects.toThrow(/al gewist/);
  });
});

describe('name matching', () => {
  it('matches whole words, case- and accent-insensitive, with possessives', () => {
    const jan = nameMatcher('Jan de Vries');
    expect(jan.replace('Jan, jan. JAN! Jans boek, Jan’s fiets', 'X')).toBe('X, X. X! X boek, X fiets');
    expect(jan.replace('Januari Jansen Sint-Jan Jan-Willem de Vriesland', 'X')).toBe('Januari Jansen Sint-Jan Jan-Willem de Vriesland');
    expect(jan.replace('de vries en De Vries', 'X')).toBe('de X en De X'); // "de" alone is a particle, never matched
    expect(nameMatcher('Bo Claes').replace('Bo, Bosch, BO, Bo-Anne', 'X')).toBe('X, Bosch, X, Bo-Anne');
    expect(nameMatcher('İlker Güneş').replace('Ilker Gunes, ilker, GÜNEŞ, İlkerdir', 'X')).toBe('X, X, X, İlkerdir');
    expect(nameMatcher('Małgorzata Nowak').replace('Malgorzata zei', 'X')).toBe('X zei');
    // Decomposed accents (e + combining mark) are replaced whole.
    expect(nameMatcher('Noëlle Bakker').replace('Noe\u0308lle zei', 'X')).toBe('X zei');
  });
});
