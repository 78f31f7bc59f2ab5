// The foundation flow through the real core, as the renderer drives it:
// organisation → school → participants → kernteam → session → attendance → PDF.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { parsePdf } from '../helpers/pdf';

let t: TestCore;
beforeEach(() => (t = openTestCore()));
afterEach(() => t.close());

describe('the foundation flow', () => {
  it('stores every step at once and exports a sessieverslag that reads back', async () => {
    const library = await t.call('modules:list');
    expect(library.modules.length).toBeGreaterThan(0);
    const module = library.modules[0]!;

    const org = await t.call('organisations:create', { name: 'Stichting Noorderlicht', kind: 'stichting' });
    const school = await t.call('schools:create', { organisationId: org.id, name: 'OBS De Regenboog', sector: 'po' });
    const names = ['Anouk de Vries', 'Noëlle Bakker', 'Daniël Öztürk'];
    const people = [];
    for (const name of names) {
      people.push(await t.call('participants:create', { organisationId: org.id, schoolId: school.id, name, role: 'zorgcoördinator' }));
    }
    const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam Regenboog', kind: 'kernteam' });
    for (const p of people) await t.call('groups:addMember', { groupId: group.id, participantId: p.id });
    const session = await t.call('sessions:create', {
      groupId: group.id,
      moduleId: module.id,
      date: '2026-11-25',
      startTime: '15:30',
      location: 'Aula',
      facilitator: 'Eva Bos',
    });
    expect(session.moduleVersion).toBe(module.version);
    await t.call('attendance:set', { sessionId: session.id, participantId: people[0]!.id, status: 'aanwezig' });
    await t.call('attendance:set', { sessionId: session.id, participantId: people[1]!.id, status: 'aanwezig' });
    const rows = await t.call('attendance:set', { sessionId: session.id, participantId: people[2]!.id, status: 'afgemeld' });
    expect(rows.map((r) => r.status)).toEqual(['aanwezig', 'afgemeld', 'aanwezig']);

    // Committed at once: a second connection to the file sees it.
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(t.core.paths.databaseFile, { readonly: true });
    expect(other.prepare('SELECT count(*) AS n FROM attendance WHERE session_id = ?').get(session.id)).toEqual({ n: 3 });
    other.close();

    const exported = await t.call('reports:exportSession', { sessionId: session.id });
    expect(exported.saved).toBe(true);
    expect(path.basename(exported.path!)).toBe(`sessieverslag-2026-11-25-${module.id}.pdf`);
    const pdf = await parsePdf(fs.readFileSync(exported.path!));
    expect(pdf.pages).toBe(exported.pages);
    expect(pdf.text).toContain(module.title);
    expect(pdf.text).toContain('25 november 2026');
    expect(pdf.text).toContain('Kernteam Regenboog');
    for (const name of names) expect(pdf.text).toContain(name);
  });

  it('reports a cancelled save dialog without writing a file', async () => {
    t.close();
    t = openTestCore({ savePath: () => null });
    const org = await t.call('organisations:create', { name: 'Stichting Zuid', kind: 'stichting' });
    const group = await t.call('groups:create', { organisationId: org.id, name: 'Groep', kind: 'groep' });
    const module = (await t.call('modules:list')).modules[0]!;
    const session = await t.call('sessions:create', { groupId: group.id, moduleId: module.id, date: '2026-11-25' });
    // A meeting that has not happened has no report, only its agenda and presentielijst.
    await expect(t.call('reports:exportSession', { sessionId: session.id })).rejects.toThrow(/nog niet plaatsgevonden/);
    const result = await t.call('reports:exportPreparation', { sessionId: session.id });
    expect(result).toMatchObject({ saved: false, path: null });
    expect(fs.readdirSync(t.dataDir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('offers demo data on a first start, loads it once, and stops offering', async () => {
    expect((await t.call('app:info')).offerDemo).toBe(true);
    const demo = await t.call('demo:load');
    expect(demo.participants).toBeGreaterThan(3);
    expect((await t.call('app:info')).offerDemo).toBe(false);
    const sessions = await t.call('sessions:list');
    expect(sessions.length).toBe(demo.sessions);
    await expect(t.call('demo:load')).rejects.toThrow(/al gegevens/);
  });

  it('refuses to plan a session for a module that does not exist', async () => {
    const org = await t.call('organisations:create', { name: 'Stichting Oost', kind: 'stichting' });
    const group = await t.call('groups:create', { organisationId: org.id, name: 'Groep', kind: 'groep' });
    await expect(t.call('sessions:create', { groupId: group.id, moduleId: 'bestaat-niet', date: '2026-11-25' })).rejects.toThrow(
      /niet gevonden/,
    );
    expect(await t.call('sessions:list')).toEqual([]);
  });
});
