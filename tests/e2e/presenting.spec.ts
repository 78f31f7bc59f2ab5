// Presenting with two views against the real services: the presenter view
// drives, the audience view (a second page, as the second window would be)
// follows what main pushes. State lives in main and SQLite, so reloads
// resume where they were, and the block timings can be read back.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { Harness } from '../harness/server';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';
import { bridgeScriptPath } from '../harness/server';
import { foldClock } from '../../src/shared/presenting/clock';

async function call<C extends Channel>(h: Harness, channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await dispatch(h.core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ChannelResult<C>;
}

async function plannedSession(h: Harness): Promise<number> {
  const org = await call(h, 'organisations:create', { name: 'Stichting De Brug', kind: 'stichting' });
  const group = await call(h, 'groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  const session = await call(h, 'sessions:create', { groupId: group.id, moduleId: 'prestatiedruk', date: '2026-11-25' });
  return session.id;
}

async function openAudience(app: Page, url: string): Promise<Page> {
  const audience = await app.context().newPage();
  await audience.addInitScript({ path: bridgeScriptPath });
  await audience.goto(url);
  return audience;
}

const slideOf = (page: Page, region?: string) =>
  (region ? page.getByRole('region', { name: region }) : page.locator('.audience')).locator('section.present');

test('presenter and audience views: slides, pause, extend, blank screen, jump, reload, single screen, timings stored', async ({
  app,
  harness,
}) => {
  const sessionId = await plannedSession(harness);
  const { module } = await call(harness, 'agenda:get', { sessionId });
  const slides = module.blocks.flatMap((b) => b.slides);
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const audience = await openAudience(app, `${harness.url}#/publiek/${sessionId}`);
  await expect(app.getByRole('button', { name: 'Start (F5)' })).toBeVisible();

  await app.keyboard.press('F5');
  await expect(app.getByText(`Dia 1 van ${slides.length}`)).toBeVisible();
  await expect(slideOf(audience)).toHaveAttribute('data-slide-id', slides[0]!.id);

  // Arrow keys and PgDn move the audience view too.
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('PageDown');
  await expect(slideOf(audience)).toHaveAttribute('data-slide-id', slides[2]!.id);
  // A slide with a work format shows its panel; other slides show the next slide.
  await expect(app.getByRole('region', { name: 'Werkvorm', exact: true })).toBeVisible();
  await app.keyboard.press('Space');
  await expect(slideOf(audience)).toHaveAttribute('data-slide-id', slides[3]!.id);
  await expect(slideOf(app, 'Volgende dia')).toHaveAttribute('data-slide-id', slides[4]!.id);

  // The audience never contains notes or controls.
  const audienceText = await audience.locator('body').innerText();
  for (const s of slides) expect(audienceText).not.toContain(s.notes.slice(0, 40));
  await expect(audience.getByRole('button')).toHaveCount(0);
  await expect(audience.locator('.presenter-notes')).toHaveCount(0);

  // Pause stops the block clock; resume starts it again.
  await app.getByRole('button', { name: 'Pauze (P)' }).click();
  await expect(app.getByRole('button', { name: 'Hervatten (P)' })).toBeVisible();
  await app.waitForTimeout(1100); // let the last tick before the pause land
  const block = app.locator('[data-clock="block"]');
  const paused = await block.innerText();
  await app.waitForTimeout(2200);
  await expect(block).toHaveText(paused);
  await app.keyboard.press('p');
  await expect(app.getByRole('button', { name: 'Pauze (P)' })).toBeVisible();
  await expect(block).not.toHaveText(paused, { timeout: 3000 });

  // +5 minutes moves the remaining session time up.
  const remaining = async () => {
    const parts = (await app.locator('[data-clock="remaining"]').innerText()).replace('-', '').split(':').map(Number);
    return parts.reduce((total, part) => total * 60 + part, 0);
  };
  const before = await remaining();
  await app.getByRole('button', { name: '+5 min' }).click();
  await expect.poll(remaining).toBeGreaterThan(before + 240);

  // B blanks the audience screen, B again brings the slide back.
  await app.keyboard.press('b');
  await expect(audience.locator('[data-blank="zwart"]')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Zwart (B)' })).toHaveAttribute('aria-pressed', 'true');
  await app.keyboard.press('b');
  await expect(audience.locator('[data-blank]')).toHaveCount(0);

  // A slide number and Enter jump there; the agenda jumps to a block.
  await app.keyboard.type('7');
  await app.keyboard.press('Enter');
  await expect(slideOf(audience)).toHaveAttribute('data-slide-id', slides[6]!.id);
  await app.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Praktische tools/ }).click();
  const toolsFirst = module.blocks.find((b) => b.kind === 'tools')!.slides[0]!.id;
  await expect(slideOf(audience)).toHaveAttribute('data-slide-id', toolsFirst);

  // Reloading either window resumes on the same slide.
  await app.reload();
  await audience.reload();
  await expect(slideOf(app, 'Huidige dia')).toHaveAttribute('data-slide-id', toolsFirst);
  await expect(slideOf(audience)).toHaveAttribute('data-slide-id', toolsFirst);

  // Single-screen mode: S shows the audience view in the same window and keys still work.
  await app.keyboard.press('s');
  await expect(app.locator('.audience')).toBeVisible();
  await expect(app.locator('.presenter-notes')).toHaveCount(0);
  await app.keyboard.press('ArrowRight');
  await expect(slideOf(app)).not.toHaveAttribute('data-slide-id', toolsFirst);
  await app.keyboard.press('s');
  await expect(app.getByRole('region', { name: 'Sprekersnotities' })).toBeVisible();

  // Esc never ends; "Sessie afronden" with its confirmation does, and the block timings are stored.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('button', { name: 'Sessie afronden…' })).toBeVisible();
  await app.getByRole('button', { name: 'Sessie afronden…' }).click();
  await app.getByRole('dialog', { name: 'Sessie afronden?' }).getByRole('button', { name: 'Ja, sessie afronden' }).click();
  await expect(app.getByText('Afgerond', { exact: true })).toBeVisible();
  const state = await call(harness, 'presenting:state', { sessionId });
  const clock = foldClock(state.agenda, state.events, Date.now());
  expect(clock.status).toBe('afgelopen');
  const visited = clock.items.filter((i) => i.firstStartedAt !== null).map((i) => i.key);
  expect(visited).toEqual(expect.arrayContaining(['opening', 'kennis', 'tools']));
  expect(clock.items.find((i) => i.key === 'opening')!.actualMs).toBeGreaterThan(0);
  await audience.close();
});

test('tailoring the agenda: minutes against the 60–90 budget, a skipped slide and an added break', async ({ app, harness }) => {
  const sessionId = await plannedSession(harness);
  await app.goto(`${harness.url}#/sessies/${sessionId}`);
  // Derived from the deck, so editing the module's timings does not break this test.
  const { module } = await call(harness, 'agenda:get', { sessionId });
  const planned = module.meta.minutes;
  const kennis = module.blocks.find((b) => b.kind === 'kennis')!.minutes;
  await expect(app.getByText(`Totaal ${planned} minuten (binnen 60–90 minuten)`)).toBeVisible();
  await app.getByLabel('Minuten voor Kennis over het thema').fill(String(kennis + 15));
  await expect(app.getByRole('status').filter({ hasText: `Totaal ${planned + 15} minuten` })).toHaveClass(/budget-warning/);
  // Ten minutes less knowledge make room for the ten-minute break added below.
  await app.getByLabel('Minuten voor Kennis over het thema').fill(String(kennis - 10));
  const skipped = module.blocks.find((b) => b.kind === 'kennis')!.slides[1]!;
  await app.getByRole('checkbox', { name: `Dia ${skipped.title} tonen` }).click();
  await app.getByRole('button', { name: 'Pauze toevoegen' }).click();
  await app.getByRole('button', { name: 'Pauze omhoog' }).click();
  // Every change is stored as it is made (issue 11): no save button.
  await expect.poll(async () => (await call(harness, 'agenda:get', { sessionId })).budget.total).toBe(90);
  await expect(app.getByText('Alle wijzigingen opgeslagen')).toBeVisible();

  const view = await call(harness, 'agenda:get', { sessionId });
  expect(view.budget.total).toBe(planned);
  expect(view.agenda.items.flatMap((i) => i.slideIds)).not.toContain(skipped.id);
  expect(view.agenda.items.at(-2)!.kind).toBe('pauze');

  // The break shows as a slide of its own while presenting.
  await app.getByRole('button', { name: 'Presenteren' }).click();
  await expect(app.getByRole('button', { name: 'Start (F5)' })).toBeVisible();
  await app.keyboard.press('F5');
  await app.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Pauze/ }).click();
  await expect(slideOf(app, 'Huidige dia')).toContainText('We gaan over 10 minuten verder.');
  await app.getByRole('button', { name: 'Sluiten', exact: true }).click();
  await expect(app.getByText('De sessie is gestart; de agenda ligt vast.')).toBeVisible();
});

test('after a restart of the app the presenter resumes on the same slide with the same clock', async ({ browser }) => {
  const { startHarness } = await import('../harness/server');
  const { tempDir } = await import('../helpers/temp');
  const { dir, cleanup } = tempDir();
  const first = await startHarness({ dataDir: dir });
  const sessionId = await plannedSession(first);
  await call(first, 'presenting:command', { sessionId, command: { type: 'start' } });
  await call(first, 'presenting:command', { sessionId, command: { type: 'gotoIndex', index: 3 } });
  const slideId = (await call(first, 'agenda:get', { sessionId })).agenda.items.flatMap((i) => i.slideIds)[3]!;
  await first.close();

  const second = await startHarness({ dataDir: dir });
  const page = await browser.newPage();
  await page.addInitScript({ path: bridgeScriptPath });
  await page.goto(`${second.url}#/presenteren/${sessionId}`);
  await expect(page.getByRole('region', { name: 'Huidige dia' }).locator('section.present')).toHaveAttribute('data-slide-id', slideId);
  await expect(page.getByText(/^Dia 4 van \d+$/)).toBeVisible();
  await page.close();
  await second.close();
  cleanup();
});
