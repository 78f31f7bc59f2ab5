import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAPPEN } from '../../src/shared/stappenplan';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(() => (t = openTestCore()));
afterEach(() => t.close());

const CSV = [
  'naam;school;rol;email',
  'Anouk de Vries;OBS De Regenboog;zorgcoördinator;a.devries@regenboog.nl',
  'Noëlle Bakker;OBS De Regenboog;schoolleiding;',
  'Sem Jansen;Noorderlicht College;docent/mentor;s.jansen@noorderlicht.nl',
  'Fatima El Amrani;Noorderlicht College;Gezonde School-coördinator;',
  'Lars Visser;De Brug (so/vso);gedragswetenschapper;',
  'Iris Mulder;De Brug (so/vso);schoolpsycholoog;i.mulder@debrug.nl',
].join('\n');

async function setUp() {
  const org = await t.call('organisations:create', { name: 'Scholengroep Noorderlicht', kind: 'scholengroep' });
  const schools = [
    await t.call('schools:create', { organisationId: org.id, name: 'OBS De Regenboog', sector: 'po' }),
    await t.call('schools:create', { organisationId: org.id, name: 'Noorderlicht College', sector: 'vo' }),
    await t.call('schools:create', { organisationId: org.id, name: 'De Brug (so/vso)', sector: 'go' }),
  ];
  const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteams Noorderlicht', kind: 'kernteam' });
  return { org, schools, group };
}

describe('a trajectory with three schools', () => {
  it('is set up, filled from a CSV, run over sessions with attendance and overviewed', async () => {
    const { org, schools, group } = await setUp();
    const preview = await t.call('participants:importPreview', { organisationId: org.id, csv: CSV, groupId: group.id });
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toHaveLength(6);
    const imported = await t.call('participants:importCommit', { organisationId: org.id, csv: CSV, groupId: group.id });
    expect(imported.imported).toBe(6);
    expect((await t.call('participants:list', { groupId: group.id })).map((p) => p.name)).toContain('Noëlle Bakker');

    const { trajectory, notice } = await t.call('trajectories:create', {
      organisationId: org.id,
      groupId: group.id,
      name: 'Begeleidingstraject Noorderlicht',
      season: '2026-2027',
      themes: ['proefmodule', 'stress-en-druk', 'proefmodule'],
    });
    expect(notice).toBeNull();
    expect(trajectory).toMatchObject({ status: 'gepland', themes: ['proefmodule', 'stress-en-druk'], groupName: 'Kernteams Noorderlicht' });

    const people = await t.call('participants:list', { organisationId: org.id });
    const byName = Object.fromEntries(people.map((p) => [p.name, p.id]));
    const dates = ['2026-10-01', '2026-11-12', '2027-01-20'];
    const sessions: { id: number }[] = [];
    for (const date of dates) {
      const s = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date });
      await t.call('trajectories:linkSession', { sessionId: s.id, trajectoryId: trajectory.id });
      sessions.push(s);
    }
    const mark = (session: number, name: string, status: 'aanwezig' | 'te_laat' | 'afgemeld' | 'afwezig') =>
      t.call('attendance:set', { sessionId: sessions[session]!.id, participantId: byName[name]!, status });
    for (const name of Object.keys(byName)) await mark(0, name, 'aanwezig');
    await mark(1, 'Anouk de Vries', 'aanwezig');
    await mark(1, 'Noëlle Bakker', 'afgemeld');
    await mark(1, 'Sem Jansen', 'te_laat');
    await mark(1, 'Fatima El Amrani', 'afwezig');
    await mark(1, 'Lars Visser', 'aanwezig');
    await mark(1, 'Iris Mulder', 'aanwezig');
    // session 3 is still planned: nothing ticked

    const detail = await t.call('trajectories:get', { id: trajectory.id });
    expect(detail.sessions.map((s) => s.date)).toEqual(dates);
    expect(detail.schools.map((s) => s.name)).toEqual(['De Brug (so/vso)', 'Noorderlicht College', 'OBS De Regenboog']);
    expect(detail.sessionCount).toBe(3);

    const matrix = await t.call('attendance:matrix', { trajectoryId: trajectory.id });
    expect(matrix.sessions).toHaveLength(3);
    const row = (name: string) => matrix.rows.find((r) => r.name === name)!;
    expect(row('Noëlle Bakker')).toMatchObject({ cells: ['aanwezig', 'afgemeld', null], present: 1, counted: 2, rate: 0.5 });
    expect(row('Sem Jansen')).toMatchObject({ present: 2, counted: 2, rate: 1 });
    const school = (name: string) => matrix.schools.find((s) => s.schoolName === name)!;
    expect(school('OBS De Regenboog')).toMatchObject({ present: 3, counted: 4, rate: 0.75 });
    expect(school('Noorderlicht College')).toMatchObject({ present: 3, counted: 4, rate: 0.75 });
    expect(school('De Brug (so/vso)')).toMatchObject({ present: 4, counted: 4, rate: 1 });
    expect(matrix.total).toMatchObject({ present: 10, counted: 12 });

    const exported = await t.call('attendance:exportCsv', { trajectoryId: trajectory.id });
    expect(exported.text.startsWith('\uFEFFnaam;school;rol;1-10-2026')).toBe(true);
    expect(exported.text).toContain('Noëlle Bakker;OBS De Regenboog;schoolleiding;Aanwezig;Afgemeld;;1;2;50%');

    // Trajectory list with filters
    expect((await t.call('trajectories:list', { season: '2026-2027' })).map((x) => x.id)).toEqual([trajectory.id]);
    expect(await t.call('trajectories:list', { season: '2025-2026' })).toEqual([]);
    expect(await t.call('trajectories:list', { organisationId: org.id, status: 'lopend' })).toEqual([]);
    expect(await t.call('trajectories:list', { search: 'noorder' })).toHaveLength(1);
    await t.call('trajectories:setStatus', { id: trajectory.id, status: 'lopend' });
    expect(await t.call('trajectories:list', { organisationId: org.id, status: 'lopend' })).toHaveLength(1);
    void schools;
  });

  it('searches participants by name', async () => {
    const { org } = await setUp();
    await t.call('participants:importCommit', { organisationId: org.id, csv: CSV });
    expect((await t.call('participants:list', { search: 'ba' })).map((p) => p.name)).toEqual(['Noëlle Bakker']);
    expect((await t.call('participants:list', { organisationId: org.id, search: 'EL' })).map((p) => p.name)).toEqual([
      'Fatima El Amrani',
    ]);
    expect((await t.call('participants:list', { organisationId: org.id, search: 'ëlle' })).map((p) => p.name)).toEqual([
      'Noëlle Bakker',
    ]);
    expect(await t.call('participants:list', { search: '%' })).toEqual([]);
  });
});

describe('capacity and the waiting list', () => {
  it('puts a trajectory on the waiting list when the season is full (vol = vol)', async () => {
    const { org } = await setUp();
    expect(await t.call('capacity:get', { season: '2026-2027' })).toMatchObject({ capacity: null, used: 0, full: false });
    await t.call('capacity:set', { season: '2026-2027', capacity: 2 });
    const a = await t.call('trajectories:create', { organisationId: org.id, name: 'A', season: '2026-2027' });
    const b = await t.call('trajectories:create', { organisationId: org.id, name: 'B', season: '2026-2027' });
    const c = await t.call('trajectories:create', { organisationId: org.id, name: 'C', season: '2026-2027' });
    expect([a, b].map((r) => r.trajectory.status)).toEqual(['gepland', 'gepland']);
    expect(c.trajectory.status).toBe('wachtlijst');
    expect(c.notice).toMatch(/Seizoen 2026-2027 is vol \(2 van 2 plaatsen bezet\).*wachtlijst/);
    expect(await t.call('capacity:get', { season: '2026-2027' })).toMatchObject({ capacity: 2, used: 2, waiting: 1, full: true });
    await expect(t.call('trajectories:setStatus', { id: c.trajectory.id, status: 'gepland' })).rejects.toThrow(/is vol/);
    await t.call('trajectories:setStatus', { id: a.trajectory.id, status: 'geannuleerd' });
    expect((await t.call('trajectories:setStatus', { id: c.trajectory.id, status: 'gepland' })).status).toBe('gepland');
    // Another season has its own capacity.
    expect((await t.call('trajectories:create', { organisationId: org.id, name: 'D', season: '2027-2028' })).notice).toBeNull();
    await expect(t.call('capacity:set', { season: '2026-2028', capacity: 3 })).rejects.toThrow(/opeenvolgende jaren/);
  });
});

describe('interest registrations', () => {
  it('registers interest before the deadline, refuses it after, and converts it', async () => {
    const { org } = await setUp();
    const base = {
      organisationName: 'Scholengroep Noorderlicht',
      contactName: 'Anouk de Vries',
      contactEmail: 'a.devries@regenboog.nl',
      deadline: '2026-10-01',
      season: '2026-2027',
      modules: ['proefmodule'],
    };
    await expect(t.call('interest:create', { ...base, receivedOn: '2026-10-02' })).rejects.toThrow(
      /ontvangen op 2-10-2026, na de deadline van 1-10-2026/,
    );
    const reg = await t.call('interest:create', { ...base, receivedOn: '2026-10-01' });
    expect(reg).toMatchObject({ status: 'nieuw', modules: ['proefmodule'], organisationId: null });
    const other = await t.call('interest:create', { ...base, organisationName: 'Stichting Onbekend', receivedOn: '2026-09-20' });
    expect((await t.call('interest:list', { season: '2026-2027' })).map((r) => r.id)).toEqual([other.id, reg.id]);
    expect(await t.call('interest:list', { search: 'onbekend' })).toHaveLength(1);

    await expect(t.call('interest:convert', { id: other.id, to: 'traject' })).rejects.toThrow(/nog geen organisatie/);
    // Capacity is at least 1 (issue 11): fill the one place first.
    await t.call('trajectories:create', { organisationId: org.id, name: 'Eerste traject', season: '2026-2027' });
    await t.call('capacity:set', { season: '2026-2027', capacity: 1 });
    const waiting = await t.call('interest:convert', { id: reg.id, to: 'traject' });
    expect(waiting.trajectory).toMatchObject({ status: 'wachtlijst', organisationId: org.id, themes: ['proefmodule'] });
    expect(waiting.registration.status).toBe('wachtlijst');
    expect(waiting.notice).toMatch(/vol/);
    await expect(t.call('interest:convert', { id: reg.id, to: 'traject' })).rejects.toThrow(/al een traject/);

    await t.call('capacity:set', { season: '2026-2027', capacity: 5 });
    const declined = await t.call('interest:convert', { id: other.id, to: 'afgewezen' });
    expect(declined.registration.status).toBe('afgewezen');
    expect(await t.call('interest:list', { status: 'afgewezen' })).toHaveLength(1);
  });
});

describe('stappenplan and actions', () => {
  it('records steps per school and carries open actions over to the next session', async () => {
    const { org, schools, group } = await setUp();
    await t.call('participants:importCommit', { organisationId: org.id, csv: CSV, groupId: group.id });
    const { trajectory } = await t.call('trajectories:create', { organisationId: org.id, groupId: group.id, name: 'T', season: '2026-2027' });
    const [regenboog] = schools;
    let overview = await t.call('steps:get', { trajectoryId: trajectory.id });
    expect(overview.steps.map((s) => s.key)).toEqual(STAPPEN.map((s) => s.key));
    expect(overview.schools).toHaveLength(3);
    expect(overview.schools.every((s) => s.done === 0)).toBe(true);
    overview = await t.call('steps:set', {
      trajectoryId: trajectory.id,
      schoolId: regenboog!.id,
      stepKey: 'draagvlak',
      doneOn: '2026-10-01',
      notes: 'Team enthousiast',
    });
    overview = await t.call('steps:set', { trajectoryId: trajectory.id, schoolId: regenboog!.id, stepKey: 'draagvlak', notes: 'Ook MR' });
    const rb = overview.schools.find((s) => s.schoolId === regenboog!.id)!;
    expect(rb.done).toBe(1);
    expect(rb.steps[0]).toMatchObject({ key: 'draagvlak', label: 'Draagvlak creëren', doneOn: '2026-10-01', notes: 'Ook MR' });
    await expect(
      t.call('steps:set', { trajectoryId: trajectory.id, schoolId: regenboog!.id, stepKey: 'onzin' as never }),
    ).rejects.toThrow(/stappenplan/);

    const s1 = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-10-01' });
    const s2 = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-12' });
    await t.call('trajectories:linkSession', { sessionId: s1.id, trajectoryId: trajectory.id });
    const a1 = await t.call('actions:create', {
      sessionId: s1.id,
      schoolId: regenboog!.id,
      stepKey: 'inventariseren',
      what: 'Vragenlijst welbevinden uitzetten',
      who: 'Anouk',
      due: '2026-11-01',
    });
    expect(a1).toMatchObject({ groupId: group.id, trajectoryId: trajectory.id, status: 'open', carriedOver: false });
    const a2 = await t.call('actions:create', { sessionId: s1.id, what: 'Ouders informeren' });
    await t.call('actions:update', { id: a2.id, status: 'gedaan' });
    const own = await t.call('actions:create', { sessionId: s2.id, what: 'Plan bespreken in MR' });

    const forS2 = await t.call('actions:list', { sessionId: s2.id });
    expect(forS2.map((a) => [a.what, a.carriedOver])).toEqual([
      ['Vragenlijst welbevinden uitzetten', true],
      ['Plan bespreken in MR', false],
    ]);
    expect((await t.call('actions:list', { sessionId: s1.id })).map((a) => a.id)).toEqual([a1.id, a2.id]);
    expect((await t.call('actions:list', { groupId: group.id, status: 'open' })).map((a) => a.id)).toEqual([a1.id, own.id]);
    overview = await t.call('steps:get', { trajectoryId: trajectory.id });
    expect(overview.schools.find((s) => s.schoolId === regenboog!.id)!.steps[2]!.openActions).toBe(1);

    await t.call('actions:update', { id: a1.id, status: 'gedaan' });
    expect((await t.call('actions:list', { sessionId: s2.id })).map((a) => a.id)).toEqual([own.id]);
    await expect(t.call('actions:list', {})).rejects.toThrow(/Kies een groep/);
  });
});

describe('query plans of the list and overview queries', () => {
  it('use indexes: no SCAN of a table', async () => {
    const { org, schools, group } = await setUp();
    await t.call('participants:importCommit', { organisationId: org.id, csv: CSV, groupId: group.id });
    const { trajectory } = await t.call('trajectories:create', { organisationId: org.id, groupId: group.id, name: 'T', season: '2026-2027' });
    const session = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-10-01' });
    await t.call('trajectories:linkSession', { sessionId: session.id, trajectoryId: trajectory.id });
    const [person] = await t.call('participants:list', { organisationId: org.id });

    // Record every read statement the repositories run, with its parameters.
    const db = t.core.db;
    const seen: { sql: string; params: unknown[] }[] = [];
    const prepare = db.prepare.bind(db);
    const spy = ((sql: string) => {
      const statement = prepare(sql);
      for (const method of ['all', 'get'] as const) {
        const original = statement[method].bind(statement) as (...p: unknown[]) => unknown;
        (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
          seen.push({ sql, params });
          return original(...params);
        };
      }
      return statement;
    }) as typeof db.prepare;
    db.prepare = spy;
    try {
      await t.call('trajectories:list', { season: '2026-2027' });
      await t.call('trajectories:list', { organisationId: org.id });
      await t.call('trajectories:list', { status: 'gepland' });
      await t.call('trajectories:get', { id: trajectory.id });
      await t.call('capacity:get', { season: '2026-2027' });
      await t.call('interest:list', { season: '2026-2027' });
      await t.call('interest:list', { status: 'nieuw' });
      await t.call('steps:get', { trajectoryId: trajectory.id });
      await t.call('actions:list', { sessionId: session.id });
      await t.call('actions:list', { groupId: group.id, status: 'open' });
      await t.call('actions:list', { trajectoryId: trajectory.id });
      await t.call('attendance:matrix', { trajectoryId: trajectory.id });
      await t.call('participants:list', { organisationId: org.id, search: 'ba' });
      await t.call('participants:list', { groupId: group.id });
      await t.call('participants:list', { schoolId: schools[0]!.id });
      await t.call('participants:export', { participantId: person!.id });
    } finally {
      db.prepare = prepare;
    }
    expect(seen.length).toBeGreaterThan(20);
    const scans: string[] = [];
    for (const { sql, params } of seen) {
      const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      for (const { detail } of plan) {
        if (/^SCAN (?!CONSTANT ROW)/.test(detail)) scans.push(`${detail}  ←  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`);
      }
    }
    expect(scans).toEqual([]);
  });
});
