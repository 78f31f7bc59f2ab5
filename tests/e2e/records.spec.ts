// The life cycle of records from their screens (issue 11): create, edit in
// place, delete with "Ongedaan maken", archive when history depends on a
// record; sessions rescheduled, cancelled, duplicated; "Iedereen aanwezig".

import { expect, test } from './fixtures';

test('Groepen: organisation, school, group and participant are edited, deleted with undo and archived', async ({ app, harness }) => {
  const db = harness.core.db;
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;

  await app.getByRole('link', { name: 'Groepen' }).click();
  await app.getByLabel('Naam', { exact: true }).fill('Stichting Sint-Jan');
  await app.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await app.getByLabel('Naam school').fill('Basisschool Sint-Jn');
  await app.getByRole('button', { name: 'School toevoegen' }).click();
  await app.getByLabel('Naam groep').fill('Kernteam');
  await app.getByRole('button', { name: 'Groep toevoegen' }).click();
  await expect(app.getByRole('button', { name: /Kernteam · kernteam/ })).toBeVisible();

  // Edit the organisation and fix the typo in the school's name.
  await app.getByRole('button', { name: 'Organisatie wijzigen' }).click();
  await app.getByLabel('Naam organisatie').fill('Stichting Sint-Jan Zuid');
  await app.getByRole('button', { name: 'Opslaan' }).click();
  await expect(app.getByRole('heading', { name: 'Stichting Sint-Jan Zuid' })).toBeVisible();
  await app.getByRole('button', { name: 'Basisschool Sint-Jn wijzigen' }).click();
  await app.getByRole('form', { name: 'Basisschool Sint-Jn wijzigen' }).getByLabel('Naam school').fill('Basisschool Sint-Jan');
  await app.getByRole('button', { name: 'Opslaan' }).click();
  await expect(app.getByRole('listitem').filter({ hasText: 'Basisschool Sint-Jan' })).toBeVisible();
  expect(count("SELECT count(*) FROM schools WHERE name = 'Basisschool Sint-Jan'")).toBe(1);

  // Participants with trap names join the selected group when added by hand.
  for (const name of ['Jan', 'Bo', 'İlker Güneş']) {
    await app.getByLabel('Naam deelnemer').fill(name);
    await app.getByLabel('Rol', { exact: true }).selectOption('intern begeleider');
    await app.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    await expect(app.getByRole('checkbox', { name: `${name} in groep` })).toBeChecked();
  }
  expect(count('SELECT count(*) FROM group_members')).toBe(3);

  // Edit a participant in place.
  await app.getByRole('button', { name: 'Bo wijzigen' }).click();
  const form = app.getByRole('form', { name: 'Bo wijzigen' });
  await form.getByLabel('Naam').fill('Bo de Wit');
  await form.getByLabel('Rol').selectOption('leerkracht');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(app.getByRole('cell', { name: 'Bo de Wit', exact: true })).toBeVisible();
  await expect(app.getByRole('row', { name: /Bo de Wit/ }).getByRole('cell', { name: 'leerkracht' })).toBeVisible();

  // Delete: the confirmation says what goes; undo brings it back with its membership.
  await app.getByRole('button', { name: 'Jan verwijderen', exact: true }).click();
  const confirm = app.getByRole('group', { name: 'Jan verwijderen?' });
  await expect(confirm).toContainText('Dit verwijdert de deelnemer Jan en 1 lidmaatschappen van groepen.');
  await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'De deelnemer Jan is verwijderd.' })).toBeVisible();
  await expect(app.getByRole('cell', { name: 'Jan', exact: true })).toHaveCount(0);
  expect(count("SELECT count(*) FROM participants WHERE name = 'Jan'")).toBe(0);
  await app.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'De deelnemer Jan is teruggezet.' })).toBeVisible();
  await expect(app.getByRole('checkbox', { name: 'Jan in groep' })).toBeChecked();
  expect(count('SELECT count(*) FROM group_members')).toBe(3);

  // Rename the group.
  await app.getByRole('button', { name: 'Groep wijzigen' }).click();
  await app.getByRole('form', { name: 'Kernteam wijzigen' }).getByLabel('Naam groep').fill('Anouks kernteam');
  await app.getByRole('button', { name: 'Opslaan' }).click();
  await expect(app.getByRole('button', { name: /Anouks kernteam · kernteam · 3 leden/ })).toBeVisible();

  // A participant with history cannot be deleted: the screen says why and offers archive.
  const [groupId, ilkerId] = [
    db.prepare("SELECT id FROM groups WHERE name = 'Anouks kernteam'").pluck().get() as number,
    db.prepare("SELECT id FROM participants WHERE name = 'İlker Güneş'").pluck().get() as number,
  ];
  const sessionId = Number(
    db.prepare("INSERT INTO sessions (group_id, module_id, module_version, module_title, date) VALUES (?, 'x', '1', 'Proef', '2026-12-01')").run(groupId)
      .lastInsertRowid,
  );
  db.prepare("INSERT INTO attendance (session_id, participant_id, status) VALUES (?, ?, 'aanwezig')").run(sessionId, ilkerId);
  await app.getByRole('button', { name: 'İlker Güneş verwijderen' }).click();
  const blocked = app.getByRole('group', { name: 'İlker Güneş verwijderen?' });
  await expect(blocked).toContainText('İlker Güneş kan niet worden verwijderd: er hangen nog 1 aanwezigheidsregistraties aan.');
  await expect(blocked.getByRole('button', { name: 'Ja, verwijderen' })).toHaveCount(0);
  await blocked.getByRole('button', { name: 'Archiveren' }).click();
  await expect(app.getByRole('cell', { name: 'İlker Güneş', exact: true })).toHaveCount(0);
  await app.getByText('Gearchiveerde deelnemers').click();
  await app.getByRole('button', { name: 'İlker Güneş terugzetten' }).click();
  await expect(app.getByRole('cell', { name: 'İlker Güneş', exact: true })).toBeVisible();
  expect(count('SELECT count(*) FROM attendance')).toBe(1);

  // The group has a session: delete is refused with the reason; a new empty group is deleted and undone.
  await app.getByLabel('Naam groep').fill('Tijdelijk');
  await app.getByRole('button', { name: 'Groep toevoegen' }).click();
  await app.getByRole('button', { name: 'Groep verwijderen' }).click();
  await app.getByRole('group', { name: 'Tijdelijk verwijderen?' }).getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(app.getByRole('button', { name: /Tijdelijk · kernteam/ })).toHaveCount(0);
  await app.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(app.getByRole('button', { name: /Tijdelijk · kernteam/ })).toBeVisible();
  expect(count("SELECT count(*) FROM groups WHERE name = 'Tijdelijk'")).toBe(1);
});

test('Groepen: select participants and add them to a group in one step', async ({ app, harness }) => {
  const org = await harness.core.handlers['organisations:create']({ name: 'Scholengroep Małgorzata', kind: 'scholengroep' });
  for (const name of ['Anouk', 'Bo', 'Jan']) {
    await harness.core.handlers['participants:create']({ organisationId: org.id, name, role: 'mentor' });
  }
  await harness.core.handlers['groups:create']({ organisationId: org.id, name: 'Mentoren', kind: 'groep' });
  await app.getByRole('link', { name: 'Groepen' }).click();
  await app.getByRole('checkbox', { name: 'Anouk kiezen' }).check();
  await app.getByRole('checkbox', { name: 'Jan kiezen' }).check();
  await app.getByRole('button', { name: '2 gekozen deelnemers toevoegen aan Mentoren' }).click();
  await expect(app.getByRole('status').filter({ hasText: '2 deelnemers toegevoegd aan Mentoren.' })).toBeVisible();
  await expect(app.getByRole('checkbox', { name: 'Anouk in groep' })).toBeChecked();
  await expect(app.getByRole('checkbox', { name: 'Jan in groep' })).toBeChecked();
  await expect(app.getByRole('checkbox', { name: 'Bo in groep' })).not.toBeChecked();
  expect(harness.core.db.prepare('SELECT count(*) FROM group_members').pluck().get()).toBe(2);
});

test('Sessies: Iedereen aanwezig, reschedule, cancel with history, duplicate as template, delete with undo', async ({ app, harness }) => {
  const h = harness.core.handlers;
  const org = await h['organisations:create']({ name: 'Stichting Sint-Jan', kind: 'stichting' });
  const group = await h['groups:create']({ organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  for (const name of ['Jan', 'Bo', 'Małgorzata']) {
    await h['participants:create']({ organisationId: org.id, name, role: 'leerkracht', groupId: group.id });
  }
  const modules = await h['modules:list'](undefined);
  const session = await h['sessions:create']({ groupId: group.id, moduleId: modules.modules[0]!.id, date: '2027-03-10', startTime: '13:30' });
  const db = harness.core.db;

  await app.goto(`${harness.url}#/sessies/${session.id}`);
  await app.getByRole('button', { name: 'Iedereen aanwezig' }).click();
  await expect(app.getByRole('heading', { name: 'Aanwezigheid (3 van 3)' })).toBeVisible();
  await app.getByRole('radio', { name: 'Bo: Afgemeld' }).click();
  await expect(app.getByRole('heading', { name: 'Aanwezigheid (2 van 3)' })).toBeVisible();
  expect(db.prepare('SELECT status FROM attendance a JOIN participants p ON p.id = a.participant_id ORDER BY p.name').pluck().all()).toEqual([
    'afgemeld',
    'aanwezig',
    'aanwezig',
  ]);

  // Reschedule to a date in the past: asks for confirmation first.
  await app.getByRole('button', { name: 'Verzetten' }).click();
  const move = app.getByRole('form', { name: 'Sessie verzetten' });
  await move.getByLabel('Nieuwe datum').fill('2027-03-17');
  await move.getByLabel('Nieuwe begintijd').fill('09:00');
  await move.getByRole('button', { name: 'Verzetten opslaan' }).click();
  await expect(app.getByText('woensdag 17 maart 2027 om 09:00')).toBeVisible();

  // Cancel: shown as cancelled, history kept, and it can be taken back.
  await app.getByRole('button', { name: 'Sessie annuleren' }).click();
  await app.getByLabel('Reden (mag leeg)').fill('Studiedag');
  await app.getByRole('button', { name: 'Ja, sessie annuleren' }).click();
  await expect(app.getByRole('note')).toHaveText('Geannuleerd: Studiedag');
  await expect(app.getByRole('button', { name: 'Presenteren' })).toHaveCount(0);
  expect(db.prepare('SELECT count(*) FROM attendance').pluck().get()).toBe(3);
  await app.getByRole('link', { name: '← Alle sessies' }).click();
  await expect(app.getByRole('row', { name: /17 maart 2027/ }).getByText('geannuleerd')).toBeVisible();
  await app.getByRole('row', { name: /17 maart 2027/ }).getByRole('link').click();
  await app.getByRole('button', { name: 'Annulering terugdraaien' }).click();
  await expect(app.getByRole('button', { name: 'Presenteren' })).toBeVisible();

  // A session with attendance is not deleted; a duplicate without history is, with undo.
  await app.getByRole('button', { name: /verwijderen$/ }).click();
  await expect(app.getByRole('group', { name: /verwijderen\?$/ })).toContainText('kan niet worden verwijderd: er hangen nog 3 aanwezigheidsregistraties aan.');
  await app.getByRole('button', { name: 'Annuleren', exact: true }).click();

  await app.getByRole('button', { name: 'Kopie als sjabloon' }).click();
  await app.getByLabel('Datum van de kopie').fill('2020-01-08');
  await app.getByRole('button', { name: 'Kopie plannen' }).click();
  await expect(app.getByRole('alert')).toContainText('De datum 8-1-2020 ligt in het verleden.');
  await app.getByRole('checkbox', { name: 'Deze datum ligt in het verleden. Toch vastleggen?' }).check();
  await app.getByRole('button', { name: 'Kopie plannen' }).click();
  await expect(app.getByText('woensdag 8 januari 2020 om 09:00')).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Aanwezigheid (0 van 3)' })).toBeVisible();
  expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(2);

  await app.getByRole('button', { name: /verwijderen$/ }).click();
  await app.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(app.getByRole('heading', { name: 'Sessies', exact: true })).toBeVisible();
  await expect(app.getByRole('status')).toContainText('is verwijderd.');
  expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
  await app.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(app.getByRole('row', { name: /8 januari 2020/ })).toBeVisible();
  expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(2);
});

test('Groepen: CSV import of only the good rows, creating an unknown school, then everything it added removed with undo', async ({ app, harness }) => {
  const org = await harness.core.handlers['organisations:create']({ name: 'Stichting Sint-Jan', kind: 'stichting' });
  await harness.core.handlers['participants:create']({ organisationId: org.id, name: 'Jan', role: 'leerkracht' });
  const count = () => harness.core.db.prepare('SELECT count(*) FROM participants').pluck().get() as number;
  await app.getByRole('link', { name: 'Groepen' }).click();
  await app.getByText('Of plak de CSV-tekst').click();
  await app.getByLabel('CSV-tekst').fill('naam;school;rol\nJan;;leerkracht\nBo;Anouks School;IB\nİlker Güneş;;toverheks\n');
  await app.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  const preview = app.getByLabel('Voorbeeld van de import');
  await expect(preview.getByRole('alert')).toContainText('Regel 3: onbekende school "Anouks School"');
  await expect(preview.getByRole('row', { name: /Jan/ })).toContainText('Bestaat al: wordt overgeslagen');

  await app.getByRole('checkbox', { name: 'Onbekende scholen aanmaken' }).check();
  await expect(preview.getByRole('row', { name: /Bo/ })).toContainText('School wordt aangemaakt');
  await app.getByRole('button', { name: 'Alleen de goede rijen importeren (2)' }).click();
  await expect(app.getByRole('status').filter({ hasText: '1 deelnemer ingelezen, 1 overgeslagen (bestond al), 1 foute regel niet ingelezen, 1 school aangemaakt.' })).toBeVisible();
  await expect(app.getByRole('cell', { name: 'Bo', exact: true })).toBeVisible();
  expect(count()).toBe(2);

  await app.getByText('Eerdere imports').click();
  await app.getByRole('button', { name: 'Alles uit deze import verwijderen' }).click();
  await expect(app.getByRole('status').filter({ hasText: '1 deelnemer uit de import verwijderd.' })).toBeVisible();
  await expect(app.getByRole('cell', { name: 'Bo', exact: true })).toHaveCount(0);
  expect(count()).toBe(1);
  await app.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(app.getByRole('cell', { name: 'Bo', exact: true })).toBeVisible();
  expect(count()).toBe(2);
});

test('Agenda: every change is stored as it is made, survives a reload, and can be undone', async ({ app, harness }) => {
  const h = harness.core.handlers;
  const org = await h['organisations:create']({ name: 'Stichting Sint-Jan', kind: 'stichting' });
  const group = await h['groups:create']({ organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  const modules = await h['modules:list'](undefined);
  const session = await h['sessions:create']({ groupId: group.id, moduleId: modules.modules[0]!.id, date: '2027-03-10' });
  const stored = async () => (await h['agenda:get']({ sessionId: session.id })).agenda.items;
  const first = (await stored())[0]!;

  await app.goto(`${harness.url}#/sessies/${session.id}`);
  const minutes = app.getByLabel(`Minuten voor ${first.title}`);
  await minutes.fill(String(first.minutes + 7));
  await expect(app.getByText('Alle wijzigingen opgeslagen')).toBeVisible();
  await expect.poll(async () => (await stored())[0]!.minutes).toBe(first.minutes + 7);
  await app.getByRole('button', { name: 'Pauze toevoegen' }).click();
  await expect.poll(async () => (await stored()).some((i) => i.kind === 'pauze')).toBe(true);

  // No save button; a reload shows what was stored.
  await expect(app.getByRole('button', { name: 'Agenda opslaan' })).toHaveCount(0);
  await app.reload();
  await expect(app.getByLabel(`Minuten voor ${first.title}`)).toHaveValue(String(first.minutes + 7));
  await expect(app.getByLabel('Minuten voor Pauze')).toBeVisible();

  // Undo within the visit: one step back, stored at once.
  await app.getByLabel(`Minuten voor ${first.title}`).fill('1');
  await expect.poll(async () => (await stored())[0]!.minutes).toBe(1);
  await app.getByRole('button', { name: 'Laatste wijziging ongedaan maken' }).click();
  await expect(app.getByLabel(`Minuten voor ${first.title}`)).toHaveValue(String(first.minutes + 7));
  await expect.poll(async () => (await stored())[0]!.minutes).toBe(first.minutes + 7);
});
