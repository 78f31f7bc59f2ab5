// Every deck in modules/ in real Chromium at 1280×720: every slide is
// visited and must fit the slide, keep text at 28px or more with at least
// 7:1 contrast, and cause no console error or network request (fixtures).
// Screenshots of each title slide and first work-format slide are written
// to tests/artifacts/decks/ for people to look at.

import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { loadModuleLibrary } from '../../src/main/modules/load';
import { repoRoot } from '../helpers/temp';

const { modules } = loadModuleLibrary([{ path: path.join(repoRoot, 'modules'), origin: 'ingebouwd' }]);
const shots = path.join(repoRoot, 'tests', 'artifacts', 'decks');
// The care-and-safety route slides are shot too, so a reviewer sees the numbers as the room does;
// DECK_SHOTS=all shoots every slide (for content review, not for CI).
const shootAll = process.env.DECK_SHOTS === 'all';
const shootSlide = (id: string) => shootAll || id.startsWith('route-');

test.use({ viewport: { width: 1280, height: 720 } });

test('the library holds the twelve decks of the offer and the trajectory-meeting deck', () => {
  expect(modules.map((m) => m.meta.id).sort()).toEqual([
    'gelijke-kansen',
    'groepsdynamiek',
    'ingrijpende-jeugdervaringen',
    'inspiratiesessie',
    'prestatiedruk',
    'samenwerken-met-ouders',
    'signaleren',
    'sociaal-emotioneel-leren',
    'stappenplan',
    'trajectbijeenkomst',
    'verbinden-gezondheidsthemas',
    'welbevinden-schoolteam',
    'welbevinden-stageplek',
  ]);
});

interface SlideCheck {
  id: string;
  overflow: string[];
  small: string[];
  lowContrast: string[];
}

for (const module of modules) {
  test(`deck ${module.meta.id}: every slide fits 1280×720, is readable and loads nothing from the network`, async ({
    app,
  }) => {
    fs.mkdirSync(shots, { recursive: true });
    const slides = module.blocks.flatMap((b) => b.slides);
    await app.goto(`${app.url().split('#')[0]}#/voorbeeld/${module.meta.id}`);
    await expect(app.locator('.reveal[data-ready="true"]')).toBeVisible();
    await app.evaluate(() => document.fonts.ready.then(() => undefined));
    let shotFormat = false;

    for (let i = 0; i < slides.length; i++) {
      const slide = slides[i]!;
      if (i > 0) await app.keyboard.press('ArrowRight');
      const current = app.locator('.reveal section.present');
      await expect(current).toHaveAttribute('data-slide-id', slide.id);
      // Wait for the fade to end so measurements and screenshots see the slide at rest.
      await expect(current).toHaveCSS('opacity', '1');
      const check = await current.evaluate(inspectSlide);
      expect(check, `dia ${slide.id} (regel ${slide.line})`).toEqual({ id: slide.id, overflow: [], small: [], lowContrast: [] });
      if (i === 0) await app.screenshot({ path: path.join(shots, `${module.meta.id}-titel.png`) });
      else if (shootSlide(slide.id)) await app.screenshot({ path: path.join(shots, `${module.meta.id}-${slide.id}.png`) });
      if (slide.workFormat && !shotFormat) {
        shotFormat = true;
        await app.screenshot({ path: path.join(shots, `${module.meta.id}-werkvorm-${slide.workFormat.type}.png`) });
      }
    }
    expect(shotFormat).toBe(true);
  });
}

/** Runs in the page on the visible <section>. */
function inspectSlide(section: Element): SlideCheck {
  const result: SlideCheck = { id: section.getAttribute('data-slide-id') ?? '', overflow: [], small: [], lowContrast: [] };
  const box = section.getBoundingClientRect();
  // The overflow check below only means something if the section is the full 16:9 slide.
  if (Math.abs(box.height / box.width - 720 / 1280) > 0.01) result.overflow.push(`section is ${box.width}×${box.height}, not 16:9`);
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
  const background = (el: Element | null): number[] => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3]! > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const label = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;

  for (const el of section.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.top < box.top - 1) {
      result.overflow.push(label(el));
    }
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
    if (!ownText) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    if (size < 28) result.small.push(`${label(el)}: ${size}px`);
    const fg = luminance(parse(style.color).slice(0, 3));
    const bg = luminance(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 7) result.lowContrast.push(`${label(el)}: ${ratio.toFixed(1)}:1`);
  }
  return result;
}
