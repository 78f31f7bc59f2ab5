// Screen-level benchmark (issue 11): opening Groepen on an organisation with
// 5,000 participants, in real Chromium against the real core (test harness).
// Measures from the click on "Groepen" to the first participant row painted
// (target p95 ≤ 300 ms) and counts the calls the screen makes to main; then
// ticks one member and counts the calls that tick costs. Needs `npm run build`.
//
//   npx tsx bench/groups.bench.ts [runs]

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { bridgeScriptPath, startHarness } from '../tests/harness/server';
import { PARTICIPANT_ROLES } from '../src/shared/domain';
import { figures, printFigures } from './stats';

const PARTICIPANTS = 5_000;
const MEMBERS = 2_000;
const RUNS = Number(process.argv[2] ?? 20);
const TARGET_MS = 300;
const root = path.join(__dirname, '..');
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

// Trap names: diacritics, short names, apostrophes, possessive-looking names.
const FIRST = ['Jan', 'Bo', 'İlker', 'Małgorzata', 'Anouk', 'Noëlle', 'Daniël', 'Fatima', 'Sven', 'Çağla', 'Zoë', 'Pieter'];
const LAST = ['Güneş', 'de Vries', "van 't Hof", 'Öztürk', 'Kowalska', 'Bakker', 'El Amrani', 'Jansen', 'Nguyễn', 'Smit'];

// Page functions run in Chromium (the CSP forbids string evaluation) and are serialised on their own,
// so each reaches `document` itself; the Node type check has no DOM types.

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    console.error('out/renderer ontbreekt: draai eerst `npm run build`.');
    process.exit(1);
  }
  const harness = await startHarness();
  const db = harness.core.db;
  // Raw prepared INSERTs in one transaction, as bench/generate-dataset.ts does: the schema is the app's own.
  const groupId = db.transaction(() => {
    const org = Number(db.prepare("INSERT INTO organisations (name, kind) VALUES ('Stichting Sint-Jan', 'stichting')").run().lastInsertRowid);
    const schools = ['Sint-Jan', 'De Linde', 'Het Anker', 'Anouks Droom'].map((name, i) =>
      Number(db.prepare('INSERT INTO schools (organisation_id, name, sector) VALUES (?, ?, ?)').run(org, name, ['po', 'vo', 'go', 'mbo'][i]).lastInsertRowid),
    );
    const group = Number(db.prepare("INSERT INTO groups (organisation_id, name, kind) VALUES (?, 'Kernteam Sint-Jan', 'kernteam')").run(org).lastInsertRowid);
    const person = db.prepare('INSERT INTO participants (organisation_id, school_id, name, role) VALUES (?, ?, ?, ?)');
    const member = db.prepare('INSERT INTO group_members (group_id, participant_id) VALUES (?, ?)');
    for (let i = 0; i < PARTICIPANTS; i++) {
      const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
      const id = Number(person.run(org, schools[i % schools.length], name, PARTICIPANT_ROLES[i % PARTICIPANT_ROLES.length]).lastInsertRowid);
      if (i % (PARTICIPANTS / MEMBERS) < 1) member.run(group, id);
    }
    return group;
  })();

  const browser = await chromium.launch({ executablePath: process.env.SESSIEWIJZER_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ path: bridgeScriptPath });
  const page = await context.newPage();
  const calls: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) calls.push(url.pathname.slice(5));
  });

  const samples: number[] = [];
  const tickSamples: number[] = [];
  let callsPerOpen = 0;
  for (let run = 0; run < RUNS + 2; run++) {
    await page.goto(`${harness.url}#/start`);
    await page.getByRole('link', { name: 'Groepen' }).waitFor();
    calls.length = 0;
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Groepen' }).click();
    // First rows painted (names visible), then the member ticks (membership loaded too).
    const handle = await page.waitForFunction(
      (q) => ((globalThis as unknown as { document: { querySelector(q: string): unknown } }).document.querySelector(q) ? performance.now() : false),
      'table.table:not([hidden]) tbody tr td',
      { polling: 'raf', timeout: 30_000 },
    );
    const ticks = await page.waitForFunction(
      (q) => ((globalThis as unknown as { document: { querySelector(q: string): unknown } }).document.querySelector(q) ? performance.now() : false),
      'table.table tbody tr input[aria-label$=" in groep"]',
      { polling: 'raf', timeout: 30_000 },
    );
    const ms = ((await handle.jsonValue()) as number) - t0;
    const msTicks = ((await ticks.jsonValue()) as number) - t0;
    if (run >= 2) {
      // two warm-up runs
      samples.push(ms);
      tickSamples.push(msTicks);
    }
    await page.waitForLoadState('networkidle');
    callsPerOpen = calls.length;
  }
  const openCalls = [...new Set(calls)].map(decodeURIComponent).join(', ');

  // One tick: count the calls it costs (the change itself, then each region that shows it reloads once).
  calls.length = 0;
  const first = page.locator('table.table tbody tr input[aria-label$=" in groep"]').first();
  const wasChecked = await first.isChecked();
  const t0 = performance.now();
  await first.click();
  await page.waitForFunction((was) => {
    const box = (globalThis as unknown as { document: { querySelector(q: string): unknown } }).document.querySelector('table.table tbody tr input[aria-label$=" in groep"]') as { checked: boolean; disabled: boolean } | null;
    return box !== null && box.checked !== was && !box.disabled;
  }, wasChecked);
  const tickMs = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  const tickCalls = [...calls];
  const rows = await page.locator('table.table tbody tr').count();

  printFigures([
    figures(`Groepen openen tot eerste rijen (${PARTICIPANTS} deelnemers)`, samples, TARGET_MS),
    figures('… tot de lidmaatschapsvinkjes', tickSamples),
  ]);
  console.log(`Aanroepen naar main bij openen: ${callsPerOpen} (${openCalls}); rijen op de eerste pagina: ${rows}`);
  console.log(`Eén vinkje: ${tickMs.toFixed(0)} ms; ${tickCalls.length} aanroepen: ${tickCalls.map(decodeURIComponent).join(', ')} (groep ${groupId})`);

  await browser.close();
  await harness.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
