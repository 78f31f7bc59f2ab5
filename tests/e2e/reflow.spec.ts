// Screens that fit (WCAG 1.4.10 reflow): every screen at 1024×640, 1280×800,
// 1920×1080 and at 200% zoom of 1280×800, with no horizontal scroll and no
// control cut off. Presenting (presenter and audience view) is tested apart.
//
// 200% zoom is emulated as a 640×400 CSS-pixel viewport with device scale
// factor 2. That is what browser zoom does to layout: the CSS viewport halves,
// media queries and vw units follow, and pixels are doubled. CSS `zoom` on the
// root would leave the viewport and media queries at 1280 px and test another
// thing; deviceScaleFactor alone changes only sharpness, not layout.

import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { Harness } from '../harness/server';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';

async function call<C extends Channel>(h: Harness, channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await dispatch(h.core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ChannelResult<C>;
}

const SIZES = [
  { name: '1024x640', viewport: { width: 1024, height: 640 }, deviceScaleFactor: 1 },
  { name: '1280x800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
  { name: 'zoom200-1280x800', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
];

/** Demo data plus trap data: long names everywhere a name shows. */
async function seed(h: Harness) {
  await call(h, 'demo:load');
  const org = await call(h, 'organisations:create', {
    name: 'Stichting Katholiek Primair en Voortgezet Onderwijs Sint-Jan en Omstreken (regio Noord-Holland Noord)',
    kind: 'stichting',
  });
  const school = await call(h, 'schools:create', { organisationId: org.id, name: 'Basisschool De Regenboog, locatie Małgorzata Kowalczyk-laan', sector: 'po' });
  const group = await call(h, 'groups:create', { organisationId: org.id, name: 'Kernteam Welbevinden Sint-Jan en Anouks werkgroep (locatie Noord)', kind: 'kernteam' });
  for (const name of ['İlker Güneş', 'Małgorzata Wiśniewska-Kowalczyk', 'Jan', 'Bo']) {
    const p = await call(h, 'participants:create', { organisationId: org.id, schoolId: school.id, name, role: 'zorgcoördinator' });
    await call(h, 'groups:addMember', { groupId: group.id, participantId: p.id });
  }
  const session = await call(h, 'sessions:create', {
    groupId: group.id,
    moduleId: 'prestatiedruk',
    date: '2026-11-25',
    location: 'Aula van de hoofdlocatie aan de Burgemeester van Oldenbarneveltstraat',
    facilitator: 'Małgorzata Wiśniewska-Kowalczyk',
  });
  // Attendance taken: the meeting has happened, so the session screen offers its report (a planned
  // meeting offers the agenda and presentielijst instead).
  await call(h, 'attendance:allPresent', { sessionId: session.id });
  const { trajectory } = await call(h, 'trajectories:create', {
    organisationId: org.id,
    groupId: group.id,
    name: 'Traject Welbevinden Sint-Jan en Omstreken, schooljaar 2026-2027 (tweede ronde)',
    season: '2026-2027',
  });
  return { sessionId: session.id, trajectoryId: trajectory.id };
}

interface Problem {
  what: string;
  control: string;
}

/** Measures the page: document width and every visible control's box against viewport and clipping ancestors. */
function measure(page: Page): Promise<{ docWidth: number; viewport: number; problems: Problem[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const problems: { what: string; control: string }[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.getAttribute('name') ?? '').trim().slice(0, 50)}"`;
    const controls = document.querySelectorAll('button, a[href], input, select, textarea, summary, [role="button"], [tabindex="0"]');
    for (const el of controls) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Off screen on purpose (the skip link until focused).
      if (r.bottom <= 0) continue;
      if (r.left < -1 || r.right > viewport + 1) {
        problems.push({ what: `buiten beeld (${Math.round(r.left)}–${Math.round(r.right)} van ${viewport})`, control: describe(el) });
        continue;
      }
      // Clipped by an ancestor that hides overflow (a scroll container is fine: it can be scrolled).
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        const hidesX = s.overflowX === 'hidden' || s.overflowX === 'clip';
        const hidesY = s.overflowY === 'hidden' || s.overflowY === 'clip';
        if (!hidesX && !hidesY) continue;
        const b = a.getBoundingClientRect();
        if ((hidesX && (r.left < b.left - 1 || r.right > b.right + 1)) || (hidesY && (r.top < b.top - 1 || r.bottom > b.bottom + 1))) {
          problems.push({ what: `afgesneden door ${a.tagName.toLowerCase()}.${a.className}`, control: describe(el) });
          break;
        }
      }
    }
    return { docWidth: document.documentElement.scrollWidth, viewport, problems };
  });
}

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test('every screen fits: no horizontal scroll, no control cut off', async ({ app, harness }) => {
      test.setTimeout(120_000);
      const { sessionId, trajectoryId } = await seed(harness);
      const dir = `tests/artifacts/reflow/${size.name}`;
      fs.mkdirSync(dir, { recursive: true });
      const screens: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
        { name: 'start', path: '', ready: (p) => expect(p.getByRole('region', { name: 'Komende sessies' })).toBeVisible() },
        { name: 'modules', path: 'modules', ready: (p) => expect(p.getByRole('link', { name: 'Prestatiedruk en schoolstress' }).first()).toBeVisible() },
        {
          name: 'module-voorbeeld',
          path: 'modules/prestatiedruk',
          ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'Prestatiedruk en schoolstress' }).first()).toBeVisible(),
        },
        { name: 'groepen', path: 'groepen', ready: (p) => expect(p.getByRole('region', { name: 'Groepen en kernteams' })).toBeVisible() },
        { name: 'sessies', path: 'sessies', ready: (p) => expect(p.getByRole('region', { name: 'Sessie plannen' }).getByLabel('Groep')).toBeVisible() },
        {
          name: 'sessie',
          path: `sessies/${sessionId}`,
          ready: async (p) => {
            const report = p.getByRole('region', { name: 'Sessieverslag' });
            await report.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
            await expect(report.getByRole('img', { name: /Sessieverslag, pagina 1 van \d+/ })).toBeVisible({ timeout: 20_000 });
          },
        },
        { name: 'trajecten', path: 'trajecten', ready: (p) => expect(p.getByRole('region', { name: 'Alle trajecten' }).locator('tbody tr').first()).toBeVisible() },
        {
          name: 'traject',
          path: `trajecten/${trajectoryId}`,
          ready: async (p) => {
            const report = p.getByRole('region', { name: 'Trajectverslag' });
            await report.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
            await expect(report.getByRole('img', { name: /Trajectverslag, pagina 1 van \d+/ })).toBeVisible({ timeout: 20_000 });
          },
        },
      ];
      const failures: string[] = [];
      for (const screen of screens) {
        await app.goto(`${harness.url}#/${screen.path}`);
        await screen.ready(app);
        await app.screenshot({ path: `${dir}/${screen.name}.png`, fullPage: true });
        const { docWidth, viewport, problems } = await measure(app);
        if (docWidth > viewport) failures.push(`${screen.name}: pagina is ${docWidth}px breed, venster ${viewport}px`);
        for (const p of problems) failures.push(`${screen.name}: ${p.control} ${p.what}`);
      }
      expect(failures).toEqual([]);
    });
  });
}
