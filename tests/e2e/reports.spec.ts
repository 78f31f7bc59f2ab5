// Reports from the app: options, an in-app preview drawn with pdf.js, and
// saving through main's dialog; the saved PDF is parsed back.

import fs from 'node:fs';
import { test, expect } from './fixtures';
import { parsePdf } from '../helpers/pdf';

test('session and trajectory reports: sections, pseudonymised preview, save', async ({ app, harness }) => {
  await app.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sessies' }).click();
  const rows = app.getByRole('row').filter({ hasText: 'afgerond' });
  await rows.first().getByRole('link').click();

  const panel = app.getByRole('region', { name: 'Sessieverslag' });
  await panel.getByRole('checkbox', { name: 'Namen weglaten (pseudonimiseren: geen enkele deelnemersnaam in het bestand)' }).check();
  await panel.getByRole('checkbox', { name: 'Volgende bijeenkomst' }).uncheck();
  await panel.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(panel.getByRole('img', { name: /Sessieverslag, pagina 1 van \d+/ })).toBeVisible();
  await panel.getByRole('img', { name: /Sessieverslag, pagina 1 van \d+/ }).screenshot({ path: 'tests/artifacts/reports/voorbeeld-sessieverslag.png' });

  await panel.getByRole('button', { name: 'Sessieverslag als PDF opslaan…' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Sessieverslag opgeslagen' })).toBeVisible();
  const pdf = await parsePdf(fs.readFileSync(harness.saved.at(-1)!));
  expect(pdf.text).toContain('Sessieverslag');
  for (const name of ['Anouk de Vries', 'Noëlle Bakker', 'Daniël Öztürk']) expect(pdf.text).not.toContain(name);
  expect(pdf.text).not.toContain('Volgende bijeenkomst');

  await panel.getByRole('button', { name: 'Resultaten als CSV opslaan…' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Resultaten opgeslagen als CSV' })).toBeVisible();
  expect(fs.readFileSync(harness.saved.at(-1)!, 'utf8')).toMatch(/;/);

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trajecten' }).click();
  await app.getByRole('table').getByRole('link').first().click();
  const trajectory = app.getByRole('region', { name: 'Trajectverslag' });
  await trajectory.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(trajectory.getByRole('img', { name: /Trajectverslag, pagina 1 van \d+/ })).toBeVisible();
  await trajectory.getByRole('button', { name: 'Trajectverslag als PDF opslaan…' }).click();
  await expect(trajectory.getByRole('status').filter({ hasText: 'Trajectverslag opgeslagen' })).toBeVisible();
  const report = await parsePdf(fs.readFileSync(harness.saved.at(-1)!));
  expect(report.text).toContain('Noëlle Bakker');
  expect(report.pages).toBeGreaterThan(1);
});
