import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';

let t: TestCore;
beforeEach(() => (t = openTestCore()));
afterEach(() => t.close());

const NAME = 'Noëlle Bakker';
const EMAIL = 'n.bakker@regenboog.nl';

/** The bytes of the database file and its -wal file (if any). */
function fileBytes(file: string): Buffer {
  const parts = [fs.readFileSync(file)];
  if (fs.existsSync(`${file}-wal`)) parts.push(fs.readFileSync(`${file}-wal`));
  return Buffer.concat(parts);
}

async function seed() {
  const org = await t.call('organisations:create', { name: 'Stichting Noorderlicht', kind: 'stichting' });
  const school = await t.call('schools:create', { organisationId: org.id, name: 'OBS De Regenboog', sector: 'po' });
  const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam Regenboog', kind: 'kernteam' });
  await t.call('participants:importCommit', {
    organisationId: org.id,
    groupId: group.id,
    csv: `naam;school;rol;email\n${NAME};OBS De Regenboog;schoolleiding;${EMAIL}\nAnouk de Vries;OBS De Regenboog;zorgcoördinator;\n`,
  });
  const people = await t.call('participants:list', { organisationId: org.id });
  const noelle = people.find((p) => p.name === NAME)!;
  const anouk = people.find((p) => p.name === 'Anouk de Vries')!;
  const { trajectory } = await t.call('trajectories:create', { organisationId: org.id, groupId: group.id, name: 'Traject Regenboog', season: '2026-2027' });
  const session = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-10-01' });
  await t.call('trajectories:linkSession', { sessionId: session.id, trajectoryId: trajectory.id });
  await t.call('attendance:set', { sessionId: session.id, participantId: noelle.id, status: 'aanwezig' });
  await t.call('attendance:set', { sessionId: session.id, participantId: anouk.id, status: 'te_laat' });
  await t.call('actions:create', { sessionId: session.id, participantId: noelle.id, what: `${NAME} stuurt de vragenlijst rond`, who: NAME });
  await t.call('steps:set', { trajectoryId: trajectory.id, schoolId: school.id, stepKey: 'draagvlak', notes: `Gesprek met ${NAME} gevoerd` });
  await t.call('interest:create', {
    organisationName: 'Stichting Noorderlicht',
    contactName: NAME,
    contactEmail: EMAIL,
    receivedOn: '2026-09-01',
    deadline: '2026-09-15',
    season: '2026-2027',
  });
  return { org, school, group, noelle, anouk, trajectory, session };
}

describe('erasing a participant', () => {
  it('removes name and email from every table and from the database and WAL files', async () => {
    const { noelle, group, trajectory } = await seed();
    const file = t.core.paths.databaseFile;
    const db = t.core.db;
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Sanity: before erasure the name is on disk.
    expect(fileBytes(file).includes(Buffer.from(NAME, 'utf8'))).toBe(true);

    const result = await t.call('participants:erase', { participantId: noelle.id });
    expect(result).toEqual({ walCleared: true });

    const bytes = fileBytes(file);
    expect(bytes.includes(Buffer.from(NAME, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('Noëlle', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(EMAIL, 'utf8'))).toBe(false);
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);

    const row = db.prepare('SELECT name, email, erased_at FROM participants WHERE id = ?').get(noelle.id);
    expect(row).toEqual({ name: 'Verwijderde deelnemer', email: null, erased_at: '2026-11-25T10:00:00.000Z' });
    expect(db.prepare('SELECT count(*) AS n FROM group_members WHERE participant_id = ?').get(noelle.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM attendance WHERE participant_id = ?').get(noelle.id)).toEqual({ n: 1 });
    expect(db.prepare('SELECT participant_id, what, who FROM actions').all()).toEqual([
      { participant_id: null, what: 'Verwijderde deelnemer stuurt de vragenlijst rond', who: 'Verwijderde deelnemer' },
    ]);
    expect(db.prepare('SELECT contact_name, contact_email FROM interest_registrations').get()).toEqual({
      contact_name: 'Verwijderde deelnemer',
      contact_email: null,
    });
    // Gone from lists; the attendance overview keeps the count, anonymously.
    expect((await t.call('participants:list', { groupId: group.id })).map((p) => p.name)).toEqual(['Anouk de Vries']);
    const matrix = await t.call('attendance:matrix', { trajectoryId: trajectory.id });
    expect(matrix.total).toMatchObject({ present: 2, counted: 2 });
    expect(matrix.rows.find((r) => r.participantId === noelle.id)).toMatchObject({ name: 'Verwijderde deelnemer', erased: true });
    expect(JSON.stringify(matrix)).not.toContain('Noëlle');
    // Erasing twice is harmless; there is nothing left to export.
    await t.call('participants:erase', { participantId: noelle.id });
    await expect(t.call('participants:export', { participantId: noelle.id })).rejects.toThrow(/geen persoonsgegevens/);
  });

  it('needs secure_delete: without it a deleted name stays in the file (control)', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'control.sqlite');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('secure_delete = OFF');
      db.exec('CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT, email TEXT)');
      for (const name of ['Anouk de Vries', NAME, 'Sem Jansen']) db.prepare('INSERT INTO p (name, email) VALUES (?, ?)').run(name, EMAIL);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.prepare('DELETE FROM p WHERE id = 2').run();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      expect(fileBytes(file).includes(Buffer.from(NAME, 'utf8'))).toBe(true);
    } finally {
      cleanup();
    }
  });
});

describe('exporting a person', () => {
  it('gives everything stored about one person as JSON', async () => {
    const { noelle } = await seed();
    const exported = await t.call('participants:export', { participantId: noelle.id });
    expect(exported.suggestedName).toBe('gegevens-Noëlle-Bakker.json');
    const data = JSON.parse(exported.text);
    expect(data).toMatchObject({
      geexporteerdOp: '2026-11-25T10:00:00.000Z',
      deelnemer: { naam: NAME, email: EMAIL, rol: 'schoolleiding', organisatie: 'Stichting Noorderlicht', school: 'OBS De Regenboog' },
      groepen: [{ name: 'Kernteam Regenboog', kind: 'kernteam' }],
      aanwezigheid: [{ datum: '2026-10-01', status: 'aanwezig', inloop: false, groep: 'Kernteam Regenboog' }],
      acties: [{ wat: `${NAME} stuurt de vragenlijst rond`, wie: NAME, status: 'open' }],
      aanmeldingen: [{ contactpersoon: NAME, email: EMAIL, seizoen: '2026-2027' }],
    });
    expect(exported.text).not.toContain('Anouk');
  });
});

describe('retention', () => {
  it('previews what goes, then deletes it after confirmation with the preview token', async () => {
    const { org, group: recentGroup } = await seed();
    const oldGroup = await t.call('groups:create', { organisationId: org.id, name: 'Oude groep', kind: 'groep' });
    const old = await t.call('participants:create', { organisationId: org.id, name: 'Oud Persoon', role: 'anders' });
    await t.call('groups:addMember', { groupId: oldGroup.id, participantId: old.id });
    t.core.db.prepare("UPDATE participants SET created_at = '2014-05-01T09:00:00.000Z' WHERE id = ?").run(old.id);
    const { trajectory: oldTrajectory } = await t.call('trajectories:create', {
      organisationId: org.id,
      groupId: oldGroup.id,
      name: 'Traject 2015',
      season: '2014-2015',
    });
    for (const date of ['2015-01-10', '2015-03-10']) {
      const s = await t.call('sessions:create', { groupId: oldGroup.id, moduleId: 'proefmodule', date });
      await t.call('trajectories:linkSession', { sessionId: s.id, trajectoryId: oldTrajectory.id });
      await t.call('attendance:set', { sessionId: s.id, participantId: old.id, status: 'aanwezig' });
      await t.call('actions:create', { sessionId: s.id, what: 'Oude actie' });
    }
    await t.call('interest:create', {
      organisationName: 'Oud',
      contactName: 'Iemand',
      receivedOn: '2015-01-01',
      deadline: '2015-02-01',
      season: '2015-2016',
    });
    const recentSessions = (await t.call('sessions:list', { groupId: recentGroup.id })).length;

    const preview = await t.call('retention:preview', { years: 5 });
    expect(preview.cutoff).toBe('2021-11-25');
    expect(preview.counts).toEqual({ sessions: 2, attendance: 2, trajectories: 1, interestRegistrations: 1, actions: 2, participants: 1 });
    expect(preview.summary).toMatch(/^Alles van vóór 25-11-2021 wordt definitief verwijderd: 2 sessies met 2 aanwezigheidsregels, 1 trajecten/);

    await expect(t.call('retention:apply', { years: 5, token: '0'.repeat(32) })).rejects.toThrow(/veranderd sinds de controle/);
    await expect(t.call('retention:apply', { years: 4, token: preview.token })).rejects.toThrow(/veranderd/);
    const result = await t.call('retention:apply', { years: 5, token: preview.token });
    expect(result).toMatchObject({ cutoff: '2021-11-25', deleted: preview.counts, walCleared: true });

    const db = t.core.db;
    expect(db.prepare("SELECT count(*) AS n FROM sessions WHERE date < '2021-11-25'").get()).toEqual({ n: 0 });
    expect((await t.call('sessions:list', { groupId: recentGroup.id })).length).toBe(recentSessions);
    expect((await t.call('trajectories:list')).map((x) => x.name)).toEqual(['Traject Regenboog']);
    expect((await t.call('participants:list')).map((p) => p.name)).toEqual(['Anouk de Vries', NAME]);
    expect(await t.call('interest:list', { search: 'Oud' })).toEqual([]);
    expect(fileBytes(t.core.paths.databaseFile).includes(Buffer.from('Oud Persoon', 'utf8'))).toBe(false);
    const again = await t.call('retention:preview', { years: 5 });
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
    expect(again.summary).toMatch(/er wordt niets verwijderd/);
  });

  it('refuses a token once the data changed after the preview', async () => {
    const { org } = await seed();
    const g = await t.call('groups:create', { organisationId: org.id, name: 'G', kind: 'groep' });
    await t.call('sessions:create', { groupId: g.id, moduleId: 'proefmodule', date: '2016-01-01' });
    const preview = await t.call('retention:preview', { years: 3 });
    expect(preview.counts.sessions).toBe(1);
    await t.call('sessions:create', { groupId: g.id, moduleId: 'proefmodule', date: '2016-02-01' });
    await expect(t.call('retention:apply', { years: 3, token: preview.token })).rejects.toThrow(/veranderd/);
    expect(t.core.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 3 });
  });
});
