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
  await panel.getByRole('checkbox', { name: /^Namen weglaten/ }).check();
  await expect(panel.getByRole('checkbox', { name: 'Naam van de begeleider tonen' })).not.toBeChecked();
  await panel.getByRole('checkbox', { name: 'Volgende bijeenkomst' }).uncheck();
  await panel.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(panel.getByRole('img', { name: /Sessieverslag, pagina 1 van \d+/ })).toBeVisible();
  await panel.getByRole('img', { name: /Sessieverslag, pagina 1 van \d+/ }).screenshot({ path: 'tests/artifacts/reports/voorbeeld-sessieverslag.png' });

  const before = harness.saved.length;
  await panel.getByRole('button', { name: 'Sessieverslag als PDF opslaan…' }).click();
  // Pseudonymised: words that still look like a name are listed first (or it saves straight away).
  const review = panel.getByRole('region', { name: 'Controle op namen' });
  const status = panel.getByRole('status').filter({ hasText: 'Sessieverslag opgeslagen' });
  await expect(review.or(status)).toBeVisible();
  if (await review.isVisible()) {
    await review.screenshot({ path: 'tests/artifacts/reports/controle-op-namen.png' });
    await review.getByRole('button', { name: 'Opslaan met deze keuzes…' }).click();
  }
  await expect(status).toBeVisible();
  expect(harness.saved).toHaveLength(before + 1);
  const pdf = await parsePdf(fs.readFileSync(harness.saved.at(-1)!));
  expect(pdf.text).toContain('Sessieverslag');
  for (const name of ['Anouk de Vries', 'Noëlle Bakker', 'Daniël Öztürk']) expect(pdf.text).not.toContain(name);
  expect(pdf.text).not.toContain('Volgende bijeenkomst');

  await panel.getByRole('button', { name: 'Resultaten als CSV opslaan…' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Resultaten opgeslagen als CSV' })).toBeVisible();
  expect(fs.readFileSync(harness.saved.at(-1)!, 'utf8')).toMatch(/;/);

  // The report identity: organisation and contact on every first page.
  await panel.getByText('Instellingen voor verslagen').click();
  const settings = panel.getByRole('form', { name: 'Instellingen voor verslagen' });
  await settings.getByLabel('Organisatie van de begeleider').fill('GGD Noorderland');
  await settings.getByLabel('Contactgegevens').fill('Eva Bos, 06-12345678');
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await expect(settings.getByRole('status')).toHaveText('Opgeslagen.');
  await settings.screenshot({ path: 'tests/artifacts/reports/instellingen-verslagen.png' });

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trajecten' }).click();
  await app.getByRole('table').getByRole('link').first().click();
  const trajectory = app.getByRole('region', { name: 'Trajectverslag' });
  await trajectory.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(trajectory.getByRole('img', { name: /Trajectverslag, pagina 1 van \d+/ })).toBeVisible();
  await trajectory.getByRole('button', { name: 'Trajectverslag als PDF opslaan…' }).click();
  await expect(trajectory.getByRole('status').filter({ hasText: 'Trajectverslag opgeslagen' })).toBeVisible();
  const report = await parsePdf(fs.readFileSync(harness.saved.at(-1)!));
  expect(report.text).toContain('Noëlle Bakker');
  expect(report.text).toContain('Opgesteld door GGD Noorderland');
  expect(report.pages).toBeGreaterThan(1);
});

test('a planned meeting offers its agenda and presentielijst instead of a report', async ({ app, harness }) => {
  await app.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sessies' }).click();
  await app.getByRole('row').filter({ hasText: 'gepland' }).first().getByRole('link').click();
  const panel = app.getByRole('region', { name: 'Agenda en presentielijst' });
  await expect(panel.getByText('nog niet geweest')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Sessieverslag als PDF opslaan…' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Agenda en presentielijst als PDF opslaan…' }).click();
  await expect(panel.getByRole('status')).toContainText('Agenda en presentielijst opgeslagen');
  const pdf = await parsePdf(fs.readFileSync(harness.saved.at(-1)!));
  expect(pdf.text).toContain('Presentielijst');
  await panel.screenshot({ path: 'tests/artifacts/reports/gepland-presentielijst.png' });
});
