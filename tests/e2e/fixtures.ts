// Playwright fixtures: the harness (real core, built renderer) and a page
// with the bridge injected that fails the test on any console error, page
// error or request that leaves the harness (the app must work offline).

import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { bridgeScriptPath, startHarness, type Harness, type HarnessOptions } from '../harness/server';

export { expect };

export const test = base.extend<{ harnessOptions: HarnessOptions; harness: Harness; app: Page; problems: string[] }>({
  harnessOptions: [{}, { option: true }],
  harness: async ({ harnessOptions }, use) => {
    const harness = await startHarness(harnessOptions);
    await use(harness);
    await harness.close();
  },
  problems: async ({}, use) => {
    await use([]);
  },
  app: async ({ page, harness, problems }, use) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pagina-fout: ${e.message}`));
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(harness.url) && !url.startsWith('data:')) problems.push(`netwerkverzoek: ${url}`);
    });
    await page.addInitScript({ path: bridgeScriptPath });
    await page.goto(harness.url);
    await use(page);
    expect(problems, 'console-fouten of netwerkverzoeken').toEqual([]);
  },
});

/**
 * A window of `width`×`height` device pixels at `zoom` (200% zoom: the same window with half the CSS
 * pixels and twice the device pixels per CSS pixel), with the bridge, opened on `url`. Close its context.
 */
export async function zoomedPage(
  browser: Browser,
  size: { width: number; height: number; zoom: number },
  url: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: size.width / size.zoom, height: size.height / size.zoom },
    deviceScaleFactor: size.zoom,
  });
  const page = await context.newPage();
  await page.addInitScript({ path: bridgeScriptPath });
  await page.goto(url);
  return { context, page };
}
