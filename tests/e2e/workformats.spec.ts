// Work formats in the presenter view, with the audience view as a second
// page: entering, revealing, undoing, editing and deleting, ad hoc formats,
// the timer, and bad input that stores nothing.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dispatch } from '../../src/main/ipc/dispatch';
import { bridgeScriptPath, type Harness } from '../harness/server';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';

async function call<C extends Channel>(h: Harness, channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await dispatch(h.core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ChannelResult<C>;
}

async function setUp(h: Harness) {
  const org = await call(h, 'organisations:create', { name: 'Stichting De Brug', kind: 'stichting' });
  const group = await call(h, 'groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  const anouk = await call(h, 'participants:create', { organisationId: org.id, name: 'Anouk de Vries', role: 'zorgcoördinator' });
  await call(h, 'groups:addMember', { groupId: group.id, participantId: anouk.id });
  const session = await call(h, 'sessions:create', { groupId: group.id, moduleId: 'prestatiedruk', date: '2026-11-25' });
  await call(h, 'attendance:set', { sessionId: session.id, participantId: anouk.id, status: 'aanwezig' });
  await call(h, 'presenting:command', { sessionId: session.id, command: { type: 'start' } });
  const { agenda } = await call(h, 'agenda:get', { sessionId: session.id });
  const order = agenda.items.flatMap((i) => i.slideIds);
  const goto = (slideId: string) => call(h, 'presenting:command', { sessionId: session.id, command: { type: 'goto', slideId } });
  return { sessionId: session.id, order, goto };
}

const entryCount = (h: Harness) => (h.core.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;

async function audiencePage(app: Page, url: string): Promise<Page> {
  const page = await app.context().newPage();
  await page.addInitScript({ path: bridgeScriptPath });
  await page.goto(url);
  return page;
}

test('poll: counts entered, hidden until revealed, undo; statement arguments', async ({ app, harness }) => {
  const { sessionId, goto } = await setUp(harness);
  await goto('herken-je-dit');
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const audience = await audiencePage(app, `${harness.url}#/publiek/${sessionId}`);
  const panel = app.getByRole('region', { name: 'Werkvorm', exact: true });
  await expect(panel).toContainText('Peiling');

  const firstOption = panel.locator('.wf-count').first();
  const option = (await firstOption.locator('span').first().innerText()).trim();
  await firstOption.getByRole('button', { name: `${option} plus één` }).click();
  await expect(panel.getByLabel(`Aantal ${option}`)).toHaveValue('1');
  await panel.getByLabel(`Aantal ${option}`).fill('7');
  await panel.getByLabel(`Aantal ${option}`).press('Enter');
  await expect(panel.getByRole('region', { name: 'Resultaten' })).toContainText('7');

  // Hidden on the audience screen until revealed.
  await expect(audience.getByLabel('Werkvorm op het scherm')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Resultaat tonen' }).click();
  await expect(audience.getByLabel('Werkvorm op het scherm')).toContainText(option);
  await expect(audience.getByLabel('Werkvorm op het scherm')).toContainText('7');

  // Undo takes the last entry back (7 → 1).
  await panel.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(panel.getByLabel(`Aantal ${option}`)).toHaveValue('1');
  await expect(audience.getByLabel('Werkvorm op het scherm')).not.toContainText('7');

  // A count below zero is refused in Dutch and stores nothing.
  const before = entryCount(harness);
  await panel.getByLabel(`Aantal ${option}`).fill('-3');
  await panel.getByLabel(`Aantal ${option}`).press('Enter');
  await expect(panel.getByRole('alert')).toBeVisible();
  expect(entryCount(harness)).toBe(before);

  // Statement: eens/neutraal/oneens and arguments typed as they are said.
  await goto('stelling-druk');
  await expect(panel).toContainText('Stelling');
  await panel.getByRole('button', { name: 'eens plus één', exact: true }).click();
  await panel.getByRole('button', { name: 'eens plus één', exact: true }).click();
  await panel.getByLabel('Kant van het argument').selectOption('oneens');
  await panel.getByRole('textbox', { name: 'Argument' }).fill('Druk zonder steun werkt verlammend');
  await panel.getByRole('textbox', { name: 'Argument' }).press('Enter');
  await expect(panel.getByRole('textbox', { name: 'Argument' })).toHaveValue('');
  await expect(panel.getByRole('region', { name: 'Resultaten' })).toContainText('Druk zonder steun werkt verlammend');
  await audience.close();
});

test('brainstorm cards, clusters and dots; a round linked to a name; record edit and delete', async ({ app, harness }) => {
  const { sessionId, goto } = await setUp(harness);
  await goto('brainstorm-drukbronnen');
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const panel = app.getByRole('region', { name: 'Werkvorm', exact: true });
  const card = panel.getByLabel('Kaart');
  for (const text of ['Toetsweken', 'Huiswerk', 'Sociale media']) {
    await card.fill(text);
    await card.press('Enter');
    await expect(card).toHaveValue('');
    await expect(card).toBeFocused();
  }
  // An empty card gets a Dutch message and is not stored.
  const before = entryCount(harness);
  await card.press('Enter');
  await expect(panel.getByRole('alert')).toBeVisible();
  expect(entryCount(harness)).toBe(before);

  await panel.getByLabel('Nieuwe cluster').fill('School');
  await panel.getByLabel('Nieuwe cluster').press('Enter');
  await expect(panel.getByLabel('Cluster School')).toBeVisible();
  await panel.getByLabel('Cluster voor Toetsweken').selectOption({ label: 'School' });
  await expect(panel.getByLabel('Cluster School')).toContainText('Toetsweken');
  // Drag and drop works too.
  await panel.getByLabel('Cluster Nog niet geclusterd').getByText('Huiswerk', { exact: true }).dragTo(panel.getByLabel('Cluster School'));
  await expect(panel.getByLabel('Cluster School')).toContainText('Huiswerk');
  await panel.getByRole('button', { name: 'Stip voor Toetsweken' }).click();
  await panel.getByRole('button', { name: 'Stip voor Toetsweken' }).click();
  await expect(panel.getByRole('button', { name: 'Stip voor Toetsweken' })).toHaveText('● 2');
  await app.screenshot({ path: 'tests/artifacts/workformats/presentator-brainstorm.png' });

  // Round of exchange: anonymous by default, linking a present name is deliberate.
  await goto('rondje-wat-werkt');
  await expect(panel).toContainText('Rondje');
  await panel.getByLabel('Bijdrage').fill('Wij plannen toetsen samen');
  await panel.getByLabel('Koppelen aan deelnemer').selectOption({ label: 'Anouk de Vries' });
  await panel.getByLabel('Bijdrage').press('Enter');
  await panel.getByLabel('Bijdrage').fill('Mentoruur over stress');
  await panel.getByLabel('Koppelen aan deelnemer').selectOption({ label: 'Anoniem' });
  await panel.getByLabel('Bijdrage').press('Enter');
  await expect(panel.getByRole('region', { name: 'Resultaten' })).toContainText('Anouk de Vries');

  // The audience never shows names, even when revealed.
  await panel.getByRole('button', { name: 'Resultaat tonen' }).click();
  const audience = await audiencePage(app, `${harness.url}#/publiek/${sessionId}`);
  await expect(audience.getByLabel('Werkvorm op het scherm')).toContainText('Wij plannen toetsen samen');
  await expect(audience.locator('body')).not.toContainText('Anouk');
  await audience.screenshot({ path: 'tests/artifacts/workformats/publiek-rondje.png' });
  await audience.close();

  // Afterwards in the session record: edit a typo, delete an entry.
  await app.goto(`${harness.url}#/sessies/${sessionId}`);
  const record = app.getByRole('region', { name: 'Werkvormen en inbreng' });
  // Open both runs' entry lists (folded by default); retry while the record is still loading.
  await expect(async () => {
    const closed = record.locator('details:not([open]) > summary');
    while ((await closed.count()) > 0) await closed.first().click({ timeout: 1000 });
    await expect(record.getByRole('button', { name: 'Aanpassen: Mentoruur over stress' })).toBeVisible({ timeout: 1000 });
    await expect(record.getByRole('button', { name: 'Verwijderen: Sociale media' })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await record.getByRole('button', { name: 'Aanpassen: Mentoruur over stress' }).click();
  await record.getByLabel('Tekst aanpassen').fill('Mentoruur over stress en slaap');
  await record.getByRole('button', { name: 'Opslaan' }).click();
  await expect(record).toContainText('Mentoruur over stress en slaap');
  await record.getByRole('button', { name: 'Verwijderen: Sociale media' }).click();
  await expect(record.getByRole('button', { name: 'Verwijderen: Sociale media' })).toHaveCount(0);
  const texts = harness.core.db.prepare("SELECT payload FROM entries WHERE kind IN ('card','contribution')").all() as { payload: string }[];
  expect(texts.map((t) => JSON.parse(t.payload).text).sort()).toEqual(['Huiswerk', 'Mentoruur over stress en slaap', 'Toetsweken', 'Wij plannen toetsen samen']);
});

test('scale, action plan, and an ad-hoc task with a timer on the audience screen', async ({ app, harness }) => {
  const { sessionId, goto } = await setUp(harness);
  await goto('schaalvraag-integraal');
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const panel = app.getByRole('region', { name: 'Werkvorm', exact: true });
  for (const n of ['6', '8', '8']) await panel.getByRole('group', { name: 'Cijfer toevoegen' }).getByRole('button', { name: n, exact: true }).click();
  await expect(panel.getByRole('region', { name: 'Resultaten' })).toContainText('Gemiddeld 7,3');

  await goto('actieplan');
  await expect(panel).toContainText('Actieplan');
  await panel.getByLabel('Wat').fill('Toetsrooster afstemmen');
  await panel.getByLabel('Wie').fill('Teamleider bovenbouw');
  await panel.getByLabel('Wanneer').fill('2027-01-15');
  await panel.getByRole('button', { name: 'Actie toevoegen' }).click();
  await expect(panel.getByRole('region', { name: 'Resultaten' })).toContainText('Toetsrooster afstemmen');
  const actions = harness.core.db.prepare('SELECT what, who, due, session_id AS sessionId FROM actions').all();
  expect(actions).toEqual([{ what: 'Toetsrooster afstemmen', who: 'Teamleider bovenbouw', due: '2027-01-15', sessionId }]);

  // On a slide without a format: a task added on the spot, with a timer the room sees.
  await goto('oorzaken');
  await app.getByRole('button', { name: 'Werkvorm ter plekke' }).click();
  const adhoc = app.getByRole('region', { name: 'Werkvorm toevoegen' });
  await adhoc.getByLabel('Type werkvorm').selectOption({ label: 'Opdracht met timer' });
  await adhoc.getByLabel('Vraag').fill('Bespreek in tweetallen één drukbron');
  await adhoc.getByLabel('Minuten').fill('3');
  await adhoc.getByRole('button', { name: 'Starten' }).click();
  await expect(panel).toContainText('ter plekke');
  const audience = await audiencePage(app, `${harness.url}#/publiek/${sessionId}`);
  await panel.getByRole('button', { name: 'Timer starten (3 min)' }).click();
  await expect(audience.getByRole('timer', { name: 'Timer' })).toBeVisible();
  await expect(audience.getByLabel('Werkvorm op het scherm')).toContainText('Bespreek in tweetallen één drukbron');
  const digits = audience.locator('.timer-digits');
  await expect(digits).toHaveText(/^2:5\d$/, { timeout: 5000 });
  await audience.screenshot({ path: 'tests/artifacts/workformats/publiek-timer.png' });
  await panel.getByRole('button', { name: 'Timer pauzeren' }).click();
  await expect(audience.getByRole('timer', { name: 'Timer' })).toContainText('Gepauzeerd');
  await audience.close();
});
