// The presenter view in a live room (issue 12): no accidental endings, keys
// that do the expected thing, the slide overview, attendance in the side
// panel, results that fit the room's screen, a layout that reflows at the
// four sizes, and a short soak of random keys with the audience checked
// after each (the long one is `npm run soak:presenting`).

import type { Page } from '@playwright/test';
import { test, expect, zoomedPage } from './fixtures';
import { dispatch } from '../../src/main/ipc/dispatch';
import { bridgeScriptPath, type Harness } from '../harness/server';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';
import { foldClock } from '../../src/shared/presenting/clock';
import { runSoak } from './soak/presenting-soak';

async function call<C extends Channel>(h: Harness, channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await dispatch(h.core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ChannelResult<C>;
}

async function setUp(h: Harness, start = true) {
  const org = await call(h, 'organisations:create', { name: 'Stichting Sint-Jan', kind: 'stichting' });
  const school = await call(h, 'schools:create', { organisationId: org.id, name: 'Sint-Jan', sector: 'vo' });
  const group = await call(h, 'groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  const people = [];
  for (const name of ['Jan', 'Bo', 'İlker Güneş', 'Małgorzata']) {
    const p = await call(h, 'participants:create', { organisationId: org.id, schoolId: school.id, name, role: 'docent/mentor' });
    await call(h, 'groups:addMember', { groupId: group.id, participantId: p.id });
    people.push(p);
  }
  const session = await call(h, 'sessions:create', { groupId: group.id, moduleId: 'prestatiedruk', date: '2026-11-25' });
  if (start) await call(h, 'presenting:command', { sessionId: session.id, command: { type: 'start' } });
  const { agenda } = await call(h, 'agenda:get', { sessionId: session.id });
  const order = agenda.items.flatMap((i) => i.slideIds);
  const goto = (slideId: string) => call(h, 'presenting:command', { sessionId: session.id, command: { type: 'goto', slideId } });
  return { sessionId: session.id, groupId: group.id, organisationId: org.id, order, goto, people };
}

async function audiencePage(app: Page, url: string): Promise<Page> {
  const page = await app.context().newPage();
  await page.addInitScript({ path: bridgeScriptPath });
  await page.goto(url);
  return page;
}

const statusOf = async (h: Harness, sessionId: number) => {
  const s = await call(h, 'presenting:state', { sessionId });
  return foldClock(s.agenda, s.events, Date.now()).status;
};
const presentSlide = (page: Page, region?: string) =>
  (region ? page.getByRole('region', { name: region }) : page.locator('.audience')).locator('section.present');

test('Esc in a form or field never ends; ending asks for confirmation with what is open; reopen and F5', async ({ app, harness }) => {
  const { sessionId, goto, order } = await setUp(harness);
  await goto('brainstorm-drukbronnen');
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const panel = app.getByRole('region', { name: 'Werkvorm', exact: true });
  await panel.getByLabel('Kaart').fill('Toetsweken');
  await panel.getByLabel('Kaart').press('Enter');
  await expect(panel.getByLabel('Cluster Nog niet geclusterd')).toContainText('Toetsweken');

  // Esc in the entry field, Esc again on the deck, Esc in the "Werkvorm ter plekke" form: still running.
  await panel.getByLabel('Kaart').fill('Huiswerk');
  await panel.getByLabel('Kaart').press('Escape');
  await expect(panel.getByLabel('Kaart')).toHaveValue('Huiswerk');
  await app.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Werkvorm toevoegen' }).click();
  const adhoc = app.getByRole('region', { name: 'Werkvorm toevoegen' });
  await adhoc.getByLabel('Vraag').fill('Wat neem je mee?');
  await adhoc.getByLabel('Vraag').press('Escape');
  await app.keyboard.press('Escape');
  expect(await statusOf(harness, sessionId)).toBe('bezig');
  await expect(app.locator('[data-presenter-status]')).toHaveText(/^Dia \d+ van \d+$/);

  // Ending: a confirmation that lists the unrevealed brainstorm; Esc and "Doorgaan" change nothing.
  await app.getByRole('button', { name: 'Sessie afronden…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Sessie afronden?' });
  await expect(dialog.getByRole('list', { name: 'Nog open' })).toContainText('Resultaat niet getoond');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await statusOf(harness, sessionId)).toBe('bezig');
  await app.getByRole('button', { name: 'Sessie afronden…' }).click();
  await dialog.getByRole('button', { name: 'Doorgaan met presenteren' }).click();
  await expect(dialog).toBeHidden();
  expect(await statusOf(harness, sessionId)).toBe('bezig');
  await app.getByRole('button', { name: 'Sessie afronden…' }).click();
  await dialog.getByRole('button', { name: 'Ja, sessie afronden' }).click();
  await expect(app.locator('[data-presenter-status]')).toHaveText('Afgerond');
  expect(await statusOf(harness, sessionId)).toBe('afgelopen');

  // Reopen with the button, end again, and reopen with F5: on the same slide, keys work again.
  await app.getByRole('button', { name: 'Sessie heropenen (F5)' }).click();
  const slide = order.indexOf('brainstorm-drukbronnen') + 1;
  await expect(app.locator('[data-presenter-status]')).toHaveText(`Dia ${slide} van ${order.length}`);
  await app.getByRole('button', { name: 'Sessie afronden…' }).click();
  await dialog.getByRole('button', { name: 'Ja, sessie afronden' }).click();
  await expect(app.locator('[data-presenter-status]')).toHaveText('Afgerond');
  await app.keyboard.press('F5');
  await expect(app.locator('[data-presenter-status]')).toHaveText(`Dia ${slide} van ${order.length}`);
  await app.keyboard.press('ArrowRight');
  await expect(app.locator('[data-presenter-status]')).toHaveText(`Dia ${slide + 1} van ${order.length}`);
  expect((await call(harness, 'sessions:get', { id: sessionId })).status).toBe('bezig');
});

test('keys work after an entry (Esc gives them back, a hint says where they go) and never hijack a focused button', async ({ app, harness }) => {
  const { sessionId, goto, order } = await setUp(harness);
  await goto('rondje-wat-werkt');
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const status = app.locator('[data-presenter-status]');
  const at = order.indexOf('rondje-wat-werkt') + 1;
  await expect(status).toHaveText(`Dia ${at} van ${order.length}`);
  const field = app.getByRole('region', { name: 'Werkvorm', exact: true }).getByLabel('Bijdrage');
  await field.fill('Wij plannen toetsen samen');
  await field.press('Enter');
  await expect(field).toBeFocused();
  await expect(app.getByRole('status').filter({ hasText: 'Toetsen gaan naar het invoerveld' })).toBeVisible();
  // In the field, → and B type; they do not steer.
  await field.press('ArrowRight');
  await field.press('b');
  await expect(field).toHaveValue('b');
  await expect(status).toHaveText(`Dia ${at} van ${order.length}`);
  await field.press('Backspace');
  // Esc: back to the deck, the hint goes, → steers again.
  await field.press('Escape');
  await expect(app.getByRole('region', { name: 'Huidige dia' })).toBeFocused();
  await expect(app.getByText('Toetsen gaan naar het invoerveld')).toBeHidden();
  await app.keyboard.press('ArrowRight');
  await expect(status).toHaveText(`Dia ${at + 1} van ${order.length}`);
  await app.keyboard.press('p');
  await expect(status).toHaveText('Gepauzeerd');
  await app.keyboard.press('p');
  await expect(status).toHaveText(`Dia ${at + 1} van ${order.length}`);

  // A button reached with the keyboard: Enter and Space press it, the slide stays.
  const pause = app.getByRole('button', { name: 'Pauze (P)' });
  await pause.focus();
  await app.keyboard.press('Enter');
  await expect(status).toHaveText('Gepauzeerd');
  const resume = app.getByRole('button', { name: 'Hervatten (P)' });
  await resume.focus();
  await app.keyboard.press(' ');
  await expect(status).toHaveText(`Dia ${at + 1} van ${order.length}`);
  // A select keeps its arrow keys (it sits behind "Meer" below 1600 px; Esc closes that menu, one thing at a time).
  await app.getByRole('button', { name: 'Meer' }).click();
  await app.getByLabel('Scherm voor het publiek').focus();
  await app.keyboard.press('ArrowDown');
  await expect(status).toHaveText(`Dia ${at + 1} van ${order.length}`);
  await app.keyboard.press('Escape');
  await expect(app.getByRole('group', { name: 'Meer bediening' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('group', { name: 'Meer bediening' })).toBeHidden();
  await expect(status).toHaveText(`Dia ${at + 1} van ${order.length}`);
  // After a mouse click on a control the keys go back to the deck: Enter goes to the next slide.
  await app.getByRole('button', { name: '+1 min' }).click();
  await app.keyboard.press('Enter');
  await expect(status).toHaveText(`Dia ${at + 2} van ${order.length}`);
  const events = (await call(harness, 'presenting:state', { sessionId })).events;
  expect(events.filter((e) => e.type === 'extend')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'pause')).toHaveLength(2);
});

test('slide overview (G): thumbnails under block names, a click jumps there', async ({ app, harness }) => {
  const { sessionId, order } = await setUp(harness);
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const audience = await audiencePage(app, `${harness.url}#/publiek/${sessionId}`);
  await app.bringToFront();
  await expect(app.locator('[data-presenter-status]')).toHaveText(`Dia 1 van ${order.length}`);
  await app.keyboard.press('g');
  const overview = app.getByRole('region', { name: "Alle dia's" });
  await expect(overview.getByRole('region', { name: /^Blok / })).toHaveCount((await call(harness, 'agenda:get', { sessionId })).agenda.items.length);
  await expect(overview.getByRole('button', { name: /^Naar dia / })).toHaveCount(order.length);
  await expect(overview.getByRole('region', { name: 'Blok Opening' })).toBeVisible();
  await app.screenshot({ path: 'tests/artifacts/presenting/overzicht-1280x800.png' });
  await overview.getByRole('button', { name: 'Naar dia 9' }).click();
  await expect(overview).toBeHidden();
  await expect(presentSlide(audience)).toHaveAttribute('data-slide-id', order[8]!);
  await expect(app.locator('[data-presenter-status]')).toHaveText(`Dia 9 van ${order.length}`);
  // Esc closes the overview without ending anything.
  await app.keyboard.press('G');
  await expect(overview).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(overview).toBeHidden();
  expect(await statusOf(harness, sessionId)).toBe('bezig');
  await audience.close();
});

test('attendance and a walk-in from the presenter side panel', async ({ app, harness }) => {
  const { sessionId, people } = await setUp(harness);
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  await app.getByRole('tab', { name: 'Aanwezigheid' }).click();
  const panel = app.getByRole('region', { name: 'Aanwezigheid' });
  await expect(panel.getByRole('heading')).toHaveText('Aanwezig: 0 van 4');
  await panel.getByRole('button', { name: 'İlker Güneş: Aanwezig' }).click();
  await panel.getByRole('button', { name: 'Małgorzata: Te laat' }).click();
  await expect(panel.getByRole('heading')).toHaveText('Aanwezig: 2 van 4');
  await expect(panel.getByRole('button', { name: 'İlker Güneş: Aanwezig' })).toHaveAttribute('aria-pressed', 'true');
  await panel.getByLabel('Naam inloper').fill('Anouk Jansen');
  await panel.getByRole('button', { name: 'Inloper aanwezig melden' }).click();
  await expect(panel.getByRole('heading')).toHaveText('Aanwezig: 3 van 5');
  await expect(panel).toContainText('Anouk Jansen');
  const rows = await call(harness, 'attendance:list', { sessionId });
  expect(rows.find((r) => r.participantId === people[2]!.id)!.status).toBe('aanwezig');
  expect(rows.find((r) => r.participantId === people[3]!.id)!.status).toBe('te_laat');
  expect(rows.find((r) => r.name === 'Anouk Jansen')).toMatchObject({ status: 'aanwezig', walkIn: true });
  // Still presenting: the slide and the clocks are on screen.
  await expect(app.getByRole('region', { name: 'Huidige dia' })).toBeVisible();
  expect(await statusOf(harness, sessionId)).toBe('bezig');
});

const POLL_OPTIONS = Array.from(
  { length: 20 },
  (_, i) =>
    [
      'Meer rust in de toetsweek voor Anouks klas',
      'Gesprekken met ouders over verwachtingen',
      'Minder huiswerk in het weekend en de vakanties',
      'Een vast mentoruur over stress en slapen',
      'Samen plannen van toetsen in de sectie',
    ][i % 5]! + ` (${i + 1})`,
);

async function expectAllInside(page: Page, selector: string, min: number) {
  const viewport = page.viewportSize()!;
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: (el.textContent ?? '').trim().slice(0, 40), x: r.x, y: r.y, right: r.right, bottom: r.bottom, w: r.width };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(min);
  for (const b of boxes) {
    expect(b.w, `${b.text} heeft een breedte`).toBeGreaterThan(0);
    expect(b.x, `${b.text} links binnen beeld`).toBeGreaterThanOrEqual(0);
    expect(b.y, `${b.text} boven binnen beeld`).toBeGreaterThanOrEqual(0);
    expect(b.right, `${b.text} rechts binnen beeld`).toBeLessThanOrEqual(viewport.width);
    expect(b.bottom, `${b.text} onder binnen beeld`).toBeLessThanOrEqual(viewport.height);
  }
}

async function brainstormWithClusters(h: Harness, sessionId: number) {
  const run = await call(h, 'runs:start', { sessionId, slideId: 'brainstorm-drukbronnen' });
  const clusters: number[] = [];
  for (const name of ['Thuis en ouders', 'School en toetsen', 'Sociale media en vrienden']) {
    clusters.push((await call(h, 'entries:add', { runId: run.run.id, entry: { kind: 'cluster', name }, participantId: null })).id);
  }
  const cards = [
    'Toetsweken vallen samen met de profielkeuze',
    'Huiswerk in het weekend',
    'Ouders die hoge cijfers verwachten',
    'Appgroepen tot laat in de avond',
    'Vergelijken op sociale media',
    'Stage en examens in dezelfde periode',
    'Onduidelijke normen voor herkansingen',
    'Bijbaan naast school',
    'Angst om te blijven zitten',
    'Anouks zorg om haar broertje',
  ];
  for (const [i, text] of cards.entries()) {
    const card = await call(h, 'entries:add', { runId: run.run.id, entry: { kind: 'card', text }, participantId: null });
    // Seven cards in three clusters, three not clustered yet.
    if (i < 7) {
      await call(h, 'entries:update', { entryId: card.id, entry: { kind: 'card', text, clusterId: clusters[i % 3]! }, participantId: null });
    }
  }
  return { run, cards };
}

test('the audience shows every brainstorm card and an entire 20-option poll at 1280×720, nothing clipped', async ({ app, harness }) => {
  const { sessionId, goto } = await setUp(harness);
  await goto('brainstorm-drukbronnen');
  const { run, cards } = await brainstormWithClusters(harness, sessionId);
  await call(harness, 'runs:reveal', { runId: run.run.id, revealed: true });
  await app.setViewportSize({ width: 1280, height: 720 });
  await app.goto(`${harness.url}#/publiek/${sessionId}`);
  const overlay = app.getByLabel('Werkvorm op het scherm');
  for (const text of cards) await expect(overlay).toContainText(text);
  await expect(app.locator('.fit-box')).toHaveAttribute('data-pages', '1');
  await expectAllInside(app, '.fit-inner li, .fit-inner h3', cards.length + 4);
  expect(Number(await app.locator('.fit-box').getAttribute('data-font-px'))).toBeGreaterThanOrEqual(28);
  await app.screenshot({ path: 'tests/artifacts/presenting/publiek-brainstorm-1280x720.png' });

  // A poll added on the spot with 20 long options, all counted and revealed.
  await goto('oorzaken');
  const poll = await call(harness, 'runs:startAdHoc', {
    sessionId,
    slideId: 'oorzaken',
    format: { type: 'peiling', prompt: 'Wat helpt jullie school het meest?', options: POLL_OPTIONS, minutes: 5 },
  });
  for (const [i, option] of POLL_OPTIONS.entries()) {
    await call(harness, 'entries:add', { runId: poll.run.id, entry: { kind: 'count', option, count: (i * 7) % 13 }, participantId: null });
  }
  await call(harness, 'runs:reveal', { runId: poll.run.id, revealed: true });
  for (const option of POLL_OPTIONS) await expect(overlay).toContainText(option);
  await app.screenshot({ path: 'tests/artifacts/presenting/publiek-peiling-20-1280x720.png' });
  await expect(app.locator('.fit-box')).toHaveAttribute('data-pages', '1');
  await expectAllInside(app, '.fit-inner .result-label, .fit-inner .result-value, .fit-inner .result-total', 41);
  const font = Number(await app.locator('.fit-box').getAttribute('data-font-px'));
  expect(font).toBeGreaterThanOrEqual(28);
});

test('a scale result split per school: the presenter and, after the reveal, the room see schools and counts, never names', async ({ app, harness }) => {
  const { sessionId, goto, organisationId, people } = await setUp(harness);
  // A second school: İlker Güneş and Małgorzata (already in the group) move to De Regenboog.
  const regenboog = await call(harness, 'schools:create', { organisationId, name: 'De Regenboog', sector: 'po' });
  for (const p of [people[2]!, people[3]!]) {
    await call(harness, 'participants:update', { id: p.id, schoolId: regenboog.id });
  }
  // A third person per school: the room sees a school only with at least three answers.
  const anouk = await call(harness, 'participants:create', { organisationId, schoolId: people[0]!.schoolId, name: 'Anouk', role: 'docent/mentor' });
  const janWillem = await call(harness, 'participants:create', { organisationId, schoolId: regenboog.id, name: 'Jan-Willem', role: 'docent/mentor' });
  for (const p of [...people, anouk, janWillem]) await call(harness, 'attendance:set', { sessionId, participantId: p.id, status: 'aanwezig' });
  await goto('schaalvraag-integraal');
  const run = await call(harness, 'runs:start', { sessionId, slideId: 'schaalvraag-integraal' });
  const rate = (value: number, participantId: number | null, count?: number) =>
    call(harness, 'entries:add', { runId: run.run.id, entry: { kind: 'rating', value, ...(count ? { count } : {}) }, participantId });
  await rate(8, people[0]!.id); // Jan, Sint-Jan
  await rate(6, people[1]!.id); // Bo, Sint-Jan
  await rate(4, people[2]!.id); // İlker Güneş, De Regenboog
  await rate(5, people[3]!.id); // Małgorzata, De Regenboog
  await rate(7, anouk.id); // Sint-Jan
  await rate(6, janWillem.id); // De Regenboog
  await rate(3, null, 2);

  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const presenterSplit = app.getByRole('region', { name: 'Werkvorm', exact: true }).getByRole('region', { name: 'Per school' });
  await expect(presenterSplit.getByRole('listitem')).toHaveText([
    /^De Regenboog gemiddeld 5,0 · 3 antwoorden/,
    /^Sint-Jan gemiddeld 7,0 · 3 antwoorden/,
    /^Niet gekoppeld gemiddeld 3,0 · 2 antwoorden/,
  ]);
  await presenterSplit.scrollIntoViewIfNeeded();
  await app.screenshot({ path: 'tests/artifacts/presenting/presentator-schaal-per-school-1280x800.png' });

  const audience = await audiencePage(app, `${harness.url}#/publiek/${sessionId}`);
  await audience.setViewportSize({ width: 1280, height: 720 });
  await expect(presentSlide(audience)).toHaveAttribute('data-slide-id', 'schaalvraag-integraal');
  await expect(audience.getByRole('region', { name: 'Per school' })).toHaveCount(0);
  await call(harness, 'runs:reveal', { runId: run.run.id, revealed: true });
  const split = audience.getByRole('region', { name: 'Per school' });
  await expect(split.getByRole('listitem')).toHaveText([
    /^De Regenboog gemiddeld 5,0 · 3 antwoorden/,
    /^Sint-Jan gemiddeld 7,0 · 3 antwoorden/,
    /^Niet gekoppeld gemiddeld 3,0 · 2 antwoorden/,
  ]);
  const text = (await audience.locator('.audience').innerText()).replaceAll('Sint-Jan', '');
  // Words as the room reads them (Unicode letters; "Sint-Jan" taken out above): no name part among them.
  const words = new Set(text.split(/[^\p{L}\p{M}]+/u));
  for (const name of ['Jan', 'Bo', 'İlker', 'Güneş', 'Małgorzata', 'Anouk', 'Willem']) expect(words.has(name), name).toBe(false);
  expect(words.has('Regenboog')).toBe(true);
  await expectAllInside(audience, '.fit-inner li, .fit-inner .result-total', 13);
  await audience.screenshot({ path: 'tests/artifacts/presenting/publiek-schaal-per-school-1280x720.png' });
  await audience.close();
});

test('presenter view during a brainstorm with 10 cards and 3 clusters: screenshots and board mode', async ({ app, harness }) => {
  const { sessionId, goto } = await setUp(harness);
  await goto('brainstorm-drukbronnen');
  await brainstormWithClusters(harness, sessionId);
  for (const [w, h] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await app.setViewportSize({ width: w, height: h });
    await app.goto(`${harness.url}#/presenteren/${sessionId}`);
    const panel = app.getByRole('region', { name: 'Werkvorm', exact: true });
    await expect(panel.getByLabel('Cluster Nog niet geclusterd')).toContainText('Bijbaan naast school');
    await expectSlideWhole(app);
    await app.screenshot({ path: `tests/artifacts/presenting/presentator-brainstorm-${w}x${h}.png` });
    await app.getByRole('button', { name: 'Bord op volle hoogte' }).click();
    await expect(app.locator('.presenter-board')).toBeVisible();
    await app.screenshot({ path: `tests/artifacts/presenting/presentator-bord-${w}x${h}.png` });
    await expectSlideWhole(app);
    await expectAllInside(app, '.wf-column, .wf-card', 14);
    await app.keyboard.press('Escape');
    await expect(app.locator('.presenter-board')).toHaveCount(0);
  }
});

/** The current slide is shown whole (its frame inside its pane and inside the window) and not tiny. */
async function expectSlideWhole(page: Page) {
  const pane = await page.getByRole('region', { name: 'Huidige dia' }).boundingBox();
  const frame = await page.getByRole('region', { name: 'Huidige dia' }).locator('.deck-frame').boundingBox();
  const viewport = page.viewportSize()!;
  expect(pane && frame).toBeTruthy();
  expect(frame!.x).toBeGreaterThanOrEqual(pane!.x - 1);
  expect(frame!.y).toBeGreaterThanOrEqual(pane!.y - 1);
  expect(frame!.x + frame!.width).toBeLessThanOrEqual(Math.min(pane!.x + pane!.width, viewport.width) + 1);
  expect(frame!.y + frame!.height).toBeLessThanOrEqual(pane!.y + pane!.height + 1);
  expect(frame!.width).toBeGreaterThanOrEqual(300);
}

/** Every column of the brainstorm board lies inside the side panel sideways; the board never scrolls sideways. */
async function expectBoardWhole(page: Page) {
  const board = await page.evaluate(() => {
    const panel = document.querySelector('.presenter-tab')!.getBoundingClientRect();
    const el = document.querySelector<HTMLElement>('.wf-board')!;
    const columns = [...el.querySelectorAll<HTMLElement>('.wf-column')];
    return {
      columns: columns.length,
      overflow: el.scrollWidth - el.clientWidth,
      cut: columns
        .filter((c) => c.getBoundingClientRect().left < panel.left - 0.5 || c.getBoundingClientRect().right > panel.right + 0.5)
        .map((c) => c.querySelector('h3')?.textContent),
    };
  });
  expect(board.columns).toBe(4);
  expect(board.overflow).toBeLessThanOrEqual(0);
  expect(board.cut).toEqual([]);
}

for (const size of [
  { width: 1024, height: 640, zoom: 1 },
  { width: 1280, height: 800, zoom: 1 },
  { width: 1920, height: 1080, zoom: 1 },
  { width: 1280, height: 800, zoom: 2 },
]) {
  test(`presenter view reflows at ${size.width}×${size.height}${size.zoom > 1 ? ' at 200% zoom' : ''}: no horizontal scroll, nothing clipped`, async ({
    browser,
    harness,
  }) => {
    const { sessionId, goto } = await setUp(harness);
    await goto('brainstorm-drukbronnen');
    await brainstormWithClusters(harness, sessionId);
    const { context, page } = await zoomedPage(browser, size, `${harness.url}#/presenteren/${sessionId}`);
    await expect(page.getByRole('region', { name: 'Werkvorm', exact: true })).toContainText('Bijbaan naast school');
    await page.screenshot({ path: `tests/artifacts/presenting/reflow-${size.width}x${size.height}-zoom${size.zoom}.png` });
    const overflow = await page.evaluate(() => {
      const scroller = document.querySelector('.presenter')!;
      return { doc: document.documentElement.scrollWidth - document.documentElement.clientWidth, presenter: scroller.scrollWidth - scroller.clientWidth };
    });
    expect(overflow.doc).toBeLessThanOrEqual(0);
    expect(overflow.presenter).toBeLessThanOrEqual(0);
    await expectSlideWhole(page);
    // Every control and every agenda button can be reached without being cut off sideways.
    const clipped = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      return [...document.querySelectorAll<HTMLElement>('.presenter-controls button, .presenter-controls select, .presenter-agenda button, .presenter-tabs button, .presenter-clock span')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width === 0 || r.left < 0 || r.right > vw + 0.5 || el.scrollWidth > el.clientWidth + 1;
        })
        .map((el) => el.textContent);
    });
    expect(clipped).toEqual([]);
    // The control bar is one row inside the window (below 1600 px some setup items sit behind "Meer"),
    // and the current slide keeps at least 45% of the window's height.
    const bar = await page.evaluate(() => {
      const controls = [...document.querySelectorAll<HTMLElement>('.presenter-controls > button, .presenter-controls > label, .presenter-controls > select, .presenter-more > button, .presenter-controls-end > button')];
      const boxes = controls.map((el) => el.getBoundingClientRect());
      const frame = document.querySelector('[aria-label="Huidige dia"] .deck-frame')!.getBoundingClientRect();
      const tops = boxes.map((b) => Math.round(b.top + b.height / 2));
      return {
        count: boxes.length,
        rows: new Set(tops.map((t) => Math.round(t / 12))).size,
        spread: Math.max(...tops) - Math.min(...tops),
        outside: controls.filter((_, i) => boxes[i]!.left < 0 || boxes[i]!.right > innerWidth || boxes[i]!.top < 0 || boxes[i]!.bottom > innerHeight).map((el) => el.textContent),
        slideRatio: frame.height / innerHeight,
        slideBottom: frame.bottom,
      };
    });
    console.log(`${size.width}x${size.height} zoom ${size.zoom}: ${JSON.stringify(bar)}`);
    expect(bar.count).toBeGreaterThanOrEqual(7);
    expect(bar.outside).toEqual([]);
    expect(bar.spread, 'alle knoppen op één rij').toBeLessThanOrEqual(4);
    // At 1280×800 the notes' eight lines (issue 12) take their share: there the slide gets 44%.
    expect(bar.slideRatio).toBeGreaterThanOrEqual(size.width === 1280 && size.zoom === 1 ? 0.44 : 0.45);
    // The slide is whole on the first screen, also where the page scrolls (200% zoom).
    expect(bar.slideBottom).toBeLessThanOrEqual(page.viewportSize()!.height);
    // The brainstorm board never cuts a column off: every column lies inside the panel sideways,
    // in the side panel and on full height.
    await expectBoardWhole(page);
    await page.getByRole('button', { name: 'Bord op volle hoogte' }).click();
    await expect(page.locator('.presenter-board')).toBeVisible();
    await expectBoardWhole(page);
    await page.screenshot({ path: `tests/artifacts/presenting/reflow-${size.width}x${size.height}-zoom${size.zoom}-bord.png` });
    await page.getByRole('button', { name: 'Bord kleiner (Esc)' }).click();
    await expect(page.locator('.presenter-board')).toHaveCount(0);
    // Every key has a button, here or behind "Meer".
    const more = page.getByRole('button', { name: 'Meer' });
    if (await more.count()) await more.click();
    for (const name of ['← Vorige', 'Volgende →', 'Pauze (P)', 'Zwart (B)', 'Wit (W)', "Alle dia's (G)", 'Eén scherm (S)', 'Sessie afronden…', 'Sluiten', '+1 min', '+5 min']) {
      await expect(page.getByRole('button', { name, exact: true }), name).toBeVisible();
    }
    await page.screenshot({ path: `tests/artifacts/presenting/reflow-${size.width}x${size.height}-zoom${size.zoom}-meer.png` });
    if (await more.count()) await more.click();
    // Notes: at the default size, room for at least 8 lines at 1280×800 (4 beside a work format at the smaller sizes).
    const notes = await page.locator('.notes-text').evaluate((el) => el.clientHeight / parseFloat(getComputedStyle(el).lineHeight));
    if (size.width === 1280 && size.zoom === 1) {
      await page.getByRole('tab', { name: 'Volgende dia' }).click();
      const nextNotes = await page.locator('.notes-text').evaluate((el) => el.clientHeight / parseFloat(getComputedStyle(el).lineHeight));
      expect(nextNotes).toBeGreaterThanOrEqual(8);
      expect(notes).toBeGreaterThanOrEqual(8);
      await page.getByRole('tab', { name: 'Werkvorm' }).click();
    } else {
      expect(notes).toBeGreaterThanOrEqual(3.9);
    }
    // On both tabs the notes stay inside their box and above the agenda and the control bar,
    // and the slide keeps its share of the height.
    for (const tab of ['Werkvorm', 'Volgende dia']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.locator('.presenter')).toHaveAttribute('data-tab', tab === 'Werkvorm' ? 'werkvorm' : 'volgende');
      const boxes = await page.evaluate(() => {
        const r = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
        return {
          notes: r('.presenter-notes').bottom,
          text: r('.notes-text').bottom,
          agenda: r('.presenter-agenda').top,
          slide: r('[aria-label="Huidige dia"] .deck-frame').height / innerHeight,
        };
      });
      expect(boxes.text, `${tab}: notitietekst binnen het notitievak`).toBeLessThanOrEqual(boxes.notes + 1);
      expect(boxes.notes, `${tab}: notities boven de agenda`).toBeLessThanOrEqual(boxes.agenda + 1);
      expect(boxes.slide, `${tab}: dia-hoogte`).toBeGreaterThanOrEqual(size.width === 1280 && size.zoom === 1 ? 0.44 : 0.45);
      if (size.width === 1024) await page.screenshot({ path: `tests/artifacts/presenting/reflow-1024x640-${tab === 'Werkvorm' ? 'werkvorm' : 'volgende'}.png` });
    }
    await context.close();
  });
}

test('soak (short): 100 random keys, the audience shows the presenter slide, state and blank screen after each', async ({ app, harness }) => {
  const { sessionId } = await setUp(harness);
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const audience = await audiencePage(app, `${harness.url}#/publiek/${sessionId}`);
  await app.bringToFront();
  const result = await runSoak({ presenter: app, audience, keys: 100, seed: 12 });
  expect(result.mismatches).toEqual([]);
  expect(result.steps).toBe(100);
  await audience.close();
});

test('the room sees the block countdown on request, a word cloud, and after the end thanks with the next meeting', async ({ app, harness }) => {
  const { sessionId, groupId, goto } = await setUp(harness);
  await call(harness, 'sessions:create', { groupId, moduleId: 'prestatiedruk', date: '2027-01-14', startTime: '15:30' });
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const audience = await audiencePage(app, `${harness.url}#/publiek/${sessionId}`);
  await app.bringToFront();
  await expect(audience.getByRole('timer', { name: 'Tijd voor dit blok' })).toHaveCount(0);
  await app.getByRole('button', { name: 'Meer' }).click();
  await app.getByLabel('Blokklok op scherm').check();
  await expect(audience.getByRole('timer', { name: 'Tijd voor dit blok' })).toHaveText(/^\d+:\d\d$/);

  // Check-out words: the most frequent is the largest.
  await goto('check-out');
  const run = await call(harness, 'runs:start', { sessionId, slideId: 'check-out' });
  for (const word of ['moe', 'opgelucht', 'opgelucht', 'nieuwsgierig', 'opgelucht', 'moe']) {
    await call(harness, 'entries:add', { runId: run.run.id, entry: { kind: 'word', text: word }, participantId: null });
  }
  await call(harness, 'runs:reveal', { runId: run.run.id, revealed: true });
  const cloud = audience.getByRole('list', { name: 'Woordwolk' });
  await expect(cloud.getByRole('listitem')).toHaveCount(3);
  const size = (word: string) => cloud.getByRole('listitem').filter({ hasText: word }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size('opgelucht')).toBeGreaterThan(await size('moe'));
  expect(await size('moe')).toBeGreaterThan(await size('nieuwsgierig'));
  await audience.screenshot({ path: 'tests/artifacts/presenting/publiek-woordwolk-1280x720.png' });

  await call(harness, 'presenting:command', { sessionId, command: { type: 'end' } });
  const end = audience.locator('[data-end-slide]');
  await expect(end).toContainText('Bedankt!');
  await expect(end).toContainText('Volgende bijeenkomst: donderdag 14 januari 2027 om 15:30');
  await expect(audience.getByRole('timer', { name: 'Tijd voor dit blok' })).toHaveCount(0);
  await audience.screenshot({ path: 'tests/artifacts/presenting/publiek-einde-1280x720.png' });
  await audience.close();
});
