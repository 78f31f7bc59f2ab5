// Names from many scripts print with a real glyph (no .notdef box) and come
// back intact from the PDF's text layer (pdftotext); one huge title cannot
// freeze the export.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSessionReport } from '../../src/main/reports/session-report';
import { REPORT_FONT_FILES } from '../../src/main/reports/text';
import type { SessionReportData } from '../../src/main/reports/types';
import { WORLD_NAMES } from '../fixtures/reports/names';
import { rawPdfText } from '../helpers/pdf-streams';
import { repoRoot } from '../helpers/temp';

const fontsDir = path.join(repoRoot, 'resources', 'fonts');
const now = new Date('2026-11-25T16:00:00Z');

function data(overrides: Partial<SessionReportData> = {}): SessionReportData {
  return {
    moduleTitle: 'Namen uit de hele wereld',
    moduleVersion: '1.0',
    date: '2026-11-25',
    startTime: '13:30',
    location: null,
    facilitator: 'Eva Bos',
    organisationName: 'Stichting Kleurrijk',
    groupName: 'Kernteam',
    schools: ['Sint-Jan'],
    attendees: WORLD_NAMES.map((n) => ({ name: n.name, role: n.language, schoolName: 'Sint-Jan', status: 'aanwezig' as const })),
    agenda: [{ title: 'Kennismaken', plannedMinutes: 10, actualMinutes: 10 }],
    ...overrides,
  };
}

/** Glyph ids drawn by TJ operators (Identity-H, 4 hex digits per glyph); 0 is .notdef. */
function drawnGlyphIds(pdf: Buffer): number[] {
  const ids: number[] = [];
  for (const array of rawPdfText(pdf).matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    for (const hex of array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)) {
      for (let i = 0; i + 4 <= hex[1]!.length; i += 4) ids.push(parseInt(hex[1]!.slice(i, i + 4), 16));
    }
  }
  return ids;
}

function pdftotext(pdf: Buffer): string | null {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sw-fonts-')), 'r.pdf');
  fs.writeFileSync(file, pdf);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (out.error) return null;
  return out.stdout;
}

describe('report fonts', () => {
  it('ships every font file it uses, with the licences', () => {
    for (const file of REPORT_FONT_FILES) expect(fs.existsSync(path.join(fontsDir, file)), file).toBe(true);
    for (const licence of ['LICENSE-AtkinsonHyperlegible.txt', 'LICENSE-NotoSans.txt', 'LICENSE-NotoSansArabic.txt', 'LICENSE-NotoEmoji.txt']) {
      expect(fs.readFileSync(path.join(fontsDir, licence), 'utf8')).toMatch(/SIL Open Font License/);
    }
  });

  it(`prints ${WORLD_NAMES.length} names from ${new Set(WORLD_NAMES.map((n) => n.language)).size} languages without a missing glyph, and pdftotext returns them`, async () => {
    const pdf = await renderSessionReport(data(), { pseudonymise: false, fontsDir, now });
    const ids = drawnGlyphIds(pdf);
    expect(ids.length).toBeGreaterThan(500);
    expect(ids.filter((id) => id === 0)).toEqual([]);
    // The fallback fonts are embedded (subset) only because these names need them.
    const raw = rawPdfText(pdf);
    for (const family of ['NotoSans-Regular', 'NotoSansArabic-Regular', 'NotoEmoji-Regular', 'AtkinsonHyperlegible-Regular']) expect(raw).toContain(family);

    const text = pdftotext(pdf);
    expect(text, 'pdftotext (poppler-utils) is needed for this test').not.toBeNull();
    const flat = text!.normalize('NFC').replace(/[\u202a-\u202e]/g, '').replace(/\s+/g, ' ');
    for (const n of WORLD_NAMES.filter((x) => !x.textLayerKnownWrong)) expect(flat, n.language).toContain(n.name);
  });

  it('draws bold text in a bold font that has the characters (İ, ş, ł in a heading)', async () => {
    const pdf = await renderSessionReport(data({ moduleTitle: 'İlker, Ayşe en Małgorzata', attendees: [] }), { pseudonymise: false, fontsDir, now });
    expect(drawnGlyphIds(pdf).filter((id) => id === 0)).toEqual([]);
    expect(rawPdfText(pdf)).toContain('NotoSans-Bold');
    expect(pdftotext(pdf)!).toContain('İlker, Ayşe en Małgorzata');
  });

  it('exports a report whose module title is 10,000 characters (bounded, footer shortened, no freeze)', async () => {
    const title = `${'Heel lange titel zonder einde '.repeat(301)}${'x'.repeat(1000)}`;
    expect(title.length).toBeGreaterThan(10_000);
    const pdf = await renderSessionReport(data({ moduleTitle: title }), { pseudonymise: false, fontsDir, now });
    const text = pdftotext(pdf)!;
    expect(text).toContain('Pagina 1 van');
    // The title is cut with an ellipsis; the report still has its sections and stays a few pages.
    expect(text).toContain('…');
    expect(text).toMatch(/Bijlage: aanwezigheid/);
    expect(text.split('\f').length - 1).toBeLessThan(8);
  });
});
