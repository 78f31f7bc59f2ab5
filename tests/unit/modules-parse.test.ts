import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../src/main/modules/parse';
import { loadModuleLibrary } from '../../src/main/modules/load';
import { checkReportJson, formatCheckReport, modulesTableMarkdown, withModulesTable, TABLE_START, TABLE_END } from '../../src/main/modules/check';
import { repoRoot, tempDir } from '../helpers/temp';

const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'modules');
const validFile = path.join(fixtures, 'valid', 'proefmodule', 'module.md');
const valid = fs.readFileSync(validFile, 'utf8');

/** The day the review dates in these tests are compared with. */
const today = new Date(2026, 10, 30);

/** Parses the valid fixture with one text replaced. */
function parseAfter(from: string | RegExp, to: string) {
  const source = valid.replace(from, to);
  expect(source).not.toBe(valid);
  return parseModule(source, 'module.md', '', { today });
}

/** Structural errors after one replacement: the module is rejected. */
function problemsAfter(from: string | RegExp, to: string) {
  const result = parseAfter(from, to);
  if (result.problems.length > 0) expect(result.module).toBeUndefined();
  return result.problems;
}

/** Editorial warnings after one replacement: the module still loads. */
function warningsAfter(from: string | RegExp, to: string) {
  const result = parseAfter(from, to);
  expect(result.problems).toEqual([]);
  expect(result.module).toBeDefined();
  return result.warnings;
}

describe('module parser', () => {
  it('reads front matter, blocks, slides, notes and work formats', () => {
    const { module, problems, warnings } = parseModule(valid, validFile, '', { today });
    expect(problems).toEqual([]);
    // The fixture predates the review date; that is the only remark.
    expect(warnings.map((w) => [w.line, w.message])).toEqual([[1, expect.stringMatching(/De kop mist "herzien"/)]]);
    expect(module!.meta).toEqual({
      id: 'proefmodule',
      title: 'Proefmodule: welbevinden in één uur',
      subtitle: 'Testmodule van Sessiewijzer',
      version: '1.2.0',
      sectors: ['po', 'vo'],
      minutes: 60,
      audience: 'Kernteams',
      sources: ['Voorbeeldbron: rapport over welbevinden (2024)'],
    });
    expect(module!.blocks.map((b) => [b.id, b.kind, b.minutes, b.slides.length])).toEqual([
      ['opening', 'opening', 10, 2],
      ['kennis', 'kennis', 15, 2],
      ['tools', 'tools', 15, 1],
      ['uitwisseling', 'uitwisseling', 10, 1],
      ['afsluiting', 'afsluiting', 10, 1],
    ]);
    const [titleSlide, checkIn] = module!.blocks[0]!.slides;
    expect(titleSlide!.id).toBe('titel');
    expect(titleSlide!.line).toBe(15);
    expect(titleSlide!.notes).toContain('Heet iedereen welkom');
    expect(checkIn!.workFormat).toMatchObject({ id: 'check-in-woord', type: 'check-in', answerKind: 'woord', minutes: 3 });
    const poll = module!.blocks[1]!.slides[1]!.workFormat!;
    expect(poll).toMatchObject({ type: 'peiling', options: ['Druk', 'Onrust', 'Iets anders'], multiple: true, minutes: 5 });
    expect(module!.blocks[2]!.slides[0]!.html).toContain('<strong>Vraag eerst</strong>');
  });

  it('never passes raw HTML through to a slide', () => {
    const problems = problemsAfter('**Vraag eerst**, vul dan in.', '<script>alert(1)</script>');
    expect(problems).toContainEqual({ file: 'module.md', line: 68, message: expect.stringMatching(/HTML is niet toegestaan/) });
  });

  it.each([
    ['minuten: 60   # som van de blokken', 'minuten: 500', 7, /tussen 60 en 90/],
    ['minuten: 60   # som van de blokken', 'minuten: 75', 13, /samen 60 minuten, maar de kop zegt 75/],
    ['sectoren: [po, vo]', 'sectoren: [po, hbo]', 6, /Onbekende sector "hbo"/],
    ['id: proefmodule', 'id: Proef Module', 2, /kleine letters/],
    ['versie: 1.2.0\n', '', 1, /De kop mist "versie"/],
    ['{#kennis soort=kennis minuten=15}', '{#kennis soort=college minuten=15}', 38, /onbekende of ontbrekende soort "college"/],
    ['{#tools soort=tools minuten=15}', '{#opening soort=tools minuten=15}', 64, /"opening" is al gebruikt op regel 13/],
    ['## Rondje {#rondje}', '## Rondje', 76, /vorm "## Titel \{#naam\}"/],
    ['type: peiling', 'type: quiz', 53, /Onbekend type werkvorm "quiz"/],
    ['opties: [Druk, Onrust, Iets anders]', 'opties: [Druk]', 55, /minstens twee opties/],
    ['meerdere: ja', 'meerdere: misschien', 56, /"ja" of "nee"/],
    ['minuten: 8\n', 'minuten: acht\n', 97, /heel getal van 1 tot 60/],
    ['id: rondje-ervaring', 'id: herkenning', 79, /al gebruikt op regel 52/],
    ['::: notities\nTel de handen per optie.\n:::', '::: notities\nTel de handen per optie.', 60, /niet afgesloten/],
    ['::: notities\nLaat het hulpmiddel zien.', '::: opmerking\nLaat het hulpmiddel zien.', 70, /Onbekend blok "::: opmerking"/],
  ])('reports %j → %j at line %i', (from, to, line, message) => {
    const problems = problemsAfter(from, to);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual({ file: 'module.md', line, message: expect.stringMatching(message) });
  });

  it.each([
    ['minuten: 60   # som van de blokken', 'minuten: 95', 7, /tussen 60 en 90/],
    ['  - Voorbeeldbron: rapport over welbevinden (2024)', '  - Voorbeeldbron zonder jaar', 10, /mist een jaartal/],
    ['type: rondje', 'type: brainstorm', 13, /geen werkvorm "rondje"/],
    ['type: actieplan', 'type: opdracht', 13, /geen werkvorm "actieplan"/],
    ['Licht de twee punten toe (5 minuten). Noem geen cijfers zonder bron.', 'Ruim 40% zegt dit.', 40, /cijfer zonder bron met jaartal/],
    ['- Het team is het fundament', '- In 2024 zei 40% van het team dit', 40, /geen bron uit "bronnen"/],
    ['::: notities\nTel de handen per optie.\n:::\n', '', 49, /geen sprekersnotities/],
  ])('warns about editorial %j → %j at line %i and still loads the module', (from, to, line, message) => {
    const module = parseAfter(from, to).module;
    const minutes = to === 'minuten: 95' ? 95 : 60;
    // The 95-minute header differs from the blocks' sum, which is structural; test the warning on its own.
    const warnings = minutes === 95 ? parseAfter(from, to).warnings : warningsAfter(from, to);
    if (minutes !== 95) expect(module).toBeDefined();
    expect(warnings).toContainEqual({ file: 'module.md', line, message: expect.stringMatching(message) });
  });

  it('counts a figure as sourced when a source from the header is named on the slide or in its notes', () => {
    const source = valid
      .replace('- Het team is het fundament', '- In 2024 zei 40% van het team dit')
      .replace('Licht de twee punten toe (5 minuten). Noem geen cijfers zonder bron.', 'Het cijfer komt uit de Voorbeeldbron (2024).');
    const { problems, warnings } = parseModule(source, 'module.md', '', { today });
    expect(problems).toEqual([]);
    expect(warnings.filter((w) => /bron/.test(w.message))).toEqual([]);
  });

  it('reads quotes, hashes and commas in the header as YAML does', () => {
    const source = valid
      .replace('titel: Proefmodule: welbevinden in één uur', 'titel: "Week #3: samen, en verder"')
      .replace('sectoren: [po, vo]', 'sectoren: ["po", vo]   # twee sectoren')
      .replace('  - Voorbeeldbron: rapport over welbevinden (2024)', '  - "GGD Hart, Noord #2: monitor (2024)"\n  - Anouks school: verslag (2025)');
    const { module, problems } = parseModule(source, 'module.md', '', { today });
    expect(problems).toEqual([]);
    expect(module!.meta.title).toBe('Week #3: samen, en verder');
    expect(module!.meta.sectors).toEqual(['po', 'vo']);
    expect(module!.meta.sources).toEqual(['GGD Hart, Noord #2: monitor (2024)', 'Anouks school: verslag (2025)']);
  });

  it('reports a header YAML cannot read at its line, in Dutch', () => {
    const problems = problemsAfter('sectoren: [po, vo]', 'sectoren: [po, vo');
    expect(problems[0]!.message).toMatch(/De kop kan op deze regel niet worden gelezen/);
    // YAML notices the unclosed list on the line after it.
    expect([6, 7]).toContain(problems[0]!.line);
  });

  it('keeps a quoted comma inside one work-format option', () => {
    const { module, problems } = parseAfter('opties: [Druk, Onrust, Iets anders]', 'opties: ["Ja, vaak", Onrust, \'Nee, nooit\']');
    expect(problems).toEqual([]);
    expect(module!.blocks[1]!.slides[1]!.workFormat!.options).toEqual(['Ja, vaak', 'Onrust', 'Nee, nooit']);
  });

  it('checks the review date: warns when it is older than twelve months, rejects a malformed one', () => {
    const withDate = (date: string) => parseAfter('doelgroep: Kernteams', `doelgroep: Kernteams\nherzien: ${date}`);
    expect(withDate('2026-11').warnings).toEqual([]);
    expect(withDate('2026-11').module!.meta.reviewed).toBe('2026-11');
    expect(withDate('2025-11').warnings).toEqual([]);
    expect(withDate('2025-10').warnings).toEqual([
      { file: 'module.md', line: 9, message: expect.stringMatching(/herzien in 2025-10, meer dan twaalf maanden geleden/) },
    ]);
    expect(withDate('2025-10').module).toBeDefined();
    expect(withDate('november 2026').problems).toEqual([
      { file: 'module.md', line: 9, message: expect.stringMatching(/"herzien" heeft de vorm jaar-maand/) },
    ]);
  });

  it('rejects a 10,000-character title, slide title or question with a Dutch file:line message, quickly', () => {
    const long = 'Anouks lange titel '.repeat(530).slice(0, 10_000);
    const started = performance.now();
    const cases: [string, string, number, RegExp][] = [
      ['titel: Proefmodule: welbevinden in één uur', `titel: ${long}`, 3, /"titel" is 10000 tekens lang; hoogstens 120/],
      ['## Rondje {#rondje}', `## ${long} {#rondje}`, 76, /De diatitel is 10000 tekens lang/],
      ['# Kennis {#kennis soort=kennis minuten=15}', `# ${long} {#kennis soort=kennis minuten=15}`, 38, /De bloktitel is 10000 tekens lang/],
      ['vraag: Hoe kom je vandaag binnen?', `vraag: ${long}`, 30, /"vraag" is 10000 tekens lang; hoogstens 300/],
      ['opties: [Druk, Onrust, Iets anders]', `opties: [Druk, "${long}"]`, 55, /Een waarde in "opties" is 10000 tekens lang/],
    ];
    for (const [from, to, line, message] of cases) {
      const result = parseAfter(from, to);
      expect(result.module).toBeUndefined();
      expect(result.problems).toContainEqual({ file: 'module.md', line, message: expect.stringMatching(message) });
      // The message names the length, never repeats the text itself.
      for (const p of result.problems) expect(p.message.length).toBeLessThan(400);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports a missing front matter alone, without a cascade of follow-up problems', () => {
    const { module, problems } = parseModule(valid.replace(/^---\n/, ''), 'module.md');
    expect(module).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/moet beginnen met een kop/);
  });

  it('accepts a source that contains a colon, which plain YAML would turn into a map', () => {
    const { module } = parseModule(valid, 'module.md');
    expect(module!.meta.sources[0]).toBe('Voorbeeldbron: rapport over welbevinden (2024)');
  });
});

describe('module library', () => {
  it('loads the valid modules and reports each broken one with file and line', () => {
    const { modules, library } = loadModuleLibrary([
      { path: path.join(fixtures, 'valid'), origin: 'ingebouwd' },
      { path: path.join(fixtures, 'broken'), origin: 'eigen' },
    ]);
    // A module without notes is an editorial matter: it loads, with a warning.
    expect(modules.map((m) => m.meta.id)).toEqual(['proefmodule', 'kapot-geen-notities']);
    expect(library.warnings).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining('kapot-geen-notities'), message: expect.stringMatching(/geen sprekersnotities/) }),
    );
    expect(library.modules[0]).toMatchObject({ id: 'proefmodule', blocks: 5, slides: 7, workFormats: 4, origin: 'ingebouwd' });
    const brokenFiles = new Set(library.errors.map((e) => path.basename(path.dirname(e.file))));
    expect([...brokenFiles].sort()).toEqual([
      'kapot-andere-id',
      'kapot-kop',
      'kapot-minuten',
      'kapot-werkvorm',
    ]);
    for (const e of library.errors) expect(e.line).toBeGreaterThan(0);
  });

  it('skips a missing own folder, reports a folder without module.md and duplicate ids', () => {
    const { dir } = tempDir();
    fs.mkdirSync(path.join(dir, 'leeg'));
    fs.mkdirSync(path.join(dir, 'proefmodule'));
    fs.copyFileSync(validFile, path.join(dir, 'proefmodule', 'module.md'));
    const { library } = loadModuleLibrary([
      { path: path.join(fixtures, 'valid'), origin: 'ingebouwd' },
      { path: dir, origin: 'eigen' },
      { path: path.join(dir, 'bestaat-niet'), origin: 'eigen' },
    ]);
    expect(library.modules).toHaveLength(1);
    expect(library.errors.map((e) => e.message)).toEqual([
      'De map "leeg" bevat geen module.md.',
      expect.stringMatching(/Er is al een module met id "proefmodule"/),
    ]);
  });

  it("refuses a facilitator's own module with a 10,000-character title and still loads the others", () => {
    const { dir } = tempDir();
    fs.mkdirSync(path.join(dir, 'lange-titel'));
    const long = `${'İlker Güneş en Anouks school Sint-Jan '.repeat(300).slice(0, 9_999)}x`;
    fs.writeFileSync(
      path.join(dir, 'lange-titel', 'module.md'),
      valid.replace('id: proefmodule', 'id: lange-titel').replace('titel: Proefmodule: welbevinden in één uur', `titel: ${long}`),
    );
    const { modules, library } = loadModuleLibrary([
      { path: path.join(fixtures, 'valid'), origin: 'ingebouwd' },
      { path: dir, origin: 'eigen' },
    ]);
    expect(modules.map((m) => m.meta.id)).toEqual(['proefmodule']);
    expect(library.errors).toEqual([
      { file: path.join(dir, 'lange-titel', 'module.md'), line: 3, message: '"titel" is 10000 tekens lang; hoogstens 120 tekens passen op een dia en in een verslag.' },
    ]);
    expect(formatCheckReport(library)).toContain('lange-titel/module.md:3: "titel" is 10000 tekens lang');
  });

  it('prints a summary line per module and file:line: message per problem', () => {
    const { library } = loadModuleLibrary([{ path: path.join(fixtures, 'broken'), origin: 'ingebouwd' }]);
    const text = formatCheckReport(library);
    expect(text).toMatch(/kapot-minuten\/module\.md:13: De blokken duren samen 60 minuten, maar de kop zegt 95\./);
    expect(text).toMatch(/kapot-minuten\/module\.md:7: waarschuwing: "minuten" ligt meestal tussen 60 en 90/);
    expect(text.split('\n').at(-1)).toMatch(/^1 modules in orde; \d+ problemen in 4 bestand\(en\); \d+ waarschuwing\(en\)\.$/);
    const json = checkReportJson(loadModuleLibrary([{ path: path.join(fixtures, 'valid'), origin: 'ingebouwd' }]).library);
    expect(json).toEqual({
      modules: [{ id: 'proefmodule', title: 'Proefmodule: welbevinden in één uur', minutes: 60, slides: 7, workFormats: 4, sectors: ['po', 'vo'] }],
      errors: [],
      warnings: [{ file: expect.stringContaining('proefmodule'), line: 1, message: expect.stringMatching(/mist "herzien"/) }],
    });
  });

  it('generates the deck table between the markers of a README', () => {
    const { library } = loadModuleLibrary([{ path: path.join(fixtures, 'valid'), origin: 'ingebouwd' }]);
    const table = modulesTableMarkdown(library);
    const doc = `voor\n${TABLE_START}\noud\n${TABLE_END}\nna`;
    const updated = withModulesTable(doc, table);
    expect(updated).toContain('| `proefmodule` | Proefmodule: welbevinden in één uur | po, vo | 60 | 5 | 7 | 4 |');
    expect(updated).not.toContain('oud');
    expect(updated.startsWith('voor\n')).toBe(true);
    expect(updated.endsWith(`${TABLE_END}\nna`)).toBe(true);
  });
});

describe('the module library in modules/', () => {
  const library = loadModuleLibrary([{ path: path.join(repoRoot, 'modules'), origin: 'ingebouwd' }]).library;

  it('has the twelve decks of the offer plus the trajectory meeting, with no problems and no warnings', () => {
    expect(library.errors).toEqual([]);
    // A review date older than a year is a reminder for the content editor, not a test failure.
    expect((library.warnings ?? []).filter((w) => !/meer dan twaalf maanden/.test(w.message))).toEqual([]);
    expect(library.modules).toHaveLength(13);
    expect(library.modules.map((m) => m.id)).toContain('trajectbijeenkomst');
    for (const m of library.modules) {
      expect(m.minutes).toBeGreaterThanOrEqual(60);
      expect(m.minutes).toBeLessThanOrEqual(90);
      expect(m.workFormats).toBeGreaterThanOrEqual(3);
    }
  });

  it('is listed in modules/README.md exactly as generated (npm run cli -- modules table --write)', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'modules', 'README.md'), 'utf8');
    expect(withModulesTable(readme, modulesTableMarkdown(library))).toBe(readme);
  });
});
