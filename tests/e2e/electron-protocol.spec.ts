// The built renderer served by the app:// handler Electron installs
// (src/main/shell/renderer-files.ts), in real Chromium: every static request
// is answered by that handler, with its content types and CSP header, so a
// missing type (module scripts need a JavaScript type, the pdf.js worker too)
// or a CSP that breaks the app shows here, not first on a user's machine.
// The API still goes through the harness (the preload's stand-in).

import fs from 'node:fs';
import { bridgeScriptPath } from '../harness/server';
import { createRendererHandler } from '../../src/main/shell/renderer-files';
import { repoRoot } from '../helpers/temp';
import { expect, test } from './fixtures';
import path from 'node:path';

test('the renderer works when every file comes from the app:// handler with its CSP header', async ({ page, harness }) => {
  const handler = createRendererHandler(path.join(repoRoot, 'out', 'renderer'));
  const served: { path: string; status: number; type: string | null; csp: string | null }[] = [];
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pagina-fout: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(harness.url) && !r.url().startsWith('data:')) problems.push(`netwerkverzoek: ${r.url()}`);
  });
  await page.route(`${harness.url}**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/') || url.pathname === '/events') return route.fallback();
    const res = await handler(new Request(`app://sessiewijzer${url.pathname}`, { method: route.request().method() }));
    served.push({ path: url.pathname, status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy') });
    await route.fulfill({
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: Buffer.from(await res.arrayBuffer()),
    });
  });
  await page.addInitScript({ path: bridgeScriptPath });
  await page.goto(harness.url);

  await expect(page.getByRole('heading', { name: 'Welkom bij Sessiewijzer' })).toBeVisible();
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await expect(page.getByRole('heading', { name: 'Eerste keer?' })).toBeHidden();

  // A deck: reveal.js, the theme and the bundled fonts.
  await page.getByRole('link', { name: 'Modules' }).click();
  await page.getByRole('link', { name: 'Prestatiedruk en schoolstress' }).click();
  await expect(page.locator('.reveal[data-ready="true"]')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"'))).toBe(true);

  // The report preview: pdf.js and its module worker.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trajecten' }).click();
  await page.getByRole('table').getByRole('link').first().click();
  const trajectory = page.getByRole('region', { name: 'Trajectverslag' });
  await trajectory.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(trajectory.getByRole('img', { name: /Trajectverslag, pagina 1 van \d+/ })).toBeVisible();

  const html = fs.readFileSync(path.join(repoRoot, 'out', 'renderer', 'index.html'), 'utf8');
  expect(html).toContain('./assets/');
  expect(served.map((s) => s.path)).toEqual(expect.arrayContaining(['/', expect.stringMatching(/\.js$/), expect.stringMatching(/\.css$/), expect.stringMatching(/\.woff2$/), expect.stringMatching(/pdf\.worker.*\.mjs$/)]));
  for (const s of served) {
    expect(s.status, s.path).toBe(200);
    expect(s.csp, s.path).toContain("default-src 'none'");
    expect(s.type, s.path).not.toBe('application/octet-stream');
  }
  expect(problems, 'console-fouten of netwerkverzoeken').toEqual([]);
});
