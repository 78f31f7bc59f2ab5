// `npm run soak:presenting [keys] [seed]`: 2,000 random key presses in the
// presenter view against the real core in Debian's Chromium, the audience
// view checked after each. Not part of CI (it takes minutes); needs
// `npm run build` first. Prints the figures and exits 1 on any mismatch.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { bridgeScriptPath, startHarness } from '../../harness/server';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { runSoak } from './presenting-soak';

async function main(): Promise<void> {
  const keys = Number(process.argv[2] ?? 2000);
  const seed = Number(process.argv[3] ?? 2026);
  if (!fs.existsSync(path.join(__dirname, '..', '..', '..', 'out', 'renderer', 'index.html'))) {
    console.error('out/renderer ontbreekt: draai eerst `npm run build`.');
    process.exit(1);
  }
  const harness = await startHarness();
  const call = async (channel: string, input?: unknown) => {
    const r = await dispatch(harness.core.handlers, channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  const org: { id: number } = await call('organisations:create', { name: 'Soak', kind: 'stichting' });
  const group: { id: number } = await call('groups:create', { organisationId: org.id, name: 'Groep', kind: 'groep' });
  const session: { id: number } = await call('sessions:create', { groupId: group.id, moduleId: 'prestatiedruk', date: '2026-11-25' });
  const browser = await chromium.launch({ executablePath: process.env.SESSIEWIJZER_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ path: bridgeScriptPath });
  const presenter = await context.newPage();
  const audience = await context.newPage();
  await presenter.goto(`${harness.url}#/presenteren/${session.id}`);
  await audience.goto(`${harness.url}#/publiek/${session.id}`);
  await presenter.bringToFront();
  const started = Date.now();
  const result = await runSoak({ presenter, audience, keys, seed });
  const sorted = [...result.settleMs].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  console.log(`Soak presenteren: ${result.steps} toetsen (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`Per soort: ${Object.entries(result.counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`Beide schermen gelijk na: mediaan ${pct(50)} ms, p95 ${pct(95)} ms, max ${sorted.at(-1) ?? 0} ms`);
  console.log(`Afwijkingen: ${result.mismatches.length}`);
  for (const m of result.mismatches.slice(0, 20)) console.log(`  ${m}`);
  await browser.close();
  await harness.close();
  process.exit(result.mismatches.length === 0 ? 0 : 1);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
