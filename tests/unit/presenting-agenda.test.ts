import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agendaFromModule, agendaSlides, checkBudget, validateAgenda } from '../../src/shared/presenting/agenda';
import { parseModule } from '../../src/main/modules/parse';
import { openTestCore, type TestCore } from '../helpers/core';
import { repoRoot, tempDir } from '../helpers/temp';

const fixture = path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid', 'proefmodule', 'module.md');
const module = parseModule(fs.readFileSync(fixture, 'utf8'), fixture).module!;

describe('session agenda', () => {
  it('starts from the module: its blocks, minutes and slides in order', () => {
    const agenda = agendaFromModule(module);
    expect(agenda.items.map((i) => [i.key, i.minutes, i.slideIds.length])).toEqual([
      ['opening', 10, 2],
      ['kennis', 15, 2],
      ['tools', 15, 1],
      ['uitwisseling', 10, 1],
      ['afsluiting', 10, 1],
    ]);
    expect(agendaSlides(agenda)[0]).toEqual({ itemKey: 'opening', slideId: 'titel' });
    expect(checkBudget(agenda)).toEqual({ total: 60, within: true, warning: null });
  });

  it('warns outside the 60–90 minute budget', () => {
    const agenda = agendaFromModule(module);
    const long = { items: agenda.items.map((i) => (i.key === 'kennis' ? { ...i, minutes: 50 } : i)) };
    expect(checkBudget(long).within).toBe(false);
    expect(checkBudget(long).warning).toMatch(/95 minuten/);
    const short = { items: agenda.items.filter((i) => i.key !== 'kennis') };
    expect(checkBudget(short).warning).toMatch(/45 minuten/);
  });

  it('accepts an added break with its own slide, and refuses unknown or doubled slides', () => {
    const agenda = agendaFromModule(module);
    const withBreak = {
      ...agenda,
      items: [...agenda.items, { key: 'pauze-1', kind: 'pauze' as const, title: 'Pauze', minutes: 10, slideIds: ['pauze-1'], blockId: null }],
    };
    expect(validateAgenda(withBreak, module)).toEqual([]);
    const bad = {
      ...agenda,
      items: agenda.items.map((i) => (i.key === 'tools' ? { ...i, slideIds: ['titel', 'bestaat-niet'] } : i)),
    };
    expect(validateAgenda(bad, module)).toEqual([
      'De dia "titel" staat twee keer in de agenda.',
      'De dia "bestaat-niet" bestaat niet in deze moduleversie.',
    ]);
  });
});

describe('agenda and module version stored with the session', () => {
  let t: TestCore | undefined;
  afterEach(() => t?.close());

  it('keeps the planned module text: a later edit of the module never changes the session', async () => {
    const { dir: modulesDir, cleanup } = tempDir();
    fs.mkdirSync(path.join(modulesDir, 'proefmodule'));
    const file = path.join(modulesDir, 'proefmodule', 'module.md');
    fs.copyFileSync(fixture, file);
    t = openTestCore({ modulesDir });
    const org = await t.call('organisations:create', { name: 'Stichting', kind: 'stichting' });
    const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
    const session = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' });

    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('versie: 1.2.0', 'versie: 2.0.0').replace('## Wat weten we?', '## Nieuwe titel'));
    await t.call('modules:reload');
    expect((await t.call('modules:get', { id: 'proefmodule' })).meta.version).toBe('2.0.0');

    const view = await t.call('agenda:get', { sessionId: session.id });
    expect(view.module.meta.version).toBe('1.2.0');
    expect(view.module.blocks[1]!.slides[0]!.title).toBe('Wat weten we?');
    cleanup();
  });

  it('stores a tailored agenda, refuses a broken one in Dutch, and fixes it once presenting started', async () => {
    t = openTestCore();
    const org = await t.call('organisations:create', { name: 'Stichting', kind: 'stichting' });
    const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
    const session = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' });
    const { agenda } = await t.call('agenda:get', { sessionId: session.id });

    const items = [...agenda.items].reverse().map((i) => (i.key === 'tools' ? { ...i, minutes: 25 } : i));
    const saved = await t.call('agenda:set', { sessionId: session.id, items });
    expect(saved.agenda.items[0]!.key).toBe('afsluiting');
    expect(saved.budget.total).toBe(70);
    expect((await t.call('agenda:get', { sessionId: session.id })).agenda.items[0]!.key).toBe('afsluiting');

    await expect(
      t.call('agenda:set', { sessionId: session.id, items: items.map((i) => ({ ...i, slideIds: ['onbekend'] })) }),
    ).rejects.toThrow(/bestaat niet in deze moduleversie/);

    await t.call('presenting:command', { sessionId: session.id, command: { type: 'start' } });
    await expect(t.call('agenda:set', { sessionId: session.id, items })).rejects.toThrow('De sessie is al gestart; de agenda ligt vast.');
  });
});
