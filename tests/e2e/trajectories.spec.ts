// Trajecten through the real renderer in Chromium with the real core: an
// organisation with three schools, participants imported from CSV (a bad
// file imports nothing), a trajectory with meetings, stappenplan, actions and
// attendance, the matrix with rates and its export, AVG erasure and export,
// and the retention preview.

import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { dispatch } from '../../src/main/ipc/dispatch';
import { repoRoot } from '../helpers/temp';

const SCHOOLS = ['Basisschool De Linde', 'Het Baken College', 'Kindcentrum De Wilg'];

const GOOD_CSV = [
  'naam;school;rol;email',
  'Noëlle Bakker;Basisschool De Linde;zorgcoördinator;noelle@example.nl',
  'Daniël Öztürk;Basisschool De Linde;docent;',
  'Fatima el Amrani;Het Baken College;schoolleiding;fatima@example.nl',
  'Joris de Vries;Het Baken College;Gezonde School-coördinator;',
  'Saskia Jansen;Kindcentrum De Wilg;docent/mentor;',
  'Pieter Smit;Kindcentrum De Wilg;schoolpsycholoog;',
].join('\r\n');

const BAD_CSV = [
  'naam;school;rol;email',
  'Noëlle Bakker;Basisschool De Linde;zorgcoördinator;noelle@example.nl',
  ';Het Baken College;docent;',
  'Karel Appel;De Onbekende School;conciërge;karel@',
].join('\n');

const artifacts = path.join(repoRoot, 'tests', 'artifacts');

test('a trajectory with three schools: CSV import, meetings, attendance matrix, erasure and retention', async ({ app, harness }) => {
  fs.mkdirSync(artifacts, { recursive: true });
  const call = async (channel: string, input: unknown) => {
    const envelope = await dispatch(harness.core.handlers, channel, input);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as never;
  };
  const participantCount = () =>
    (harness.core.db.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n;

  await app.getByRole('button', { name: 'Nee, ik begin leeg' }).click();

  // Groepen: the organisation, three schools and a kernteam.
  await app.getByRole('link', { name: 'Groepen' }).click();
  await app.getByLabel('Naam', { exact: true }).fill('Scholengroep Rivierenland');
  await app.getByLabel('Soort').first().selectOption({ index: 0 });
  await app.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await expect(app.getByRole('button', { name: /Scholengroep Rivierenland/ })).toBeVisible();
  for (const school of SCHOOLS) {
    await app.getByLabel('Naam school').fill(school);
    await app.getByRole('button', { name: 'School toevoegen' }).click();
    await expect(app.getByRole('listitem').filter({ hasText: school })).toBeVisible();
  }
  await app.getByLabel('Naam groep').fill('Kernteam Rivierenland');
  await app.getByRole('button', { name: 'Groep toevoegen' }).click();
  await expect(app.getByRole('button', { name: /Kernteam Rivierenland/ })).toBeVisible();

  // A bad CSV: row-level Dutch errors, nothing imported.
  const badFile = path.join(harness.dataDir, 'deelnemers-fout.csv');
  fs.writeFileSync(badFile, BAD_CSV);
  harness.setOpenPath(badFile);
  await app.getByRole('button', { name: 'CSV-bestand kiezen…' }).click();
  const preview = app.getByLabel('Voorbeeld van de import');
  await expect(preview.getByRole('alert')).toContainText('Er is niets ingelezen');
  await expect(preview.getByRole('alert')).toContainText('Regel 3: naam is leeg');
  await expect(preview.getByRole('alert')).toContainText('Regel 4: onbekende school "De Onbekende School"');
  await expect(preview.getByRole('alert')).toContainText('Regel 4: onbekende rol "conciërge"');
  await expect(preview.getByRole('button', { name: /inlezen$/ })).toHaveCount(0);
  await app.screenshot({ path: path.join(artifacts, 'trajecten-import-fouten.png'), fullPage: true });
  expect(participantCount()).toBe(0);

  // A file that is not UTF-8 gets a Dutch message.
  const latin1 = path.join(harness.dataDir, 'latin1.csv');
  fs.writeFileSync(latin1, Buffer.from('naam;rol\nNo\xeblle;docent\n', 'latin1'));
  harness.setOpenPath(latin1);
  await app.getByRole('button', { name: 'CSV-bestand kiezen…' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'geen UTF-8-tekst' })).toBeVisible();

  // The good file: preview, then import into the kernteam.
  const goodFile = path.join(harness.dataDir, 'deelnemers.csv');
  fs.writeFileSync(goodFile, `\uFEFF${GOOD_CSV}`);
  harness.setOpenPath(goodFile);
  await app.getByRole('button', { name: 'CSV-bestand kiezen…' }).click();
  await expect(preview).toContainText('Voorbeeld van deelnemers.csv: 6 regels');
  await app.getByRole('button', { name: '6 deelnemers inlezen' }).click();
  await expect(app.getByRole('status').filter({ hasText: '6 deelnemers ingelezen en toegevoegd aan Kernteam Rivierenland' })).toBeVisible();
  await expect(app.getByRole('cell', { name: 'Pieter Smit', exact: true })).toBeVisible();
  await expect(app.getByRole('checkbox', { name: 'Pieter Smit in groep' })).toBeChecked();
  expect(participantCount()).toBe(6);

  // Search and filter the participants.
  await app.getByLabel('Zoek deelnemer').fill('smit');
  await expect(app.getByRole('cell', { name: 'Pieter Smit', exact: true })).toBeVisible();
  await expect(app.getByRole('cell', { name: 'Noëlle Bakker', exact: true })).toBeHidden();
  await app.getByLabel('Zoek deelnemer').fill('');
  await app.getByLabel('Filter op school').selectOption({ label: 'Het Baken College' });
  await expect(app.getByRole('cell', { name: 'Fatima el Amrani', exact: true })).toBeVisible();
  await expect(app.getByRole('cell', { name: 'Pieter Smit', exact: true })).toBeHidden();
  await app.getByLabel('Filter op school').selectOption({ label: 'Alle scholen' });

  // CSV export of the participants goes through main's save dialog.
  await app.getByRole('button', { name: 'Exporteren (CSV)' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Opgeslagen in' })).toBeVisible();
  const participantsCsv = fs.readFileSync(harness.saved.at(-1)!, 'utf8');
  expect(participantsCsv).toContain('Daniël Öztürk');

  // Trajecten: capacity 1 for this season, a trajectory, and a second one on the waiting list.
  await app.getByRole('link', { name: 'Trajecten' }).click();
  await expect(app.getByRole('heading', { name: 'Trajecten', level: 1 })).toBeVisible();
  const capacityPanel = app.getByRole('region', { name: 'Capaciteit per seizoen' });
  await capacityPanel.getByLabel('Aantal trajecten').fill('1');
  await capacityPanel.getByRole('button', { name: 'Opslaan' }).click();
  await expect(capacityPanel).toContainText('0 van 1 plaatsen bezet');

  const form = app.getByRole('region', { name: 'Nieuw traject' });
  await form.getByLabel('Organisatie').selectOption({ label: 'Scholengroep Rivierenland' });
  await form.getByLabel('Groep of kernteam').selectOption({ label: 'Kernteam Rivierenland (6 leden)' });
  await form.getByLabel('Naam traject').fill('Scholengroepbegeleiding Rivierenland');
  await form.getByRole('checkbox').nth(0).check();
  await form.getByRole('checkbox').nth(1).check();
  await form.getByRole('button', { name: 'Traject aanmaken' }).click();
  await expect(app.getByRole('heading', { name: 'Scholengroepbegeleiding Rivierenland' })).toBeVisible();
  const trajectoryUrl = app.url();

  await app.getByRole('link', { name: '← Alle trajecten' }).click();
  await form.getByLabel('Organisatie').selectOption({ label: 'Scholengroep Rivierenland' });
  await form.getByLabel('Naam traject').fill('Tweede traject');
  await form.getByRole('button', { name: 'Traject aanmaken' }).click();
  await expect(form.getByRole('status')).toContainText(/wachtlijst/i);
  await expect(capacityPanel).toContainText('Vol = vol: 1 van 1 plaatsen bezet. 1 op de wachtlijst.');
  await app.getByRole('region', { name: 'Alle trajecten' }).getByLabel('Status').selectOption({ label: 'Wachtlijst' });
  await expect(app.getByRole('link', { name: 'Tweede traject' })).toBeVisible();
  await expect(app.getByRole('link', { name: 'Scholengroepbegeleiding Rivierenland' })).toBeHidden();

  // Interest: one registration long ago (for retention) and one on the waiting list.
  const interest = app.getByRole('region', { name: 'Aanmeldingen' });
  await interest.getByText('Nieuwe aanmelding').click();
  await interest.getByLabel('Naam organisatie').fill('Stichting Oud');
  await interest.getByLabel('Contactpersoon', { exact: true }).fill('Anna Oud');
  await interest.getByLabel('Ontvangen op').fill('2015-01-10');
  await interest.getByLabel('Deadline', { exact: true }).fill('2015-02-01');
  await interest.getByRole('button', { name: 'Aanmelding opslaan' }).click();
  await expect(interest.getByRole('row').filter({ hasText: 'Anna Oud' })).toContainText('verlopen');
  await interest.getByLabel('Naam organisatie').fill('Samenwerkingsverband Noord');
  await interest.getByLabel('Contactpersoon', { exact: true }).fill('Bram Noord');
  await interest.getByLabel('Ontvangen op').fill('2026-11-01');
  await interest.getByLabel('Deadline', { exact: true }).fill('2026-12-15');
  await interest.getByRole('button', { name: 'Aanmelding opslaan' }).click();
  await interest.getByRole('button', { name: 'Samenwerkingsverband Noord: op wachtlijst' }).click();
  await expect(interest.getByRole('row').filter({ hasText: 'Samenwerkingsverband Noord' })).toContainText('Wachtlijst');

  // The trajectory: three meetings planned from its detail.
  await app.goto(trajectoryUrl);
  await expect(app.getByText(SCHOOLS.join(', '))).toBeVisible();
  const plan = app.getByRole('form', { name: 'Bijeenkomst plannen' });
  for (const date of ['2026-09-15', '2026-10-13', '2026-11-10']) {
    await plan.getByLabel('Module van de bijeenkomst').selectOption({ index: 1 });
    await plan.getByLabel('Datum bijeenkomst').fill(date);
    await plan.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
    await expect(app.getByRole('region', { name: 'Bijeenkomsten' }).getByRole('row')).toHaveCount(
      ['2026-09-15', '2026-10-13', '2026-11-10'].indexOf(date) + 2,
    );
  }

  // Attendance: the first session in the session screen, the rest through the channels.
  const people = new Map(
    (harness.core.db.prepare('SELECT id, name FROM participants').all() as { id: number; name: string }[]).map((p) => [p.name, p.id]),
  );
  const sessionIds = (harness.core.db.prepare('SELECT id FROM sessions ORDER BY date').all() as { id: number }[]).map((s) => s.id);
  await app.getByRole('region', { name: 'Bijeenkomsten' }).getByRole('link').first().click();
  await app.getByRole('radio', { name: 'Noëlle Bakker: Aanwezig' }).click();
  await app.getByRole('radio', { name: 'Daniël Öztürk: Te laat' }).click();
  await app.getByRole('radio', { name: 'Fatima el Amrani: Aanwezig' }).click();
  await app.getByRole('radio', { name: 'Joris de Vries: Afwezig' }).click();
  await app.getByRole('radio', { name: 'Saskia Jansen: Aanwezig' }).click();
  await app.getByRole('radio', { name: 'Pieter Smit: Afgemeld' }).click();
  const marks: [string, string][] = [
    ['Noëlle Bakker', 'aanwezig'],
    ['Daniël Öztürk', 'afwezig'],
    ['Fatima el Amrani', 'aanwezig'],
    ['Joris de Vries', 'aanwezig'],
    ['Saskia Jansen', 'aanwezig'],
    ['Pieter Smit', 'aanwezig'],
  ];
  for (const sessionId of sessionIds.slice(1)) {
    for (const [name, status] of marks) await call('attendance:set', { sessionId, participantId: people.get(name), status });
  }

  await app.goto(trajectoryUrl);
  const matrix = app.getByRole('table', { name: 'Aanwezigheid per deelnemer' });
  await expect(matrix.getByRole('row').filter({ hasText: 'Noëlle Bakker' })).toContainText('100% (3/3)');
  await expect(matrix.getByRole('row').filter({ hasText: 'Daniël Öztürk' })).toContainText('33% (1/3)');
  await expect(matrix.getByRole('row').filter({ hasText: 'Joris de Vries' })).toContainText('67% (2/3)');
  await expect(matrix.getByRole('row').filter({ hasText: 'Pieter Smit' })).toContainText('67% (2/3)');
  const perSchool = app.getByRole('table', { name: 'Aanwezigheid per school' });
  await expect(perSchool.getByRole('row').filter({ hasText: 'Basisschool De Linde' })).toContainText('67% (4/6)');
  await expect(perSchool.getByRole('row').filter({ hasText: 'Totaal' })).toContainText('78% (14/18)');

  // Stappenplan: a step done for one school, with a note.
  const steps = app.getByRole('region', { name: 'Stappenplan per school' });
  await steps.getByRole('button', { name: 'Het Baken College' }).click();
  await steps.getByRole('checkbox', { name: 'Draagvlak creëren gedaan (Het Baken College)' }).check();
  await steps.getByLabel('Datum Draagvlak creëren (Het Baken College)').fill('2026-10-01');
  await steps.getByLabel('Notitie Draagvlak creëren (Het Baken College)').fill('Besproken in de teamvergadering');
  await steps.getByLabel('Notitie Draagvlak creëren (Het Baken College)').blur();
  await expect(steps.getByRole('row').filter({ hasText: 'Draagvlak creëren' })).toContainText('✓ 1 okt. 2026');
  await expect(steps.getByRole('columnheader', { name: /Het Baken College/ })).toContainText('1 van 8');

  // Actions: wat, wie, wanneer; the status changes in place.
  const actions = app.getByRole('region', { name: 'Acties' });
  await actions.getByLabel('Wat').fill('Leerlingenpanel organiseren');
  await actions.getByLabel('Wie').fill('Kernteam Het Baken');
  await actions.getByLabel('Wanneer').fill('2026-12-01');
  await actions.getByLabel('School (actie)').selectOption({ label: 'Het Baken College' });
  await actions.getByLabel('Stap').selectOption({ label: 'Behoeften en situatie in kaart brengen' });
  await actions.getByRole('button', { name: 'Actie toevoegen' }).click();
  await expect(actions.getByRole('cell', { name: 'Leerlingenpanel organiseren', exact: true })).toBeVisible();
  await actions.getByLabel('Status van Leerlingenpanel organiseren').selectOption({ label: 'Bezig' });
  await expect
    .poll(() => (harness.core.db.prepare("SELECT status FROM actions WHERE what = 'Leerlingenpanel organiseren'").get() as { status: string }).status)
    .toBe('bezig');

  await app.screenshot({ path: path.join(artifacts, 'trajecten-detail.png'), fullPage: true });

  // Export the matrix as CSV through the save dialog.
  await app.getByRole('region', { name: 'Aanwezigheid' }).getByRole('button', { name: 'Exporteren (CSV)' }).click();
  await expect(app.getByRole('region', { name: 'Aanwezigheid' }).getByText('Opgeslagen in')).toBeVisible();
  const matrixCsv = fs.readFileSync(harness.saved.at(-1)!, 'utf8');
  expect(matrixCsv).toContain('Joris de Vries');

  // AVG: export one person's data, then erase them; the name is gone from the screens.
  await app.getByRole('link', { name: 'Groepen' }).click();
  await app.getByRole('button', { name: 'Gegevens exporteren (JSON) van Joris de Vries' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Opgeslagen in' })).toBeVisible();
  expect(harness.saved.at(-1)).toMatch(/\.json$/);
  expect(fs.readFileSync(harness.saved.at(-1)!, 'utf8')).toContain('Joris de Vries');
  await app.getByRole('button', { name: 'Joris de Vries wissen' }).click();
  const confirm = app.getByRole('alertdialog', { name: 'Joris de Vries wissen' });
  await expect(confirm).toContainText('De naam en het e-mailadres verdwijnen uit deze lijst, uit 1 groep');
  await expect(confirm).toContainText('blijven bewaard, maar anoniem');
  await expect(confirm.getByRole('button', { name: 'Definitief wissen' })).toBeEnabled();
  await app.screenshot({ path: path.join(artifacts, 'trajecten-wissen.png'), fullPage: true });
  await confirm.getByRole('button', { name: 'Definitief wissen' }).click();
  await expect(app.getByRole('cell', { name: 'Joris de Vries', exact: true })).toBeHidden();
  await expect(app.getByRole('cell', { name: 'Fatima el Amrani', exact: true })).toBeVisible();
  await app.goto(trajectoryUrl);
  await expect(matrix.getByRole('row').filter({ hasText: 'Fatima el Amrani' })).toBeVisible();
  await expect(app.getByText('Joris de Vries', { exact: true })).toHaveCount(0);
  await expect(matrix.getByRole('row')).toHaveCount(7);

  // Retention: preview what goes, confirm, apply.
  await app.getByRole('link', { name: 'Start' }).click();
  const retention = app.getByRole('region', { name: 'Instellingen: bewaartermijn' });
  await retention.getByLabel('Bewaartermijn in jaren').fill('5');
  await retention.getByRole('button', { name: 'Bekijk wat er verdwijnt' }).click();
  const goes = retention.getByLabel('Wat er verdwijnt');
  await expect(goes).toContainText('1 aanmeldingen');
  await expect(goes).toContainText('0 sessies');
  await app.screenshot({ path: path.join(artifacts, 'trajecten-bewaartermijn.png'), fullPage: true });
  await goes.getByRole('button', { name: 'Verwijderen…' }).click();
  await retention.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
  await expect(retention.getByRole('status')).toContainText('1 aanmeldingen');
  const left = harness.core.db.prepare("SELECT count(*) AS n FROM interest_registrations WHERE contact_name = 'Anna Oud'").get() as {
    n: number;
  };
  expect(left.n).toBe(0);
});
