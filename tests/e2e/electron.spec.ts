// The app in Electron itself: what the shell tests (tests/unit/shell*.test.ts)
// can only assume, because they run against a fake `electron` module.
// Runs wherever the Electron binary is installed: `npm run smoke` (README:
// before a release). Skipped here, with the reason in the test names.

import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { AUDIENCE_CHANNELS } from '../../src/shared/audience';
import { repoRoot } from '../helpers/temp';

// Read where the electron package put its binary without requiring it: its
// index.js tries to download a missing binary, which fails on these machines.
const electronBinary = (() => {
  const dir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
})();

const skipReason = 'overgeslagen: de Electron-binary is op deze machine niet te downloaden';

async function launch(): Promise<ElectronApplication> {
  const artifacts = path.join(repoRoot, 'tests', 'artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  return electron.launch({
    executablePath: electronBinary!,
    args: [path.join(repoRoot, 'out', 'main', 'index.js')],
    env: { ...process.env, SESSIEWIJZER_DATA_DIR: fs.mkdtempSync(path.join(artifacts, 'electron-')) },
  });
}

test.describe('Electron', () => {
  test.skip(!electronBinary, skipReason);

  test('opens the Dutch start screen from app://, sandboxed, in Dutch, and refuses to leave (skipped where the Electron binary cannot be downloaded)', async () => {
    const electronApp = await launch();
    try {
      const page = await electronApp.firstWindow();
      await expect(page.getByRole('heading', { name: 'Welkom bij Sessiewijzer' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/sessiewijzer\/index\.html/);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
      // The lang switch: Chromium's own UI (date pickers) follows Dutch.
      expect(await page.evaluate(() => navigator.language)).toMatch(/^nl/);
      // The CSP header arrived with the page: 'self' is app://sessiewijzer, not the disk.
      expect(await page.evaluate(() => fetch('file:///etc/hosts').then(() => 'geladen', () => 'geweigerd'))).toBe('geweigerd');
      // No popups, no navigation away.
      expect(await page.evaluate(() => window.open('https://example.invalid/') === null)).toBe(true);
      await page.evaluate(() => {
        window.location.href = 'https://example.invalid/';
      });
      expect(await page.evaluate(() => window.location.href)).toMatch(/^app:\/\/sessiewijzer\//);
      expect(electronApp.windows()).toHaveLength(1);
    } finally {
      await electronApp.close();
    }
  });

  test('the audience window gets only its own small bridge (skipped where the Electron binary cannot be downloaded)', async () => {
    const electronApp = await launch();
    try {
      const page = await electronApp.firstWindow();
      await expect(page.getByRole('heading', { name: 'Welkom bij Sessiewijzer' })).toBeVisible();
      const sessionId = await page.evaluate(async () => {
        const bridge = (window as unknown as { sessiewijzer: { invoke: Record<string, (i?: unknown) => Promise<{ ok: boolean; value: any }>> } }).sessiewijzer;
        await bridge.invoke['demo:load']!();
        const sessions = await bridge.invoke['sessions:list']!();
        return sessions.value[0].id as number;
      });
      const opened = electronApp.waitForEvent('window');
      await page.evaluate((id) => {
        const bridge = (window as unknown as { sessiewijzer: { invoke: Record<string, (i?: unknown) => Promise<unknown>> } }).sessiewijzer;
        return bridge.invoke['audience:open']!({ sessionId: id, displayId: null });
      }, sessionId);
      const audience = await opened;
      await expect(audience.locator('.presenting')).toBeAttached();
      expect(audience.url()).toBe(`app://sessiewijzer/index.html#/publiek/${sessionId}`);
      const channels = await audience.evaluate(() =>
        Object.keys((window as unknown as { sessiewijzer: { invoke: object } }).sessiewijzer.invoke).sort(),
      );
      expect(channels).toEqual([...AUDIENCE_CHANNELS].sort());
    } finally {
      await electronApp.close();
    }
  });
});
