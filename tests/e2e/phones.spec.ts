// Phones over the room's own network (issue 16), end to end: the presenter
// page (the real core behind the harness, with the room server running in
// the harness process), the audience page, and three phones as separate
// mobile browser contexts (their own storage, so their own device token)
// that open the room server's address. Poll, statement with a moderated
// argument, scale, brainstorm with moderation and dot voting, and a
// check-out word cloud: the presenter's counts and the audience's revealed
// results show the phone answers together with one typed answer. After the
// session ends the phones say so and the old address refuses connections.

import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect, zoomedPage } from './fixtures';
import { dispatch } from '../../src/main/ipc/dispatch';
import { bridgeScriptPath, type Harness } from '../harness/server';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';

const ART = 'tests/artifacts/phones';

async function call<C extends Channel>(h: Harness, channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await dispatch(h.core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ChannelResult<C>;
}

async function setUp(h: Harness) {
  const org = await call(h, 'organisations:create', { name: 'Stichting Sint-Jan', kind: 'stichting' });
  const group = await call(h, 'groups:create', { organisationId: org.id, name: 'Kernteam Sint-Jan', kind: 'kernteam' });
  const session = await call(h, 'sessions:create', { groupId: group.id, moduleId: 'prestatiedruk', date: '2026-11-25' });
  await call(h, 'presenting:command', { sessionId: session.id, command: { type: 'start' } });
  const goto = (slideId: string) => call(h, 'presenting:command', { sessionId: session.id, command: { type: 'goto', slideId } });
  return { sessionId: session.id, goto };
}

const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 412, height: 915 },
];

interface Phone {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/** A phone: its own browser context (own storage, so its own device token), mobile viewport, touch. */
async function openPhone(browser: Browser, viewport: { width: number; height: number }, origin: string): Promise<Phone> {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'nl-NL' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pagina-fout: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  // The phone page makes no requests anywhere but the room server (no fonts, no analytics, no CDN).
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`netwerkverzoek: ${r.url()}`);
  });
  return { context, page, problems };
}

/** The value shown on the bar with exactly this label. */
function bar(scope: Locator, label: string): Locator {
  return scope
    .locator('.result-bars li')
    .filter({ has: scope.page().locator('.result-label').getByText(label, { exact: true }) })
    .locator('.result-value');
}

const entryRows = (h: Harness, sql: string) => (h.core.db.prepare(sql).get() as { n: number }).n;

test('three phones answer a poll, a statement, a scale, a brainstorm with dots and a check-out; the server stops with the session', async ({
  app,
  harness,
}) => {
  test.setTimeout(240_000);
  fs.mkdirSync(ART, { recursive: true });
  const { sessionId, goto } = await setUp(harness);

  // ---- The facilitator switches phones on (tab Telefoons). ----
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  await app.getByRole('tab', { name: 'Telefoons' }).click();
  const phonesPanel = app.getByRole('region', { name: 'Telefoons' });
  const network = phonesPanel.getByLabel('Netwerk voor telefoons');
  // The harness lists 127.0.0.1 (tests only); on a machine with more networks the facilitator picks one.
  // Ask main what the panel lists rather than peeking at the panel, which may still be loading.
  const networks = await call(harness, 'lan:interfaces', {});
  const onOff = phonesPanel.getByRole('switch', { name: 'Deelnemen via telefoon' });
  if (networks.length > 1) {
    // Nothing chosen yet: the switch waits for the choice and says why.
    await expect(onOff).toBeDisabled();
    await expect(onOff).toHaveAccessibleDescription(/Kies hieronder het netwerk waar de telefoons op zitten/);
    await phonesPanel.screenshot({ path: `${ART}/presentator-telefoons-kies-netwerk.png` });
    await network.selectOption('127.0.0.1');
    await expect(onOff).toBeEnabled();
    await expect(phonesPanel.getByText('Deze laptop heeft meer dan één netwerk')).toHaveCount(0);
  } else {
    await expect(phonesPanel.getByText('alleen deze laptop (test) · 127.0.0.1')).toBeVisible();
  }
  await onOff.click();
  await expect(onOff).toHaveAttribute('aria-checked', 'true');
  await expect(phonesPanel.locator('[data-room-code]')).toHaveText(/^[2-9A-HJKMNP-Z]{6}$/);
  const status = await call(harness, 'lan:status', { sessionId });
  expect(status.running).toBe(true);
  const url = status.url!;
  const origin = new URL(url).origin;
  expect(url).toBe(`http://127.0.0.1:${status.port}/${status.roomCode}`);
  await expect(phonesPanel.locator('[data-phone-url]')).toHaveText(`127.0.0.1:${status.port}/${status.roomCode}`);
  await expect(phonesPanel.locator('[data-phone-count]')).toHaveText('0');

  // ---- The audience page: a join moment shows the QR code and address large. ----
  const audience = await app.context().newPage();
  await audience.setViewportSize({ width: 1280, height: 720 });
  await audience.addInitScript({ path: bridgeScriptPath });
  await audience.goto(`${harness.url}#/publiek/${sessionId}`);
  await phonesPanel.getByRole('switch', { name: 'QR-code groot op het scherm' }).click();
  const join = audience.getByRole('complementary', { name: 'Meedoen met je telefoon' });
  await expect(join).toHaveAttribute('data-join', 'large');
  await expect(join.locator('[data-join-code]')).toHaveText(status.roomCode!);
  await expect(join.locator('[data-join-url]')).toHaveText(`127.0.0.1:${status.port}/${status.roomCode}`);
  // The QR code is an image from a data: URL (no markup from main injected into the page).
  const qr = join.getByRole('img', { name: /QR-code/ });
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;charset=utf-8,/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await audience.screenshot({ path: `${ART}/publiek-qr-1280x720.png` });

  // ---- Three phones open the address and wait. ----
  const browser = app.context().browser()!;
  const phones = await Promise.all(PHONES.map((v) => openPhone(browser, v, origin)));
  for (const phone of phones) {
    await phone.page.goto(url);
    await expect(phone.page.getByRole('heading', { name: 'Even wachten…' })).toBeVisible();
  }
  await expect(phonesPanel.locator('[data-phone-count]')).toHaveText('3');
  await expect(app.getByRole('tab', { name: /Telefoons/ })).toContainText('3');
  await app.screenshot({ path: `${ART}/presentator-telefoons-1280x800.png` });
  await app.setViewportSize({ width: 1024, height: 640 });
  await expect(phonesPanel.locator('[data-phone-count]')).toBeVisible();
  await app.screenshot({ path: `${ART}/presentator-telefoons-1024x640.png` });
  await app.setViewportSize({ width: 1920, height: 1080 });
  await app.screenshot({ path: `${ART}/presentator-telefoons-1920x1080.png` });
  await app.setViewportSize({ width: 1280, height: 800 });
  await phonesPanel.getByRole('switch', { name: 'QR-code groot op het scherm' }).click();
  await expect(join).toHaveCount(0);

  const panel = app.getByRole('region', { name: 'Werkvorm', exact: true });
  const results = panel.getByRole('region', { name: 'Resultaten' });
  const onScreen = audience.getByLabel('Werkvorm op het scherm');
  const [p1, p2, p3] = phones.map((p) => p.page) as [Page, Page, Page];
  const saved = (phone: Page) => expect(phone.getByRole('status').filter({ hasText: 'Je antwoord is opgeslagen.' })).toBeVisible();

  // ---- Poll: one typed answer, three phones, one phone changes its mind. ----
  await goto('herken-je-dit');
  await expect(panel).toContainText('Wat herken je in jouw school?');
  await panel.getByRole('button', { name: 'Allebei plus één' }).click();
  await expect(panel.getByLabel('Aantal Allebei')).toHaveValue('1');
  await panel.getByRole('button', { name: 'Open voor telefoons' }).click();
  await expect(panel.getByRole('region', { name: 'Telefoons bij deze werkvorm' })).toHaveAttribute('data-phone-state', 'open');
  // The room sees the join code beside the slide while the question is open for phones.
  await expect(join).toHaveAttribute('data-join', 'strip');
  for (const [phone, option] of [
    [p1, 'Allebei'],
    [p2, 'Allebei'],
    [p3, 'Geen van beide'],
  ] as const) {
    await expect(phone.getByRole('heading', { name: 'Wat herken je in jouw school?' })).toBeVisible();
    await phone.getByRole('radio', { name: option, exact: true }).tap();
    await phone.getByRole('button', { name: 'Versturen' }).tap();
    await saved(phone);
  }
  await p1.screenshot({ path: `${ART}/telefoon-peiling-360x640.png` });
  // Phone 1 changes its answer: it replaces its earlier one (one answer per phone).
  await p1.getByRole('radio', { name: 'Geen van beide' }).tap();
  await p1.getByRole('button', { name: 'Wijziging versturen' }).tap();
  await saved(p1);
  await expect(bar(results, 'Allebei')).toHaveText('2');
  await expect(bar(results, 'Geen van beide')).toHaveText('2');
  await expect(results).toContainText('4 antwoorden');
  await expect(panel.locator('[data-phone-answers]')).toHaveAttribute('data-phone-answers', '3');
  await panel.getByRole('button', { name: 'Resultaat tonen' }).click();
  await expect(bar(onScreen, 'Allebei')).toHaveText('2');
  await expect(bar(onScreen, 'Geen van beide')).toHaveText('2');
  await expect(onScreen).toContainText('4 antwoorden');
  await audience.screenshot({ path: `${ART}/publiek-peiling-strip-1280x720.png` });
  await panel.getByRole('button', { name: 'Sluit voor telefoons' }).click();
  for (const phone of [p1, p2, p3]) await expect(phone.getByRole('heading', { name: 'Even wachten…' })).toBeVisible();
  await expect(join).toHaveCount(0);

  // ---- Statement: sides from phones count with a typed one; arguments wait for the facilitator. ----
  await goto('stelling-druk');
  await expect(panel).toContainText('Een beetje druk helpt leerlingen om te presteren.');
  await panel.getByRole('button', { name: 'oneens plus één', exact: true }).click();
  await expect(panel.getByLabel('Aantal oneens')).toHaveValue('1');
  await panel.getByRole('button', { name: 'Open voor telefoons' }).click();
  await expect(p1.getByRole('heading', { name: 'Een beetje druk helpt leerlingen om te presteren.' })).toBeVisible();
  await p1.getByRole('radio', { name: 'Eens', exact: true }).tap();
  await p1.getByLabel('Je argument (mag leeg blijven)').fill('Een toets geeft mij net de focus die ik nodig heb');
  await p1.getByRole('button', { name: 'Versturen' }).tap();
  await expect(p1.getByText(/wacht op de begeleider/)).toBeVisible();
  await p2.getByRole('radio', { name: 'Oneens', exact: true }).tap();
  await p2.getByLabel('Je argument (mag leeg blijven)').fill('Meneer Jansen geeft veel te veel huiswerk');
  await p2.getByRole('button', { name: 'Versturen' }).tap();
  await expect(p2.getByText(/wacht op de begeleider/)).toBeVisible();
  await p3.getByRole('radio', { name: 'Neutraal', exact: true }).tap();
  await p3.getByRole('button', { name: 'Versturen' }).tap();
  await saved(p3);
  await expect(bar(results, 'eens')).toHaveText('1');
  await expect(bar(results, 'neutraal')).toHaveText('1');
  await expect(bar(results, 'oneens')).toHaveText('2');
  const queue = panel.getByRole('region', { name: 'Wacht op toelating' });
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  await expect(app.getByRole('tab', { name: /Werkvorm/ }).locator('[data-waiting]')).toHaveText('2');
  // Revealed before moderation: the room sees the sides, not the waiting arguments.
  await panel.getByRole('button', { name: 'Resultaat tonen' }).click();
  await expect(bar(onScreen, 'oneens')).toHaveText('2');
  await expect(onScreen).not.toContainText('focus die ik nodig heb');
  await expect(results).not.toContainText('focus die ik nodig heb');
  await app.screenshot({ path: `${ART}/presentator-moderatie-1280x800.png` });
  // Keyboard: focus the first Toelaten, Enter lets it through and the focus moves on; the slide stays.
  const slideBefore = await app.locator('.presenter').getAttribute('data-index');
  await queue.getByRole('button', { name: 'Toelaten: Een toets geeft mij net de focus die ik nodig heb' }).focus();
  await app.keyboard.press('Enter');
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await expect(queue.getByRole('button', { name: 'Toelaten: Meneer Jansen geeft veel te veel huiswerk' })).toBeFocused();
  // The name of a colleague stays out of the room: Tab to Weigeren, Space.
  await app.keyboard.press('Tab');
  await expect(queue.getByRole('button', { name: 'Weigeren: Meneer Jansen geeft veel te veel huiswerk' })).toBeFocused();
  await app.keyboard.press(' ');
  await expect(queue.getByRole('listitem')).toHaveCount(0);
  await expect(app.locator('.presenter')).toHaveAttribute('data-index', slideBefore!);
  await expect(results).toContainText('Een toets geeft mij net de focus die ik nodig heb');
  await expect(onScreen).toContainText('Een toets geeft mij net de focus die ik nodig heb');
  await expect(onScreen).not.toContainText('Jansen');
  await panel.getByRole('button', { name: 'Sluit voor telefoons' }).click();

  // ---- Scale: 7, 8 and 4 from phones, 5 typed: mean 6,0 over 4 answers. ----
  await goto('schaalvraag-integraal');
  await expect(panel).toContainText('Hoe integraal pakt onze school');
  await panel.getByRole('group', { name: 'Cijfer toevoegen' }).getByRole('button', { name: '5', exact: true }).click();
  await expect(results).toContainText('1 antwoorden');
  await panel.getByRole('button', { name: 'Open voor telefoons' }).click();
  for (const [phone, value] of [
    [p1, '7'],
    [p2, '8'],
    [p3, '4'],
  ] as const) {
    await expect(phone.getByRole('heading', { name: /Hoe integraal pakt onze school/ })).toBeVisible();
    await phone.getByRole('radio', { name: new RegExp(`^${value}\\b`) }).tap();
    await phone.getByRole('button', { name: 'Versturen' }).tap();
    await saved(phone);
  }
  await p2.screenshot({ path: `${ART}/telefoon-schaalvraag-390x844.png` });
  await expect(results).toContainText('Gemiddeld 6,0 · 4 antwoorden');
  await panel.getByRole('button', { name: 'Resultaat tonen' }).click();
  await expect(onScreen).toContainText('Gemiddeld 6,0 · 4 antwoorden');
  await panel.getByRole('button', { name: 'Sluit voor telefoons' }).click();

  // ---- Brainstorm: cards wait for the facilitator (let through / refused), then dot voting. ----
  await goto('brainstorm-drukbronnen');
  await expect(panel).toContainText('Wat veroorzaakt op onze school onnodige druk');
  await panel.getByLabel('Kaart').fill('Toetsweken');
  await panel.getByLabel('Kaart').press('Enter');
  await expect(panel.getByLabel('Cluster Nog niet geclusterd')).toContainText('Toetsweken');
  await panel.getByRole('button', { name: 'Open voor telefoons' }).click();
  const card = async (phone: Page, text: string) => {
    await phone.getByLabel('Nieuwe kaart').fill(text);
    await phone.getByRole('button', { name: 'Kaart versturen' }).tap();
    await expect(phone.getByRole('region', { name: /Jouw kaarten/ })).toContainText(text);
  };
  await expect(p1.getByLabel('Nieuwe kaart')).toBeVisible();
  await card(p1, 'Huiswerk in het weekend');
  await card(p2, 'Ouders die cijfers direct online zien');
  await card(p3, 'Sociale media');
  await card(p3, 'İlker Güneş is een slechte mentor');
  await expect(queue.getByRole('listitem')).toHaveCount(4);
  await p3.screenshot({ path: `${ART}/telefoon-brainstorm-412x915.png` });
  await panel.getByRole('button', { name: 'Resultaat tonen' }).click();
  await expect(onScreen).toContainText('Toetsweken');
  await expect(onScreen).not.toContainText('Sociale media');
  for (const text of ['Huiswerk in het weekend', 'Ouders die cijfers direct online zien', 'Sociale media']) {
    await queue.getByRole('button', { name: `Toelaten: ${text}` }).click();
  }
  await queue.getByRole('button', { name: 'Weigeren: İlker Güneş is een slechte mentor' }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(0);
  await expect(panel.getByLabel('Cluster Nog niet geclusterd')).toContainText('Sociale media');
  await expect(onScreen).toContainText('Sociale media');
  await expect(onScreen).not.toContainText('Güneş');
  expect(entryRows(harness, "SELECT count(*) AS n FROM entries WHERE payload LIKE '%Güneş%'")).toBe(0);

  // Dot voting: three dots per phone over the cards let through, plus one typed dot.
  await panel.getByRole('button', { name: 'Stippen verdelen via telefoon' }).click();
  await expect(panel.getByRole('region', { name: 'Telefoons bij deze werkvorm' })).toHaveAttribute('data-phone-state', 'voting');
  const dots = async (phone: Page, wanted: [string, number][]) => {
    await expect(phone.getByText(/Nog 3 van 3 stippen over/)).toBeVisible();
    // The phone offers exactly the cards the room can see: the refused one is not there.
    await expect(phone.getByText('İlker Güneş is een slechte mentor')).toHaveCount(0);
    for (const [text, n] of wanted) {
      for (let i = 0; i < n; i++) await phone.getByRole('button', { name: `Stip zetten bij „${text}”` }).tap();
    }
    await phone.getByRole('button', { name: 'Stippen versturen' }).tap();
    await saved(phone);
  };
  await dots(p1, [['Toetsweken', 3]]);
  await dots(p2, [
    ['Huiswerk in het weekend', 2],
    ['Toetsweken', 1],
  ]);
  await dots(p3, [['Sociale media', 3]]);
  await panel.getByRole('button', { name: 'Stip voor Toetsweken' }).click();
  await expect(panel.getByRole('button', { name: 'Stip voor Toetsweken' })).toHaveText('● 5');
  await expect(panel.getByRole('button', { name: 'Stip voor Huiswerk in het weekend' })).toHaveText('● 2');
  await expect(panel.getByRole('button', { name: 'Stip voor Sociale media' })).toHaveText('● 3');
  await expect(onScreen.getByRole('listitem').filter({ hasText: 'Toetsweken' })).toContainText('5 ●');
  await expect(onScreen.getByRole('listitem').filter({ hasText: 'Sociale media' })).toContainText('3 ●');
  await panel.getByRole('button', { name: 'Sluit voor telefoons' }).click();

  // ---- Check-out word cloud: words wait for the facilitator too. ----
  await goto('check-out');
  await expect(panel).toContainText('Wat neem jij mee uit deze sessie?');
  await panel.getByRole('textbox', { name: 'Woord' }).fill('rust');
  await panel.getByRole('textbox', { name: 'Woord' }).press('Enter');
  await panel.getByRole('button', { name: 'Open voor telefoons' }).click();
  for (const [phone, word] of [
    [p1, 'rust'],
    [p2, 'rust'],
    [p3, 'overzicht'],
  ] as const) {
    await phone.getByLabel('Jouw woord').fill(word);
    await phone.getByRole('button', { name: 'Versturen' }).tap();
    await expect(phone.getByText(/wacht op de begeleider/)).toBeVisible();
  }
  await expect(queue.getByRole('listitem')).toHaveCount(3);
  for (let i = 0; i < 3; i++) await queue.getByRole('button', { name: /^Toelaten: / }).first().click();
  await expect(queue.getByRole('listitem')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Resultaat tonen' }).click();
  const cloud = onScreen.getByRole('list', { name: 'Woordwolk' });
  await expect(cloud.getByRole('listitem').filter({ hasText: 'rust' })).toHaveAttribute('data-count', '3');
  await expect(cloud.getByRole('listitem').filter({ hasText: 'overzicht' })).toHaveAttribute('data-count', '1');
  await audience.screenshot({ path: `${ART}/publiek-woordwolk-1280x720.png` });
  await panel.getByRole('button', { name: 'Sluit voor telefoons' }).click();
  for (const phone of phones) expect(phone.problems, 'fouten of verzoeken buiten de kamer op een telefoon').toEqual([]);

  // ---- The session ends: the server stops, the phones say so, the address refuses connections. ----
  await app.getByRole('button', { name: 'Sessie afronden…' }).click();
  await app.getByRole('dialog', { name: 'Sessie afronden?' }).getByRole('button', { name: 'Ja, sessie afronden' }).click();
  await expect(app.locator('.presenter')).toHaveAttribute('data-status', 'afgelopen');
  for (const phone of [p1, p2, p3]) {
    // The server tells open pages about the end before it closes their connections.
    await expect(phone.getByRole('heading', { name: 'Bedankt voor het meedoen!' })).toBeVisible();
  }
  await expect.poll(async () => (await call(harness, 'lan:status', { sessionId })).running).toBe(false);
  const refused = await fetch(`${origin}/api/${status.roomCode}/prompt`).then(
    () => 'antwoord',
    (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
  );
  expect(refused).toBe('ECONNREFUSED');
  // A phone that reloads the old address gets no page.
  const reload = await p2.goto(url).then(
    () => 'geladen',
    (e: Error) => e.message,
  );
  expect(reload).toMatch(/ERR_CONNECTION_REFUSED/);
  // Privacy: no device keys left for the session, no never-approved phone text kept.
  expect(entryRows(harness, 'SELECT count(*) AS n FROM entries WHERE device_key IS NOT NULL')).toBe(0);
  expect(entryRows(harness, 'SELECT count(*) AS n FROM entries WHERE pending = 1')).toBe(0);
  // The presenter's switch shows the server off.
  await app.getByRole('tab', { name: /Telefoons/ }).click();
  await expect(onOff).toHaveAttribute('aria-checked', 'false');
  // Main refuses to start for an ended session; the panel says why in Dutch and stays off.
  await onOff.click();
  await expect(phonesPanel.getByRole('alert')).toHaveText('Deze sessie is afgerond; telefoons kunnen alleen meedoen terwijl de sessie loopt.');
  await expect(onOff).toHaveAttribute('aria-checked', 'false');
  expect((await call(harness, 'lan:status', { sessionId })).running).toBe(false);
  for (const phone of phones) await phone.context.close();
  await audience.close();
});

for (const size of [
  { width: 1024, height: 640, zoom: 1 },
  { width: 1280, height: 800, zoom: 1 },
  { width: 1920, height: 1080, zoom: 1 },
  { width: 1280, height: 800, zoom: 2 },
]) {
  const name = `${size.width}x${size.height}${size.zoom > 1 ? '-zoom200' : ''}`;
  test(`Telefoons tab and moderation queue at ${name}: in view, no horizontal scroll`, async ({ browser, harness }) => {
    fs.mkdirSync(ART, { recursive: true });
    const { sessionId, goto } = await setUp(harness);
    await goto('brainstorm-drukbronnen');
    const status = await call(harness, 'lan:start', { sessionId, address: '127.0.0.1' });
    const { run } = await call(harness, 'runs:start', { sessionId, slideId: 'brainstorm-drukbronnen' });
    await call(harness, 'runs:phones', { runId: run.id, state: 'open' });
    // Two cards from a phone, straight over HTTP: they wait in the queue.
    const api = `${new URL(status.url!).origin}/api/${status.roomCode}`;
    const prompt = (await (await fetch(`${api}/prompt`)).json()) as { state: string; question?: string };
    expect(prompt.state).toBe('open');
    for (const text of ['Ouders die cijfers direct online zien en meteen bellen', 'Toetsweken']) {
      const reply = await fetch(`${api}/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ device: 'telefoon-van-de-test-0001', question: prompt.question, answer: { kind: 'kaart', text } }),
      });
      expect(await reply.json()).toEqual({ ok: true, status: 'wacht-op-begeleider' });
    }

    const { context, page } = await zoomedPage(browser, size, `${harness.url}#/presenteren/${sessionId}`);
    const overflow = () =>
      page.evaluate(() => {
        const doc = document.documentElement;
        const presenter = document.querySelector('.presenter')!;
        return Math.max(doc.scrollWidth - doc.clientWidth, presenter.scrollWidth - presenter.clientWidth);
      });
    /** Elements cut off sideways (outside the window or wider than their box). */
    const clipped = (selector: string) =>
      page.evaluate((sel) => {
        const vw = document.documentElement.clientWidth;
        return [...document.querySelectorAll<HTMLElement>(sel)]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width === 0 || r.left < 0 || r.right > vw + 0.5 || el.scrollWidth > el.clientWidth + 1;
          })
          .map((el) => el.textContent);
      }, selector);

    // The queue in the work-format panel: both cards with reachable buttons.
    const queue = page.getByRole('region', { name: 'Wacht op toelating' });
    await expect(queue.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('tab', { name: /Werkvorm/ }).locator('[data-waiting]')).toHaveText('2');
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await clipped('.phone-queue button, .phone-controls button, .presenter-tabs button')).toEqual([]);
    await queue.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ART}/presentator-wachtrij-${name}.png` });
    // A mouse click on Toelaten gives the keys back to the slides: the next Space goes to the next
    // slide and does not let the next card through unread.
    const presenter = page.locator('.presenter');
    const slide = Number(await presenter.getAttribute('data-index'));
    await queue.getByRole('button', { name: 'Toelaten: Toetsweken' }).click();
    await expect(queue.getByRole('listitem')).toHaveCount(1);
    await page.keyboard.press(' ');
    await expect(presenter).toHaveAttribute('data-index', String(slide + 1));
    expect(entryRows(harness, 'SELECT count(*) AS n FROM entries WHERE pending = 1')).toBe(1);
    await page.keyboard.press('ArrowLeft');
    await expect(presenter).toHaveAttribute('data-index', String(slide));
    await expect(queue.getByRole('listitem')).toHaveCount(1);

    // The Telefoons tab: count, address and room code in view without scrolling the panel sideways.
    await page.getByRole('tab', { name: /Telefoons/ }).click();
    const panel = page.getByRole('region', { name: 'Telefoons' });
    await expect(panel.getByRole('switch', { name: 'Deelnemen via telefoon' })).toHaveAttribute('aria-checked', 'true');
    await expect(panel.locator('[data-room-code]')).toHaveText(status.roomCode!);
    for (const part of ['[data-phone-count]', '[data-room-code]', '[data-phone-url]']) await expect(panel.locator(part)).toBeInViewport();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await clipped('.phones-panel button, .phones-panel select, [data-phone-url] .nowrap, [data-room-code]')).toEqual([]);
    await page.screenshot({ path: `${ART}/presentator-telefoons-${name}-alleen.png` });
    // Switched off by the facilitator: the address stops answering at once. The Space after the
    // click goes to the slides, not to the switch (it stays off).
    await panel.getByRole('switch', { name: 'Deelnemen via telefoon' }).click();
    await expect(panel.getByRole('switch', { name: 'Deelnemen via telefoon' })).toHaveAttribute('aria-checked', 'false');
    await expect(panel.locator('[data-phones-state]')).toHaveText('Uit');
    await page.keyboard.press(' ');
    await expect(presenter).toHaveAttribute('data-index', String(slide + 1));
    expect((await call(harness, 'lan:status', { sessionId })).running).toBe(false);
    const refused = await fetch(`${api}/prompt`).then(
      () => 'antwoord',
      (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
    );
    expect(refused).toBe('ECONNREFUSED');
    // The phone text nobody let through is gone with the server.
    expect(entryRows(harness, 'SELECT count(*) AS n FROM entries WHERE pending = 1')).toBe(0);
    await context.close();
  });
}
