// The life cycle on Trajecten (issue 11): a late registration accepted with a
// note, a free-typed one linked to a new organisation, edited and deleted with
// undo; a trajectory converted from it gets a group in its detail screen, is
// renamed and moved to another season; an action is edited and deleted with undo.

import { expect, test } from './fixtures';

test('Trajecten: late and unlinked registration completed; group-less trajectory gets a group; edits and deletes with undo', async ({ app, harness }) => {
  test.setTimeout(120_000); // one long walk through four record types on a shared 2-core machine
  const db = harness.core.db;
  await app.getByRole('link', { name: 'Trajecten' }).click();

  // A registration received after the deadline: refused unless accepted with a note.
  await app.getByText('Nieuwe aanmelding').click();
  await app.getByLabel('Naam organisatie').fill('Scholengroep Sint-Jan');
  await app.getByLabel('Contactpersoon', { exact: true }).fill('Małgorzata Kowalska');
  await app.getByLabel('Ontvangen op').fill('2026-10-05');
  await app.getByLabel('Deadline', { exact: true }).fill('2026-10-01');
  await app.getByRole('checkbox', { name: 'Na de deadline ontvangen: toch aannemen' }).check();
  await app.getByLabel('Notitie bij late aanmelding (mag leeg)').fill('Mail kwam in de spam');
  await app.getByRole('button', { name: 'Aanmelding opslaan' }).click();
  const row = app.getByRole('row', { name: /Scholengroep Sint-Jan/ });
  await expect(row).toContainText('Na de deadline (1-10-2026) ontvangen en toch aangenomen: Mail kwam in de spam');

  // Edit the registration in place.
  await row.getByRole('button', { name: 'Aanmelding Scholengroep Sint-Jan wijzigen' }).click();
  const edit = app.getByRole('form', { name: 'Aanmelding Scholengroep Sint-Jan wijzigen' });
  await edit.getByLabel('Contactpersoon', { exact: true }).fill('Anouk Jansen');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(row).toContainText('Anouk Jansen');

  // Link the free-typed organisation: created from the registration's name.
  await row.getByRole('button', { name: 'Scholengroep Sint-Jan: koppelen aan organisatie' }).click();
  await app.getByRole('form', { name: 'Scholengroep Sint-Jan koppelen' }).getByRole('button', { name: 'Koppelen' }).click();
  await expect(row.getByRole('button', { name: /koppelen aan organisatie/ })).toHaveCount(0);
  expect(db.prepare("SELECT count(*) FROM organisations WHERE name = 'Scholengroep Sint-Jan'").pluck().get()).toBe(1);

  // Convert into a trajectory: it has no group yet, and the detail screen lets you choose one.
  await row.getByRole('button', { name: 'Scholengroep Sint-Jan: omzetten in traject' }).click();
  await row.getByRole('link', { name: 'Omgezet in traject' }).click();
  await expect(app.getByText('Dit traject heeft nog geen groep.')).toBeVisible();
  await app.getByLabel('Naam nieuwe groep').fill('Kernteam Sint-Jan');
  await app.getByRole('button', { name: 'Groep koppelen' }).click();
  await expect(app.getByText('Dit traject heeft nog geen groep.')).toHaveCount(0);
  await expect(app.getByRole('form', { name: 'Bijeenkomst plannen' })).toBeVisible();
  const t = db.prepare('SELECT t.id, g.name AS groupName FROM trajectories t JOIN groups g ON g.id = t.group_id').get() as { id: number; groupName: string };
  expect(t.groupName).toBe('Kernteam Sint-Jan');

  // Rename and move the trajectory to the next season.
  await app.getByRole('button', { name: 'Traject wijzigen' }).click();
  const form = app.getByRole('form', { name: 'Traject wijzigen' });
  await form.getByLabel('Naam van het traject').fill('Anouks traject');
  const seasons = await form.getByLabel('Seizoen').locator('option').allTextContents();
  await form.getByLabel('Seizoen').selectOption(seasons[seasons.length - 1]!);
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(app.getByRole('heading', { name: 'Anouks traject' })).toBeVisible();
  expect(db.prepare('SELECT season FROM trajectories WHERE id = ?').pluck().get(t.id)).toBe(seasons[seasons.length - 1]);

  // An action: add, edit, delete with undo.
  await app.getByLabel('Wat', { exact: true }).fill('Vragenlijst uitzetten');
  await app.getByRole('button', { name: 'Actie toevoegen' }).click();
  await app.getByRole('button', { name: 'Actie Vragenlijst uitzetten wijzigen' }).click();
  const actionForm = app.getByRole('form', { name: 'Actie Vragenlijst uitzetten wijzigen' });
  await actionForm.getByLabel('Wat').fill('Vragenlijst van Bo uitzetten');
  await actionForm.getByRole('button', { name: 'Opslaan' }).click();
  await expect(app.getByRole('cell', { name: 'Vragenlijst van Bo uitzetten', exact: true })).toBeVisible();
  await app.getByRole('button', { name: 'Actie Vragenlijst van Bo uitzetten verwijderen' }).click();
  await app.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(app.getByRole('cell', { name: 'Vragenlijst van Bo uitzetten', exact: true })).toHaveCount(0);
  expect(db.prepare('SELECT count(*) FROM actions').pluck().get()).toBe(0);
  await app.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(app.getByRole('cell', { name: 'Vragenlijst van Bo uitzetten', exact: true })).toBeVisible();
  expect(db.prepare('SELECT count(*) FROM actions').pluck().get()).toBe(1);

  // The trajectory has an action: not deleted, archived instead; then brought back.
  await app.getByRole('button', { name: 'Traject verwijderen' }).click();
  const blocked = app.getByRole('group', { name: 'Anouks traject verwijderen?' });
  await expect(blocked).toContainText('kan niet worden verwijderd: er hangen nog 1 acties aan.');
  await blocked.getByRole('button', { name: 'Archiveren' }).click();
  // Archived from its own screen: back to the list, where it no longer shows.
  await expect(app.getByRole('heading', { name: 'Trajecten', exact: true })).toBeVisible();
  await expect(app.getByRole('link', { name: 'Anouks traject' })).toHaveCount(0);
  await app.getByText('Gearchiveerde trajecten').click();
  await app.getByRole('button', { name: 'Anouks traject terugzetten' }).click();
  await expect(app.getByRole('link', { name: 'Anouks traject' })).toBeVisible();

  // The registration is deleted and brought back.
  const reg = app.getByRole('row', { name: /Scholengroep Sint-Jan/ }).last();
  await reg.getByRole('button', { name: 'Aanmelding Scholengroep Sint-Jan verwijderen' }).click();
  await app.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(app.getByRole('cell', { name: /Anouk Jansen/ })).toHaveCount(0);
  await app.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(app.getByRole('cell', { name: /Anouk Jansen/ })).toBeVisible();
  expect(db.prepare('SELECT count(*) FROM interest_registrations').pluck().get()).toBe(1);
});
