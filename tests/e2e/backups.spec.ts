// Reservekopieën on the start screen, in Chromium against the real core:
// make one, restore a listed one, and a damaged database refused at start
// with the restore offered right there.

import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { bridgeScriptPath, startHarness } from '../harness/server';
import { createBackup } from '../../src/main/services/backup';
import { tempDir } from '../helpers/temp';

test('makes a backup to a chosen file and restores a listed one', async ({ app, harness }) => {
  const core = harness.core;
  const org = await core.handlers['organisations:create']({ name: 'Stichting Sint-Jan', kind: 'stichting' });
  await createBackup(core.db, core.paths.backupsDir, 'voor-wissen', new Date());
  await core.handlers['organisations:create']({ name: 'Na de reservekopie', kind: 'ggd' });
  await app.reload();

  const panel = app.getByRole('region', { name: 'Reservekopieën' });
  await expect(panel.getByRole('cell', { name: 'vóór het wissen van een deelnemer' })).toBeVisible();
  await panel.getByRole('button', { name: 'Reservekopie maken' }).click();
  await expect(panel.getByRole('status')).toContainText('Reservekopie opgeslagen');
  expect(harness.saved).toHaveLength(1);
  expect(fs.statSync(harness.saved[0]!).size).toBeGreaterThan(0);

  for (const size of [
    { width: 1024, height: 640 },
    { width: 1280, height: 800 },
  ]) {
    await app.setViewportSize(size);
    await panel.scrollIntoViewIfNeeded();
    await app.screenshot({ path: `tests/artifacts/backups-${size.width}.png`, fullPage: true });
  }

  await panel.getByRole('button', { name: /^Terugzetten: reservekopie van/ }).click();
  await app.getByRole('alertdialog').getByRole('button', { name: 'Terugzetten' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Teruggezet' })).toBeVisible();
  const names = (await harness.core.handlers['organisations:list'](undefined)).map((o) => o.name);
  expect(names).toEqual([org.name]);
  // The safety copy of the database before the restore is listed now.
  await expect(panel.getByRole('cell', { name: 'vóór het terugzetten van een reservekopie' })).toBeVisible();
});

test('a damaged database is refused at start, with the restore offered right there', async ({ page }) => {
  const { dir, cleanup } = tempDir();
  try {
    let h = await startHarness({ dataDir: dir });
    await h.core.handlers['organisations:create']({ name: 'Stichting Bosch', kind: 'stichting' });
    await createBackup(h.core.db, h.core.paths.backupsDir, 'dagelijks', new Date());
    await h.close();
    const file = path.join(dir, 'sessiewijzer.sqlite');
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0, pageSize * 2, pageSize * 2 + 100);
    fs.writeFileSync(file, bytes);
    for (const s of ['-wal', '-shm']) fs.rmSync(`${file}${s}`, { force: true });

    h = await startHarness({ dataDir: dir });
    try {
      await page.addInitScript({ path: bridgeScriptPath });
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.goto(h.url);
      await expect(page.getByRole('heading', { name: 'De database kan niet worden geopend' })).toBeVisible();
      await expect(page.getByRole('alert').first()).toContainText('beschadigd');
      await page.screenshot({ path: 'tests/artifacts/backups-beschadigd-1024.png', fullPage: true });
      await page.getByRole('button', { name: /^Terugzetten: reservekopie van/ }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Terugzetten' }).click();
      await expect(page.getByRole('heading', { name: 'Welkom bij Sessiewijzer' })).toBeVisible();
      await expect(page.getByRole('status')).toContainText('Teruggezet');
      expect((await h.core.handlers['organisations:list'](undefined)).map((o) => o.name)).toEqual(['Stichting Bosch']);
    } finally {
      await h.close();
    }
  } finally {
    cleanup();
  }
});
