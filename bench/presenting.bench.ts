// Benchmark (issue 4): from a key press in the presenter view to the new
// slide painted in the audience view, over a 40-slide run-through, against
// a plain reveal.js page with the same slides as the baseline (key press to
// painted slide in one page). Real core, real Chromium; needs `npm run build`.
//
// "Painted" is the first animation frame in which the audience page shows
// the new slide: a requestAnimationFrame probe stamps the frame after the
// DOM changed. Times are performance.timeOrigin-based, comparable across pages
// and with this Node process (which runs the harness, i.e. main), so each key
// press is also split: key → request in main (HTTP), main's handler, main →
// push in the audience (SSE), push → painted. The plain page has no transport
// at all; in Electron the two transport legs are IPC messages instead.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { bridgeScriptPath, startHarness } from '../tests/harness/server';
import { dispatch } from '../src/main/ipc/dispatch';
import { figures, printFigures } from './stats';

// Small runs (a quick check on a busy machine): BENCH_STEPS=10 BENCH_ENTRIES=5 npm run bench presenting
const STEPS = Number(process.env.BENCH_STEPS ?? 40);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 30);
const MODULE_ID = 'prestatiedruk';
const root = path.join(__dirname, '..');
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Forward through the deck and back again until STEPS key presses. */
function runThrough(slideCount: number): ('ArrowRight' | 'ArrowLeft')[] {
  const keys: ('ArrowRight' | 'ArrowLeft')[] = [];
  let index = 0;
  let dir = 1;
  while (keys.length < STEPS) {
    if (index + dir < 0 || index + dir >= slideCount) dir = -dir;
    keys.push(dir > 0 ? 'ArrowRight' : 'ArrowLeft');
    index += dir;
  }
  return keys;
}

// Stamps, in the page, the first frame after the visible slide changed.
const PROBE = `(() => {
  window.__frames = [];
  let last = null;
  const tick = () => {
    const el = document.querySelector('.reveal section.present');
    const id = el ? el.getAttribute('data-slide-id') : null;
    if (id !== last) { window.__frames.push({ id, at: performance.timeOrigin + performance.now() }); last = id; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Where one key press's time went (epoch ms, comparable across Node and the pages). */
interface Split {
  key: number;
  handlerStart: number;
  handlerEnd: number;
  pushed: number;
  listened: number;
  painted: number;
}
const splits: Split[] = [];
/** Set by the wrapped presenting:command handler in main (the harness runs it in this process). */
const handlerTimes: { start: number; end: number }[] = [];
const epochNow = () => performance.timeOrigin + performance.now();

async function pressAndWait(presenter: Page, audience: Page, key: string, expectId: string): Promise<number> {
  const before = await audience.evaluate(() => (window as unknown as { __frames: unknown[] }).__frames.length);
  handlerTimes.length = 0;
  const t0 = await presenter.evaluate((k) => {
    const at = performance.timeOrigin + performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    return at;
  }, key);
  const handle = await audience.waitForFunction(
    ([n, id]) => {
      const frames = (window as unknown as { __frames: { id: string; at: number }[] }).__frames;
      return frames.slice(n as number).find((f) => f.id === id)?.at ?? false;
    },
    [before, expectId] as const,
    { polling: 'raf', timeout: 10_000 },
  );
  const painted = (await handle.jsonValue()) as number;
  const [pushed, listened] = await audience.evaluate(() => {
    const w = window as unknown as { __pushedAt: Record<string, number>; __listenedAt: Record<string, number> };
    return [w.__pushedAt['presenting:changed']!, w.__listenedAt['presenting:changed']!];
  });
  const h = handlerTimes[0];
  if (h) splits.push({ key: t0, handlerStart: h.start, handlerEnd: h.end, pushed, listened, painted });
  return painted - t0;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    console.error('out/renderer ontbreekt: draai eerst `npm run build`.');
    process.exit(1);
  }
  const harness = await startHarness();
  // Time main's part of each key press: the core's handler (the SQLite transaction, the new state
  // and its push to the windows), called by the harness as ipcMain would call it.
  const handlers = harness.core.handlers as unknown as Record<string, (input: unknown) => unknown>;
  const command = handlers['presenting:command']!;
  handlers['presenting:command'] = (input) => {
    const start = epochNow();
    try {
      return command(input);
    } finally {
      handlerTimes.push({ start, end: epochNow() });
    }
  };
  const call = async (channel: string, input?: unknown) => {
    const r = await dispatch(harness.core.handlers, channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  const org: { id: number } = await call('organisations:create', { name: 'Benchmark', kind: 'stichting' });
  const group: { id: number } = await call('groups:create', { organisationId: org.id, name: 'Groep', kind: 'groep' });
  const session: { id: number } = await call('sessions:create', { groupId: group.id, moduleId: MODULE_ID, date: '2026-11-25' });
  const module = harness.core.modules.get(MODULE_ID);
  const slides = module.blocks.flatMap((b) => b.slides);
  const keys = runThrough(slides.length);

  const browser = await chromium.launch({ executablePath: process.env.SESSIEWIJZER_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript({ path: bridgeScriptPath });

  // Sessiewijzer: presenter page drives, audience page follows through main.
  const presenter = await context.newPage();
  const audience = await context.newPage();
  await presenter.goto(`${harness.url}#/presenteren/${session.id}`);
  await audience.goto(`${harness.url}#/publiek/${session.id}`);
  await presenter.getByRole('button', { name: 'Start (F5)' }).click();
  await audience.locator('.reveal[data-ready="true"]').waitFor();
  await audience.evaluate(PROBE);
  // Does the audience ask main for anything on a slide change (a refetch after the push)?
  const audienceRequests: string[] = [];
  const countRequest = (r: { url: () => string }) => audienceRequests.push(new URL(r.url()).pathname);
  audience.on('request', countRequest);
  const ours: number[] = [];
  let index = 0;
  for (const key of keys) {
    index += key === 'ArrowRight' ? 1 : -1;
    ours.push(await pressAndWait(presenter, audience, key, slides[index]!.id));
  }

  audience.off('request', countRequest);

  // Entry → shown: a contribution typed in the presenter view (Enter) until it is painted in the
  // revealed results on the audience view.
  const rondje = slides.find((sl) => sl.workFormat?.type === 'rondje')!;
  // Jump there from the presenter view itself: the slide number, then Enter.
  const rondjeNumber = String(slides.indexOf(rondje) + 1);
  for (const key of [...rondjeNumber, 'Enter']) {
    await presenter.evaluate((k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })), key);
    await presenter.waitForTimeout(50);
  }
  await audience.locator(`.reveal section.present[data-slide-id="${rondje.id}"]`).waitFor();
  const started: { run: { id: number } } = await call('runs:start', { sessionId: session.id, slideId: rondje.id });
  await call('runs:reveal', { runId: started.run.id, revealed: true });
  await audience.locator('.audience-overlay').waitFor();
  const entryBox = presenter.getByRole('textbox', { name: 'Bijdrage' });
  await entryBox.waitFor().catch(async (e) => {
    await presenter.screenshot({ path: 'bench/results/presenter-debug.png' });
    throw e;
  });
  const shown: number[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const text = `Bijdrage nummer ${i + 1}`;
    await entryBox.fill(text);
    const t0 = await presenter.evaluate(() => {
      const at = performance.timeOrigin + performance.now();
      document.querySelector<HTMLInputElement>('input[aria-label="Bijdrage"]')!.form!.requestSubmit();
      return at;
    });
    const handle = await audience.waitForFunction(
      (marker) => {
        const overlay = document.querySelector('.audience-overlay');
        return overlay && overlay.textContent!.includes(marker) ? performance.timeOrigin + performance.now() : false;
      },
      text,
      { polling: 'raf', timeout: 10_000 },
    );
    shown.push(((await handle.jsonValue()) as number) - t0);
  }
  const stored = harness.core.db.prepare('SELECT count(*) AS n FROM entries WHERE run_id = ?').get(started.run.id) as { n: number };
  if (stored.n !== ENTRIES) throw new Error(`Verwacht ${ENTRIES} bijdragen in de database, gevonden ${stored.n}.`);

  // Baseline: a plain reveal.js page with the same slide HTML, its own keyboard handling.
  const baselineServer = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/reveal/')) {
      const file = path.join(root, 'node_modules', 'reveal.js', 'dist', path.normalize(url.slice('/reveal/'.length)));
      res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' });
      fs.createReadStream(file).pipe(res);
      return;
    }
    const sections = slides.map((s) => `<section data-slide-id="${s.id}"><h2>${s.title}</h2>${s.html}</section>`).join('\n');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><link rel="stylesheet" href="/reveal/reveal.css"><link rel="stylesheet" href="/reveal/theme/white.css"></head>
<body><div class="reveal"><div class="slides">${sections}</div></div>
<script type="module">import Reveal from '/reveal/reveal.mjs'; const deck = new Reveal({ hash: false, transition: 'fade', transitionSpeed: 'fast', width: 1280, height: 720 }); deck.initialize().then(() => document.body.dataset.ready = '1');</script></body></html>`);
  });
  await new Promise<void>((resolve) => baselineServer.listen(0, '127.0.0.1', resolve));
  const plain = await context.newPage();
  await plain.goto(`http://127.0.0.1:${(baselineServer.address() as AddressInfo).port}/`);
  await plain.waitForFunction(() => document.body.dataset.ready === '1');
  await plain.evaluate(PROBE);
  const baseline: number[] = [];
  index = 0;
  for (const key of keys) {
    index += key === 'ArrowRight' ? 1 : -1;
    const before = await plain.evaluate(() => (window as unknown as { __frames: unknown[] }).__frames.length);
    const t0 = await plain.evaluate((k) => {
      const at = performance.timeOrigin + performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: k, keyCode: k === 'ArrowRight' ? 39 : 37, bubbles: true }));
      return at;
    }, key);
    const handle = await plain.waitForFunction(
      ([n, id]) => (window as unknown as { __frames: { id: string; at: number }[] }).__frames.slice(n as number).find((f) => f.id === id)?.at ?? false,
      [before, slides[index]!.id] as const,
      { polling: 'raf', timeout: 10_000 },
    );
    baseline.push(((await handle.jsonValue()) as number) - t0);
  }

  const rows = [
    figures(`Sessiewijzer: toets presentator → dia publiek (${STEPS} dia's)`, ours, 16.7),
    figures(`Basislijn: kale reveal.js-pagina, toets → dia (${STEPS} dia's)`, baseline, 16.7),
  ];
  printFigures(rows);
  console.log(`Verhouding p95 Sessiewijzer / basislijn: ${(rows[0]!.p95Ms / rows[1]!.p95Ms).toFixed(2)}×`);
  console.log('');
  console.log('Waar de tijd van Sessiewijzer heen gaat (per toets):');
  printFigures([
    figures('  toets → verzoek in main (toetsafhandeling, HTTP)', splits.map((x) => x.handlerStart - x.key)),
    figures('  main: opdracht (SQLite-transactie, toestand, push)', splits.map((x) => x.handlerEnd - x.handlerStart)),
    figures('  main klaar → push in publieksvenster (SSE)', splits.map((x) => x.pushed - x.handlerEnd)),
    figures('  push ontvangen → verwerkt (JSON, reveal.js, React-state)', splits.map((x) => x.listened - x.pushed)),
    figures('  verwerkt → dia getoond (render, wachten op het frame)', splits.map((x) => x.painted - x.listened)),
  ]);
  const withoutTransport = figures(
    '  zonder transport: main + publieksvenster (push → getoond)',
    splits.map((x) => x.handlerEnd - x.handlerStart + (x.painted - x.pushed)),
  );
  printFigures([figures('  transport: HTTP heen + SSE terug', splits.map((x) => x.handlerStart - x.key + (x.pushed - x.handlerEnd))), withoutTransport]);
  console.log(`  verhouding p95 zonder transport / basislijn: ${(withoutTransport.p95Ms / rows[1]!.p95Ms).toFixed(2)}×`);
  console.log(`Verzoeken van het publieksvenster tijdens de ${STEPS} toetsen: ${audienceRequests.length}${audienceRequests.length ? ` (${[...new Set(audienceRequests)].join(', ')})` : ''}`);
  console.log('');
  printFigures([figures(`Werkvorm: bijdrage (Enter) → zichtbaar op publieksscherm (${ENTRIES}×)`, shown, 16.7)]);
  console.log('(de opslag zelf: zie bench/entries.bench.ts, doel p95 ≤ 5 ms)');
  console.log('(headless Chromium op deze machine; de melding "gehaald" gaat over p95 ≤ één frame bij 60 Hz)');

  await browser.close();
  baselineServer.close();
  await harness.close();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
