// The phone page (src/participant, built to out/participant) in real Chromium
// with phone viewports, against a scripted stand-in room server
// (tests/harness/phone-fixture.ts): every input type, live updates by events
// and by polling, revision order, recovery after the laptop or the phone's
// network was gone, a wrong room, refusals in Dutch, and one request per
// double tap. The fixture counts what arrived; the assertions use its counts.

import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startPhoneFixture, type PhoneFixture, type PromptInput } from '../harness/phone-fixture';
import { repoRoot } from '../helpers/temp';

const shots = path.join(repoRoot, 'tests', 'artifacts', 'phone');
fs.mkdirSync(shots, { recursive: true });

const test = base.extend<{ room: PhoneFixture; phone: Page; problems: string[]; allowNetworkErrors: boolean }>({
  allowNetworkErrors: [false, { option: true }],
  room: async ({}, use) => {
    const fixture = await startPhoneFixture();
    await use(fixture);
    await fixture.close();
  },
  problems: async ({}, use) => {
    await use([]);
  },
  phone: async ({ page, room, problems, allowNetworkErrors }, use) => {
    page.on('console', (m) => {
      if (m.type() !== 'error' && m.type() !== 'warning') return;
      // Chromium logs every refused or cut request; tests that take the server away expect those.
      if (allowNetworkErrors && /Failed to load resource|net::ERR_/.test(m.text())) return;
      problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pagina-fout: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(room.origin) && !r.url().startsWith('data:')) problems.push(`extern verzoek: ${r.url()}`);
    });
    await page.goto(room.pageUrl);
    await use(page);
    expect(problems, 'console-fouten, CSP-meldingen of externe verzoeken').toEqual([]);
  },
});

const phoneUse = { isMobile: true, hasTouch: true, locale: 'nl-NL' };
const SIZES = [
  { name: '360x640', viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 },
  { name: '412x915', viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625 },
  // 200% zoom of a 360×640 phone: the CSS viewport halves (as in reflow.spec.ts).
  { name: 'zoom200-360x640', viewport: { width: 180, height: 320 }, deviceScaleFactor: 4 },
];

const LONG_OPTIONS = Array.from({ length: 20 }, (_, i) =>
  i === 0
    ? 'Welbevindingsondersteuningscoördinatorenoverleg (één lang woord zonder spaties, dat toch moet afbreken)'
    : i === 1
      ? 'Anouks voorstel: İlker Güneş en Małgorzata van Sint-Jan organiseren elke maand een open gesprek met de leerlingenraad'
      : `Optie ${i + 1}: meer tijd voor overleg met collega's over leerlingen die extra zorg nodig hebben, ook buiten de lessen om`,
);

const PROMPTS: Record<string, PromptInput> = {
  peiling: { state: 'open', question: 'q-peiling', type: 'peiling', prompt: 'Waar wil het team dit jaar het eerst aan werken?', options: LONG_OPTIONS },
  meerkeuze: {
    state: 'open',
    question: 'q-meer',
    type: 'peiling',
    prompt: 'Welke momenten geven jou energie op school?',
    options: ['De pauze met collega’s', 'Een goede les', 'Een gesprek met een leerling'],
    multiple: true,
  },
  stelling: {
    state: 'open',
    question: 'q-stelling',
    type: 'stelling',
    prompt: 'Op onze school is er genoeg aandacht voor het welbevinden van het personeel.',
    options: ['eens', 'neutraal', 'oneens'],
    argument: true,
  },
  schaal: {
    state: 'open',
    question: 'q-schaal',
    type: 'schaalvraag',
    prompt: 'Hoeveel stress ervaar jij de laatste weken?',
    scaleLabels: { low: 'helemaal geen', high: 'heel veel' },
  },
  rangorde: {
    state: 'open',
    question: 'q-rang',
    type: 'rangorde',
    prompt: 'Zet deze thema’s in volgorde van belang',
    options: ['Werkdruk', 'Samenwerking', 'Leerlingenzorg', 'Ouders'],
  },
  kaarten: { state: 'open', question: 'q-brain', type: 'brainstorm', prompt: 'Wat helpt jou om te ontspannen na een drukke dag?', phase: 'kaarten' },
  stippen: {
    state: 'open',
    question: 'q-brain',
    type: 'brainstorm',
    prompt: 'Wat helpt jou om te ontspannen na een drukke dag?',
    phase: 'stippen',
    dots: 3,
    cards: [
      { id: 11, text: 'Wandelen met de hond' },
      { id: 12, text: 'Sporten' },
      { id: 13, text: 'Koken voor Anouks familie en daarna rustig de afwas doen zonder telefoon' },
    ],
  },
  checkin: { state: 'open', question: 'q-in', type: 'check-in', prompt: 'Hoe kom je binnen? Eén woord.', answerKind: 'woord' },
  checkout: { state: 'open', question: 'q-uit', type: 'check-out', prompt: 'Welk cijfer geef je deze sessie?', answerKind: 'score' },
};

async function shot(page: Page, name: string) {
  // What the phone shows (not the full page): Playwright scrolled the last control used into view.
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** No sideways scrolling, and every control at least 48×48 CSS pixels. */
async function expectPhoneLayout(page: Page) {
  const report = await page.evaluate(() => {
    const doc = document.documentElement;
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, label.keuze, input[type="text"], textarea')) {
      const r = el.getBoundingClientRect();
      if (r.width < 47.5 || r.height < 47.5) small.push(`${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
    return { overflow: doc.scrollWidth - doc.clientWidth, small };
  });
  expect(report.overflow, 'horizontaal scrollen').toBeLessThanOrEqual(0);
  expect(report.small, 'te kleine tikdoelen').toEqual([]);
}

/**
 * How many requests the page starts when the phone wakes up or comes back online. The page
 * calls fetch synchronously inside those events, so counting the calls needs no waiting.
 */
async function fetchesOnWake(page: Page): Promise<number> {
  return page.evaluate(() => {
    let calls = 0;
    const original = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>) => {
      calls += 1;
      return original(...args);
    };
    try {
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      window.fetch = original;
    }
    return calls;
  });
}

const answers = (room: PhoneFixture) => room.answers.map((a) => a.answer);
/** The device token the page keeps for this room (localStorage, src/participant/room.ts). */
async function storedDevice(page: Page, room: PhoneFixture): Promise<string> {
  const device = await page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { device?: string }).device ?? '', `sessiewijzer.kamer.${room.room}`);
  expect(device).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return device;
}

for (const size of SIZES) {
  test.describe(`telefoon ${size.name}`, () => {
    test.use({ ...phoneUse, viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test('elke vorm beantwoorden, met bevestiging en wijzigen', async ({ phone, room }) => {
      const shotName = (step: string) => `${size.name}-${step}`;
      await expect(phone.getByRole('heading', { level: 1, name: 'Even wachten…' })).toBeVisible();
      await expect(phone.getByText('Verbonden met de begeleider')).toBeVisible();
      await expectPhoneLayout(phone);
      await shot(phone, shotName('01-wachten'));

      // Peiling, one of 20 long options: every option wraps and stays a full-size target.
      room.setPrompt(PROMPTS.peiling!);
      await expect(phone.getByRole('heading', { level: 1, name: /Waar wil het team/ })).toBeVisible();
      const group = phone.getByRole('group', { name: /Waar wil het team/ });
      await expect(group.getByRole('radio')).toHaveCount(20);
      await expectPhoneLayout(phone);
      await shot(phone, shotName('02-peiling'));
      await group.getByRole('radio', { name: /Anouks voorstel/ }).check();
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await expect(phone.getByRole('status').filter({ hasText: 'Je antwoord is opgeslagen' })).toBeVisible();
      await expect(phone.getByRole('button', { name: 'Wijziging versturen' })).toBeVisible();
      await shot(phone, shotName('03-peiling-verstuurd'));
      // Changing the answer sends the new choice with the same device token.
      await group.getByRole('radio', { name: /^Optie 20/ }).check();
      await phone.getByRole('button', { name: 'Wijziging versturen' }).click();
      await expect.poll(() => room.answers.length).toBe(2);
      expect(answers(room)).toEqual([
        { kind: 'keuze', options: [LONG_OPTIONS[1]] },
        { kind: 'keuze', options: [LONG_OPTIONS[19]] },
      ]);
      expect(room.answers[0]!.device).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(room.answers[1]!.device).toBe(room.answers[0]!.device);
      expect(room.answers.map((a) => a.question)).toEqual(['q-peiling', 'q-peiling']);

      // Peiling with several answers.
      room.setPrompt(PROMPTS.meerkeuze!);
      await expect(phone.getByText('Kies één of meer antwoorden.')).toBeVisible();
      await phone.getByRole('checkbox', { name: 'Een goede les' }).check();
      await phone.getByRole('checkbox', { name: 'De pauze met collega’s' }).check();
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible();
      // Options go in the prompt's order, whatever order they were ticked in.
      expect(answers(room)[2]).toEqual({ kind: 'keuze', options: ['De pauze met collega’s', 'Een goede les'] });

      // Stelling with an argument, which waits for the facilitator.
      room.setPrompt(PROMPTS.stelling!);
      await expect(phone.getByRole('radio', { name: 'Oneens' })).toBeVisible();
      await expect(phone.getByText('De begeleider leest je argument eerst')).toBeVisible();
      await phone.getByRole('radio', { name: 'Oneens' }).check();
      await phone.getByLabel('Je argument (mag leeg blijven)').fill('  De werkdruk is hoog, vooral rond de rapporten.  ');
      await expectPhoneLayout(phone);
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await expect(phone.getByText('Wat je schreef wacht op de begeleider')).toBeVisible();
      await shot(phone, shotName('04-stelling'));
      expect(answers(room)[3]).toEqual({ kind: 'stelling', side: 'oneens', argument: 'De werkdruk is hoog, vooral rond de rapporten.' });

      // Schaalvraag 1–10 with its labels (the labels are part of the names of 1 and 10).
      room.setPrompt(PROMPTS.schaal!);
      await expect(phone.getByText('1 = helemaal geen')).toBeVisible();
      await expect(phone.getByRole('radio', { name: /^10\W+heel veel$/ })).toBeVisible();
      await phone.getByRole('radio', { name: '7', exact: true }).check();
      await expectPhoneLayout(phone);
      await shot(phone, shotName('05-schaal'));
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible();
      expect(answers(room)[4]).toEqual({ kind: 'cijfer', value: 7 });

      // Rangorde with buttons; focus stays on the moved item, the move is announced.
      room.setPrompt(PROMPTS.rangorde!);
      await phone.getByRole('button', { name: '„Leerlingenzorg” hoger zetten' }).click();
      await expect(phone.getByRole('button', { name: '„Leerlingenzorg” hoger zetten' })).toBeFocused();
      await phone.keyboard.press('Enter');
      await expect(phone.getByText('„Leerlingenzorg” staat nu op plaats 1 van 4.')).toBeAttached();
      await expect(phone.getByRole('listitem').first()).toHaveText(/Leerlingenzorg/);
      // At the top "hoger" is impossible, so focus went to "lager" of the same item.
      await expect(phone.getByRole('button', { name: '„Leerlingenzorg” lager zetten' })).toBeFocused();
      await phone.getByRole('button', { name: '„Werkdruk” lager zetten' }).click();
      await expect(phone.getByRole('listitem')).toHaveText([/Leerlingenzorg/, /Samenwerking/, /Werkdruk/, /Ouders/]);
      await expectPhoneLayout(phone);
      await shot(phone, shotName('06-rangorde'));
      await phone.getByRole('button', { name: 'Volgorde versturen' }).click();
      await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible();
      expect(answers(room)[5]).toEqual({ kind: 'volgorde', order: ['Leerlingenzorg', 'Samenwerking', 'Werkdruk', 'Ouders'] });

      // Brainstorm cards: several, each shown as waiting for the facilitator.
      room.setPrompt(PROMPTS.kaarten!);
      const card = phone.getByLabel('Nieuwe kaart');
      await card.fill('Wandelen met de hond');
      await phone.getByRole('button', { name: 'Kaart versturen' }).click();
      await expect(phone.getByText('Je kaart is verstuurd en wacht op de begeleider')).toBeVisible();
      await expect(card).toHaveValue('');
      await expect(card).toBeFocused();
      await card.fill('Koken voor Anouks familie');
      await phone.getByRole('button', { name: 'Kaart versturen' }).click();
      const mine = phone.getByRole('region', { name: /Jouw kaarten/ });
      await expect(mine.getByRole('listitem')).toHaveCount(2);
      await expect(mine.getByRole('listitem').first()).toContainText('wacht op de begeleider');
      await expectPhoneLayout(phone);
      await shot(phone, shotName('07-kaarten'));
      expect(answers(room).slice(6)).toEqual([
        { kind: 'kaart', text: 'Wandelen met de hond' },
        { kind: 'kaart', text: 'Koken voor Anouks familie' },
      ]);

      // Dot voting: 3 dots over the cards, the count left is shown and enforced.
      room.setPrompt(PROMPTS.stippen!);
      await expect(phone.getByText('Nog 3 van 3 stippen over')).toBeVisible();
      await phone.getByRole('button', { name: 'Stip zetten bij „Sporten”' }).click();
      await phone.getByRole('button', { name: 'Stip zetten bij „Sporten”' }).click();
      await phone.getByRole('button', { name: /Stip zetten bij „Koken/ }).click();
      await expect(phone.getByText('Nog 0 van 3 stippen over')).toBeVisible();
      const more = phone.getByRole('button', { name: 'Stip zetten bij „Wandelen met de hond”' });
      await expect(more).toHaveAttribute('aria-disabled', 'true');
      await more.click({ force: true });
      await expect(phone.getByText('Nog 0 van 3 stippen over')).toBeVisible();
      await expectPhoneLayout(phone);
      await shot(phone, shotName('08-stippen'));
      await phone.getByRole('button', { name: 'Stippen versturen' }).click();
      await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible();
      expect(answers(room)[8]).toEqual({
        kind: 'stippen',
        dots: [
          { card: 12, dots: 2 },
          { card: 13, dots: 1 },
        ],
      });

      // Check-in word (max 40) and check-out score.
      room.setPrompt(PROMPTS.checkin!);
      const word = phone.getByLabel('Jouw woord');
      await expect(word).toHaveAttribute('maxlength', '40');
      await word.fill('Moe maar blij');
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await expect(phone.getByText('Je woord is verstuurd en wacht op de begeleider')).toBeVisible();
      await shot(phone, shotName('09-checkin'));
      room.setPrompt(PROMPTS.checkout!);
      await phone.getByRole('radio', { name: '8', exact: true }).check();
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible();
      await shot(phone, shotName('10-checkout'));
      expect(answers(room).slice(9)).toEqual([
        { kind: 'woord', text: 'Moe maar blij' },
        { kind: 'score', value: 8 },
      ]);

      room.setPrompt({ state: 'einde' });
      await expect(phone.getByRole('heading', { level: 1, name: 'Bedankt voor het meedoen!' })).toBeVisible();
      await shot(phone, shotName('11-einde'));
      expect(room.answers).toHaveLength(11);
      // Before the end the phone kept its token and answers (for a reload); after it, nothing stays behind.
      await expect.poll(() => phone.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sessiewijzer.')))).toEqual([]);
    });
  });
}

test.describe('donker en minder beweging', () => {
  test.use({ ...phoneUse, viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, colorScheme: 'dark', reducedMotion: 'reduce' });

  test('volgt de instellingen van de telefoon', async ({ phone, room }) => {
    room.setPrompt(PROMPTS.stelling!);
    await phone.getByRole('radio', { name: 'Eens', exact: true }).check();
    await phone.getByRole('button', { name: 'Versturen' }).click();
    await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible();
    const look = await phone.evaluate(() => {
      const body = getComputedStyle(document.body);
      const button = getComputedStyle(document.querySelector('.verstuur')!);
      return { bg: body.backgroundColor, fg: body.color, transition: button.transitionDuration, animation: button.animationName };
    });
    expect(look.bg).toBe('rgb(18, 20, 23)');
    expect(look.fg).toBe('rgb(241, 241, 241)');
    expect(look.transition).toMatch(/^0s$/);
    await shot(phone, 'donker-stelling');
  });
});

test.describe('verbinding en fouten', () => {
  test.use({ ...phoneUse, viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 });

  test('nieuwe vragen komen via de events-stroom, zonder te pollen', async ({ phone, room }) => {
    await expect(phone.getByText('Verbonden met de begeleider')).toBeVisible();
    await expect.poll(() => room.openStreams()).toBe(1);
    const gets = room.counts.prompt;
    room.setPrompt(PROMPTS.schaal!);
    await expect(phone.getByRole('heading', { name: 'Hoeveel stress ervaar jij de laatste weken?' })).toBeVisible();
    room.setPrompt({ state: 'wachten' });
    await expect(phone.getByRole('heading', { name: 'Even wachten…' })).toBeVisible();
    // Both changes arrived by the stream: no GET was needed for them.
    expect(room.counts.prompt).toBe(gets);
    expect(room.counts.events).toBe(1);
    // The stream and the GETs carry this phone's token, so the presenter counts phones, not connections.
    const device = await storedDevice(phone, room);
    expect(room.devices.events).toEqual([device]);
    expect(new Set(room.devices.prompt)).toEqual(new Set([device]));
  });

  test.describe('zonder events-stroom', () => {
    test.use({ allowNetworkErrors: true });
    test('valt terug op pollen als de stroom geweigerd wordt', async ({ phone, room }) => {
      room.refuseEvents = true;
      await phone.reload();
      await expect(phone.getByRole('heading', { name: 'Even wachten…' })).toBeVisible();
      room.setPrompt(PROMPTS.checkin!);
      await expect(phone.getByLabel('Jouw woord')).toBeVisible({ timeout: 10_000 });
      expect(room.openStreams()).toBe(0);
      expect(room.counts.events).toBeGreaterThanOrEqual(1);
      expect(room.counts.prompt).toBeGreaterThanOrEqual(2);
      // Every poll carries the token: a polling phone is counted as connected.
      const device = await storedDevice(phone, room);
      expect(room.devices.prompt.length).toBeGreaterThanOrEqual(2);
      expect(new Set([...room.devices.prompt, ...room.devices.events])).toEqual(new Set([device]));
      await phone.getByLabel('Jouw woord').fill('Nieuwsgierig');
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await expect(phone.getByText('Je woord is verstuurd')).toBeVisible();
      expect(answers(room)).toEqual([{ kind: 'woord', text: 'Nieuwsgierig' }]);
    });
  });

  test('een oudere revisie wordt genegeerd', async ({ phone, room }) => {
    await expect.poll(() => room.openStreams()).toBe(1);
    await phone.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const h1 = document.querySelector('h1')?.textContent ?? '';
        if (seen[seen.length - 1] !== h1) seen.push(h1);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const shown = room.setPrompt(PROMPTS.stelling!);
    await expect(phone.getByRole('heading', { name: /genoeg aandacht/ })).toBeVisible();
    // A late event from before (lower revision) must not bring back an older question…
    room.pushEvent({ ...(PROMPTS.schaal as object), revision: shown.revision - 1 } as never);
    room.pushEvent({ state: 'wachten', revision: shown.revision });
    // …and a newer one after it is taken: once it shows, the older one was already handled.
    room.pushEvent({ ...(PROMPTS.checkout as object), revision: shown.revision + 5 } as never);
    await expect(phone.getByRole('heading', { name: 'Welk cijfer geef je deze sessie?' })).toBeVisible();
    const seen = await phone.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).not.toContain('Hoeveel stress ervaar jij de laatste weken?');
    expect(seen).not.toContain('Even wachten…');
  });

  test.describe('met netwerkfouten', () => {
    test.use({ allowNetworkErrors: true });

    test('herstelt zelf nadat de laptop even weg was', async ({ phone, room }) => {
      await expect.poll(() => room.openStreams()).toBe(1);
      room.setPrompt(PROMPTS.peiling!);
      await expect(phone.getByRole('heading', { name: /Waar wil het team/ })).toBeVisible();
      await room.down();
      await expect(phone.getByText('Verbinding met de begeleider kwijt')).toBeVisible({ timeout: 15_000 });
      // Seen also at the bottom of the 20 options: the notice sticks to the top of the screen.
      await phone.getByRole('radio', { name: /^Optie 20/ }).scrollIntoViewIfNeeded();
      await expect(phone.getByText('Verbinding met de begeleider kwijt')).toBeInViewport();
      await shot(phone, 'verbinding-kwijt');
      room.setPrompt(PROMPTS.rangorde!); // changed while the phone could not hear it
      await room.up();
      await expect(phone.getByRole('heading', { name: /volgorde van belang/ })).toBeVisible({ timeout: 15_000 });
      // While the session runs, waking up asks again (per event a GET and a fresh stream).
      expect(await fetchesOnWake(phone)).toBe(4);
      await expect(phone.getByText('Verbonden met de begeleider')).toBeVisible();
      // The stream is back too, so later changes arrive at once again.
      await expect.poll(() => room.openStreams(), { timeout: 30_000 }).toBe(1);
      room.setPrompt({ state: 'einde' });
      await expect(phone.getByRole('heading', { name: 'Bedankt voor het meedoen!' })).toBeVisible();
      // The session ended: the page stops asking (its server is about to stop) and reports no lost connection.
      await expect.poll(() => room.openStreams()).toBe(0);
      expect(await fetchesOnWake(phone)).toBe(0);
      await room.down();
      await expect(phone.getByText('Verbinding met de begeleider kwijt')).toHaveCount(0);
      await expect(phone.getByRole('heading', { name: 'Bedankt voor het meedoen!' })).toBeVisible();
    });

    test('een antwoord zonder verbinding wordt veilig opnieuw verstuurd', async ({ phone, room }) => {
      room.setPrompt(PROMPTS.schaal!);
      await phone.getByRole('radio', { name: '3', exact: true }).check();
      await room.down();
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await expect(phone.getByText('We proberen het zo opnieuw')).toBeVisible();
      await room.up();
      await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible({ timeout: 20_000 });
      expect(answers(room)).toEqual([{ kind: 'cijfer', value: 3 }]);
    });

    test('een kaart zonder verbinding blijft staan en wordt niet vanzelf dubbel verstuurd', async ({ phone, room }) => {
      room.setPrompt(PROMPTS.kaarten!);
      await phone.getByLabel('Nieuwe kaart').fill('Muziek luisteren');
      await room.down();
      await phone.getByRole('button', { name: 'Kaart versturen' }).click();
      await expect(phone.getByText('je kaart is niet verstuurd')).toBeVisible();
      await expect(phone.getByLabel('Nieuwe kaart')).toHaveValue('Muziek luisteren');
      await room.up();
      await phone.getByRole('button', { name: 'Kaart versturen' }).click();
      await expect(phone.getByText('Je kaart is verstuurd en wacht op de begeleider')).toBeVisible();
      expect(answers(room)).toEqual([{ kind: 'kaart', text: 'Muziek luisteren' }]);
      expect(room.counts.answer).toBe(1); // the attempt while down never reached the server
    });

    test('na slapen of wifi-wissel haalt de pagina de vraag opnieuw op', async ({ phone, room, context }) => {
      await expect.poll(() => room.openStreams()).toBe(1);
      // The stream looks open but hears nothing (as after a sleep): only a GET would show the change.
      room.setPrompt(PROMPTS.stelling!, { stream: false });
      await phone.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await expect(phone.getByRole('heading', { name: /genoeg aandacht/ })).toBeVisible();
      // Wi-Fi gone and back: the browser's online event makes the page ask again.
      await context.setOffline(true);
      room.setPrompt(PROMPTS.checkout!, { stream: false });
      await context.setOffline(false);
      await expect(phone.getByRole('heading', { name: 'Welk cijfer geef je deze sessie?' })).toBeVisible();
    });

    test('een kamer die niet (meer) bestaat geeft een duidelijke melding', async ({ phone, room }) => {
      await expect(phone.getByRole('heading', { name: 'Even wachten…' })).toBeVisible();
      room.endRoom();
      await phone.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await expect(phone.getByRole('heading', { level: 1, name: 'Deze kamer bestaat niet' })).toBeVisible();
      await expect(phone.getByText('Controleer het adres')).toBeVisible();
      await expect(phone.getByText('Op deze telefoon eindigt het op /K7M4Q2/.')).toBeVisible();
      await shot(phone, 'kamer-onbekend');
      // After a 404 the page stops asking; nothing is retried behind the user's back.
      const asked = room.counts.prompt + room.counts.events;
      await phone.getByText('Controleer het adres').click();
      expect(room.counts.prompt + room.counts.events).toBe(asked);
    });
  });

  test.describe('weigeringen', () => {
  // Chromium logs each 4xx reply as a console error; these are the replies under test.
  test.use({ allowNetworkErrors: true });
  test('een weigering van de server staat er in het Nederlands, zoals gegeven', async ({ phone, room }) => {
    room.setPrompt(PROMPTS.schaal!);
    await phone.getByRole('radio', { name: '5', exact: true }).check();
    room.scriptReply({ status: 409, body: { ok: false, error: 'Deze vraag is gesloten; je antwoord is niet opgeslagen.' } });
    await phone.getByRole('button', { name: 'Versturen' }).click();
    await expect(phone.getByRole('status').filter({ hasText: 'Deze vraag is gesloten; je antwoord is niet opgeslagen.' })).toBeVisible();
    await shot(phone, 'weigering');
    // A refusal without the contract's shape (the rate limiter's own English body) gets a Dutch message instead.
    room.scriptReply({ status: 429, body: { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' } });
    await phone.getByRole('button', { name: 'Versturen' }).click();
    await expect(phone.getByText('Je verstuurt snel achter elkaar')).toBeVisible();
    await expect(phone.getByText('Too Many Requests')).toHaveCount(0);
    expect(room.answers).toEqual([]);
    // Sending nothing is caught on the phone, in Dutch, without a request.
    room.setPrompt(PROMPTS.peiling!);
    await phone.getByRole('button', { name: 'Versturen' }).click();
    await expect(phone.getByText('Kies eerst een antwoord.')).toBeVisible();
    expect(room.counts.answer).toBe(2);
  });
  });

  test('dubbel tikken verstuurt één keer', async ({ phone, room }) => {
    room.setPrompt(PROMPTS.schaal!);
    await phone.getByRole('radio', { name: '9', exact: true }).check();
    const hold = room.holdAnswers();
    // Two taps in the same frame, before any re-render could disable the button.
    await phone.getByRole('button', { name: 'Versturen' }).evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    // And a real double tap on the busy button (force: Playwright would wait for aria-disabled to go).
    await phone.getByRole('button', { name: 'Versturen…' }).dblclick({ force: true });
    await expect.poll(() => room.counts.answer).toBe(1);
    hold.release();
    await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible();
    expect(room.counts.answer).toBe(1);
    expect(answers(room)).toEqual([{ kind: 'cijfer', value: 9 }]);

    room.setPrompt(PROMPTS.kaarten!);
    await phone.getByLabel('Nieuwe kaart').fill('Een kaart, één keer');
    const holdCard = room.holdAnswers();
    await phone.getByRole('button', { name: 'Kaart versturen' }).dblclick({ force: true });
    await expect.poll(() => room.counts.answer).toBe(2);
    holdCard.release();
    await expect(phone.getByRole('region', { name: /Jouw kaarten/ }).getByRole('listitem')).toHaveCount(1);
    expect(room.counts.answer).toBe(2);
    expect(answers(room)).toEqual([
      { kind: 'cijfer', value: 9 },
      { kind: 'kaart', text: 'Een kaart, één keer' },
    ]);
  });

  test('na herladen blijft het toestel hetzelfde en staat het antwoord er nog', async ({ phone, room }) => {
    room.setPrompt(PROMPTS.stelling!);
    await phone.getByRole('radio', { name: 'Eens', exact: true }).check();
    await phone.getByRole('button', { name: 'Versturen' }).click();
    await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible();
    const stored = await phone.evaluate(() => Object.keys(localStorage));
    expect(stored).toEqual(['sessiewijzer.kamer.K7M4Q2']);
    await phone.reload();
    await expect(phone.getByRole('radio', { name: 'Eens', exact: true })).toBeChecked();
    await expect(phone.getByText('Je antwoord is opgeslagen')).toBeVisible();
    await phone.getByRole('radio', { name: 'Neutraal' }).check();
    await phone.getByRole('button', { name: 'Wijziging versturen' }).click();
    await expect.poll(() => room.answers.length).toBe(2);
    expect(room.answers[1]!.device).toBe(room.answers[0]!.device);
    // A new room (a new session, on the same laptop and port) gets a new token.
    const first = room.answers[0]!.device;
    room.switchRoom('ABCDEF');
    room.setPrompt(PROMPTS.schaal!);
    await phone.goto(room.pageUrl);
    await phone.getByRole('radio', { name: '4', exact: true }).check();
    await phone.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => room.answers.length).toBe(3);
    expect(room.answers[2]!.device).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(room.answers[2]!.device).not.toBe(first);
  });
});
