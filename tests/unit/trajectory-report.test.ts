// Both reports from data recorded through the app (demo load: a trajectory
// with held meetings, attendance, presenting log, work formats, actions and
// stappenplan): parsed back, pseudonymised, sections left out, CSV export,
// and rendered to PNG under tests/artifacts/reports/ for a look.

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { parsePdf } from '../helpers/pdf';
import { countRectOperators, rawPdfText, renderPngs } from '../helpers/pdf-streams';
import { PREVIEW_MAX_BYTES } from '../../src/shared/channels/reports';
import { previewOf } from '../../src/main/services/reports';

const NAMES = [
  'Anouk de Vries',
  'Jeroen Hoekstra',
  'Noëlle Bakker',
  'Daniël Öztürk',
  'Fatima El Amrani',
  'Sanne Visser',
  'Joëlle Smit',
  'Mark Jansen',
];
/** Parts of names that must not survive on their own either. */
const NAME_PARTS = ['Anouk', 'Noëlle', 'Daniël', 'Öztürk', 'Fatima', 'Amrani', 'Joëlle', 'Visser', 'Hoekstra', 'Bakker'];

let t: TestCore;
let trajectoryId: number;
let heldIds: number[];

beforeAll(async () => {
  t = openTestCore();
  await t.call('demo:load');
  const trajectories = await t.call('trajectories:list', {});
  trajectoryId = trajectories[0]!.id;
  const sessions = await t.call('sessions:list');
  heldIds = sessions.filter((s) => s.status === 'afgerond').map((s) => s.id);
});
afterAll(() => t.close());

const pdfOf = (base64: string) => Buffer.from(base64, 'base64');

function expectNoNames(text: string, raw: string): void {
  for (const name of [...NAMES, ...NAME_PARTS]) {
    expect(text).not.toContain(name);
    expect(raw).not.toContain(name);
  }
}

describe('demo data', () => {
  it('fills a trajectory with held meetings and one ahead', async () => {
    const sessions = await t.call('sessions:list');
    expect(heldIds.length).toBeGreaterThanOrEqual(3);
    expect(sessions.some((s) => s.status === 'gepland')).toBe(true);
    const runs = await t.call('runs:list', { sessionId: heldIds[0]! });
    expect(new Set(runs.map((r) => r.type)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('session report from recorded data', () => {
  it('has every section with content, and actual minutes', async () => {
    const earliest = heldIds[heldIds.length - 1]!;
    const preview = await t.call('reports:previewSession', { sessionId: earliest });
    const pdf = pdfOf(preview.base64);
    expect(preview.bytes).toBe(pdf.length);
    const parsed = await parsePdf(pdf);
    expect(parsed.pages).toBe(preview.pages);
    for (const text of ['Sessieverslag', 'Agenda', 'Werkelijk (min)', 'Aanwezigheid', 'Resultaten van de werkvormen', 'Peiling', 'Schaalvraag', 'gemiddelde', 'Brainstorm', 'Rust in de klas', 'Rondje uitwisseling', 'Actieplan', 'Volgende bijeenkomst']) {
      expect(parsed.text).toContain(text);
    }
    // Diacritics survive the round trip, the next meeting is there, actual minutes were measured.
    expect(parsed.text).toContain('Noëlle Bakker');
    expect(parsed.text).toContain('Daniël Öztürk');
    expect(parsed.text).toContain('vóór');
    expect(parsed.text).toMatch(/Totaal \d+ \d+ Aanwezigheid/);
    expect(parsed.info.Title).toMatch(/^Sessieverslag – /);
    expect(parsed.info.Author).toBe('Eva Bos');
    expect(String(parsed.info.Subject)).toContain('Kernteams Noorderlicht');
    parsed.pageTexts.forEach((text, i) => expect(text).toContain(`Pagina ${i + 1} van ${parsed.pages}`));
    expect(countRectOperators(pdf)).toBeGreaterThan(10);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (nl-NL)');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('AtkinsonHyperlegible');
    expect(renderPngs(pdf, 'sessie').length).toBe(parsed.pages);
  });

  it('carries open actions over to a later meeting and pseudonymises every name', async () => {
    // The middle meeting: statement, ranking, check-in and check-out, and actions from the first.
    const latest = heldIds[1]!;
    const plain = await parsePdf(pdfOf((await t.call('reports:previewSession', { sessionId: latest })).base64));
    expect(plain.text).toContain('Openstaande acties uit eerdere bijeenkomsten');
    expect(plain.text).toContain('Stelling');
    expect(plain.text).toContain('Anouk de Vries');

    const preview = await t.call('reports:previewSession', { sessionId: latest, pseudonymise: true });
    const pdf = pdfOf(preview.base64);
    const parsed = await parsePdf(pdf);
    expectNoNames(parsed.text, rawPdfText(pdf));
    expect(parsed.text).toMatch(/Deelnemer \d+ \(zorgcoördinator[,)]/);
    expect(parsed.text).toContain('Stichting Noorderlicht (voorbeeld)');
    expect(parsed.text).toContain('Geïnspireerd');
    renderPngs(pdf, 'sessie-gepseudonimiseerd');
  });

  it('leaves out sections on request and exports to the chosen path', async () => {
    const id = heldIds[0]!;
    const parsed = await parsePdf(
      pdfOf((await t.call('reports:previewSession', { sessionId: id, sections: ['agenda', 'volgende'] })).base64),
    );
    expect(parsed.text).toContain('Agenda');
    expect(parsed.text).toContain('Volgende bijeenkomst');
    expect(parsed.text).not.toContain('Resultaten van de werkvormen');
    expect(parsed.text).not.toContain('Aanwezigheid');
    const saved = await t.call('reports:exportSession', { sessionId: id, pseudonymise: true, sections: ['werkvormen'] });
    expect(saved.saved).toBe(true);
    expect(fs.readFileSync(saved.path!).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(t.call('reports:previewSession', { sessionId: id, sections: ['onzin' as never] })).rejects.toThrow(/Kies onderdelen/);
  });

  it('exports the results as CSV without names', async () => {
    const result = await t.call('reports:exportResultsCsv', { sessionId: heldIds[heldIds.length - 1]! });
    expect(result.saved).toBe(true);
    const text = fs.readFileSync(result.path!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFnr;werkvorm;vraag;onderdeel;soort;waarde;aantal');
    expect(text).toContain('Peiling;Wat speelt er het meest bij jullie leerlingen?');
    expect(text).toContain('kaart (Rust in de klas);Vaste stilteplek in elk lokaal;3');
    for (const name of NAMES) expect(text).not.toContain(name);
  });
});

describe('trajectory report', () => {
  it('shows meetings, the attendance matrix, themes, stappenplan and actions', async () => {
    const preview = await t.call('reports:previewTrajectory', { trajectoryId });
    const pdf = pdfOf(preview.base64);
    const parsed = await parsePdf(pdf);
    for (const text of [
      'Trajectverslag',
      'Gezonde School Noorderlicht',
      'Bijeenkomsten',
      'Aanwezigheid',
      'A = aanwezig',
      'Aanwezigheid per school',
      "Thema's",
      'Stappenplan per school',
      'Draagvlak creëren',
      'Acties',
      'Afgesproken op',
      'Gedaan',
    ]) {
      expect(parsed.text).toContain(text);
    }
    for (const name of NAMES) expect(parsed.text).toContain(name);
    expect(parsed.text).toMatch(/\d van 8/);
    expect(parsed.info.Title).toMatch(/^Trajectverslag – Gezonde School Noorderlicht – \d{4}-\d{4}$/);
    expect(parsed.info.Author).toBe('Eva Bos');
    parsed.pageTexts.forEach((text, i) => expect(text).toContain(`Pagina ${i + 1} van ${parsed.pages}`));
    expect(countRectOperators(pdf)).toBeGreaterThan(10);
    expect(pdf.toString('latin1')).toContain('/Lang (nl-NL)');
    expect(renderPngs(pdf, 'traject').length).toBe(parsed.pages);
  });

  it('shows counts per school only when pseudonymised', async () => {
    const preview = await t.call('reports:previewTrajectory', { trajectoryId, pseudonymise: true });
    const pdf = pdfOf(preview.base64);
    const parsed = await parsePdf(pdf);
    expectNoNames(parsed.text, rawPdfText(pdf));
    expect(parsed.text).toContain('Gepseudonimiseerd');
    expect(parsed.text).toMatch(/\d\/\d/);
    expect(parsed.text).toContain('OBS De Regenboog');
    renderPngs(pdf, 'traject-gepseudonimiseerd');
  });

  it('leaves out sections, saves through the dialog and refuses an unknown trajectory', async () => {
    const parsed = await parsePdf(pdfOf((await t.call('reports:previewTrajectory', { trajectoryId, sections: ['stappenplan'] })).base64));
    expect(parsed.text).toContain('Stappenplan per school');
    expect(parsed.text).not.toContain('Bijeenkomsten ');
    expect(parsed.text).not.toContain('Afgesproken op');
    expect(parsed.text).not.toContain('Anouk de Vries');
    const saved = await t.call('reports:exportTrajectory', { trajectoryId });
    expect(saved).toMatchObject({ saved: true });
    expect(saved.path).toMatch(/trajectverslag-\d{4}-\d{4}-gezonde-school-noorderlicht\.pdf$/);
    await expect(t.call('reports:previewTrajectory', { trajectoryId: 999 })).rejects.toThrow();
    await expect(t.call('reports:exportTrajectory', { trajectoryId, extra: 1 } as never)).rejects.toThrow();
  });

  it('caps the preview size', () => {
    expect(() => previewOf(Buffer.alloc(PREVIEW_MAX_BYTES + 1))).toThrow(/te groot voor een voorbeeld/);
  });
});
