// Pages that cannot break: every page of the stress reports (and the demo-like
// sample) is parsed back with pdf.js; no text or graphic may lie outside the
// content box (the footer line excepted), no page may end with a heading, no
// page may hold only a remnant that would have fitted on the page before, and
// a table that continues says so and repeats its header. Also the tagged
// structure: PDF/UA identifier, THead/TBody, Scope, bookmarks, Figures with Alt.

import path from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderSessionReport } from '../../src/main/reports/session-report';
import { renderTrajectoryReport } from '../../src/main/reports/trajectory-report';
import { STRESS_PEOPLE, stressSessionData, stressTrajectoryData } from '../fixtures/reports/stress';
import { rawPdfText, renderPngs } from '../helpers/pdf-streams';
import { repoRoot } from '../helpers/temp';

const fontsDir = path.join(repoRoot, 'resources', 'fonts');
const now = new Date('2026-11-25T16:00:00Z');

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const BOX = { left: MARGIN, right: A4.width - MARGIN, bottom: MARGIN, top: A4.height - MARGIN };
/** The footer sits below the content box, at most this high (PDF coordinates, from the bottom). */
const FOOTER_TOP = 46;
const TOLERANCE = 1;

interface PageLayout {
  items: { str: string; x: number; y: number; right: number; size: number; bold: boolean }[];
  graphics: { minX: number; minY: number; maxX: number; maxY: number }[];
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

async function layout(pdf: Buffer): Promise<PageLayout[]> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const pages: PageLayout[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const items = content.items
      .filter((it): it is Extract<typeof it, { str: string }> => 'str' in it && it.str.trim() !== '')
      .map((it) => {
        const style = content.styles[it.fontName];
        return {
          str: it.str,
          x: it.transform[4] as number,
          y: it.transform[5] as number,
          right: (it.transform[4] as number) + it.width,
          size: Math.round(it.height * 10) / 10,
          bold: /bold/i.test(`${style?.fontFamily ?? ''} ${it.fontName}`),
        };
      });
    const ops = await page.getOperatorList();
    const graphics: PageLayout['graphics'] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    ops.fnArray.forEach((fn, k) => {
      const args = ops.argsArray[k] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
      else if (fn === OPS.constructPath) {
        const [op, , minMax] = args as [number, unknown, number[] | null];
        // A clipping path is not drawn.
        if (op === OPS.endPath || !minMax) return;
        const corners = [apply(ctm, minMax[0]!, minMax[1]!), apply(ctm, minMax[2]!, minMax[3]!)];
        graphics.push({
          minX: Math.min(corners[0]![0], corners[1]![0]),
          maxX: Math.max(corners[0]![0], corners[1]![0]),
          minY: Math.min(corners[0]![1], corners[1]![1]),
          maxY: Math.max(corners[0]![1], corners[1]![1]),
        });
      }
    });
    pages.push({ items, graphics });
  }
  await task.destroy();
  return pages;
}

/** Headings are bold at 15 pt (H2) or 12 pt (H3). */
const isHeading = (it: PageLayout['items'][number]) => it.bold && (it.size === 15 || it.size === 12);

function checkPages(pages: PageLayout[]): string[] {
  const problems: string[] = [];
  let previousFree = 0;
  pages.forEach((page, p) => {
    const content = page.items.filter((it) => it.y > FOOTER_TOP);
    for (const it of page.items) {
      const where = `pagina ${p + 1}: "${it.str.slice(0, 40)}" (x ${it.x.toFixed(1)}–${it.right.toFixed(1)}, y ${it.y.toFixed(1)})`;
      if (it.y <= FOOTER_TOP) continue; // the footer line
      if (it.x < BOX.left - TOLERANCE || it.right > BOX.right + TOLERANCE) problems.push(`tekst buiten de zijmarge, ${where}`);
      // The text's top is its baseline plus the ascent (0.95 of the size for the report fonts' line box).
      if (it.y < BOX.bottom - TOLERANCE || it.y + it.size * 0.95 > BOX.top + TOLERANCE) problems.push(`tekst buiten de boven- of ondermarge, ${where}`);
    }
    for (const g of page.graphics) {
      if (g.maxY <= FOOTER_TOP + 10 && g.minY >= 0) continue; // the footer rule
      if (g.minX < BOX.left - TOLERANCE || g.maxX > BOX.right + TOLERANCE || g.minY < BOX.bottom - TOLERANCE || g.maxY > BOX.top + TOLERANCE) {
        problems.push(`vorm buiten het inhoudsvak op pagina ${p + 1}: ${JSON.stringify(g)}`);
      }
    }
    if (content.length === 0) {
      problems.push(`pagina ${p + 1} is leeg`);
      return;
    }
    const lowest = content.reduce((a, b) => (b.y < a.y ? b : a));
    if (isHeading(lowest)) problems.push(`pagina ${p + 1} eindigt met de kop "${lowest.str}"`);
    const highest = content.reduce((a, b) => (b.y + b.size > a.y + a.size ? b : a));
    const used = highest.y + highest.size - lowest.y + 4;
    if (p > 0 && p === pages.length - 1 && used < previousFree - 24) {
      problems.push(`pagina ${p + 1} bevat alleen een rest (${used.toFixed(0)} pt) die op pagina ${p} paste (${previousFree.toFixed(0)} pt vrij)`);
    }
    previousFree = lowest.y - BOX.bottom;
  });
  return problems;
}

describe('report layout on the stress dataset', () => {
  it('session report: nothing outside the content box, no page ends with a heading, no remnant page', async () => {
    const pdf = await renderSessionReport(stressSessionData(), { pseudonymise: false, fontsDir, now });
    renderPngs(pdf, 'stress-sessie');
    const pages = await layout(pdf);
    expect(pages.length).toBeGreaterThan(5);
    expect(checkPages(pages)).toEqual([]);
    const text = pages.map((p) => p.items.map((i) => i.str).join(' ')).join('\n');
    // The 20-option poll is split into parts rather than run off the page; tables say they continue.
    expect(text).toContain('(vervolg)');
    expect(pages[0]!.items.map((i) => i.str).join(' ')).toContain('In het kort');
  });

  it('pseudonymised session report keeps the same guarantees', async () => {
    const pdf = await renderSessionReport(stressSessionData(), { pseudonymise: true, fontsDir, now });
    renderPngs(pdf, 'stress-sessie-pseudo');
    const pages = await layout(pdf);
    expect(checkPages(pages)).toEqual([]);
    // No name part of any of the 60 people survives (contributions mention them, with possessives).
    // School names ("Sint-Jan 2") are not people: taken out before looking.
    const text = pages.map((p) => p.items.map((i) => i.str).join(' ')).join('\n').replace(/Sint-Jan/g, 'Sint-');
    const parts = new Set(STRESS_PEOPLE.flatMap((p) => p.name.split(/[\s-]+/)).filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w) && !/^\d+$/.test(w)));
    const leaks = [...parts].filter((w) => new RegExp(`(?<![\\p{L}])${w}`, 'u').test(text));
    expect(leaks).toEqual([]);
  });

  it('trajectory report of 12 meetings with 60 people and 15 schools', async () => {
    const pdf = await renderTrajectoryReport(stressTrajectoryData(), { pseudonymise: false, fontsDir, now });
    renderPngs(pdf, 'stress-traject');
    const pages = await layout(pdf);
    expect(checkPages(pages)).toEqual([]);
  });

  it('repeats a continued table header and never leaves a header without rows', async () => {
    const pdf = await renderSessionReport(stressSessionData(), { pseudonymise: false, fontsDir, now, sections: ['acties'] });
    const pages = await layout(pdf);
    for (const [p, page] of pages.entries()) {
      const texts = page.items.filter((i) => i.y > FOOTER_TOP).sort((a, b) => b.y - a.y);
      const vervolg = texts.findIndex((i) => i.str.includes('(vervolg)'));
      if (vervolg >= 0) {
        // Under the "(vervolg)" line comes the header row ("Wat") and at least one row below it.
        const header = texts.slice(vervolg).find((i) => i.str === 'Wat' || i.str === 'Wie');
        expect(header, `kop herhaald op pagina ${p + 1}`).toBeDefined();
        expect(texts.some((i) => i.y < header!.y - 5), `rij onder de kop op pagina ${p + 1}`).toBe(true);
      }
      // A header row is never the last thing on a page.
      const lowest = texts[texts.length - 1]!;
      expect(['Wat', 'Wie', 'Wanneer', 'Status', 'Afgesproken']).not.toContain(lowest.str);
    }
  });

  it('is tagged for accessibility: PDF/UA, THead/TBody, Scope, bookmarks, Figures with Alt', async () => {
    const pdf = await renderSessionReport(stressSessionData(), { pseudonymise: false, fontsDir, now });
    const raw = rawPdfText(pdf);
    expect(raw).toContain('pdfuaid:part');
    expect(raw).toContain('/S /THead');
    expect(raw).toContain('/S /TBody');
    expect(raw).toMatch(/\/Scope \/Column/);
    expect(raw).toContain('/Outlines');
    expect(raw).toMatch(/\/Title \(In het kort\)|\/Title <feff/);
    expect(raw).toMatch(/\/S \/Figure[\s\S]{0,200}\/Alt/);
  });
});
