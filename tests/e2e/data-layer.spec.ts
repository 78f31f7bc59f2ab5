// The renderer's data layer (TanStack Query over the typed client): answers
// that arrive late or out of order never replace newer ones, and a late
// answer for the previous slide's run never becomes the run an entry goes to.
// The harness withholds a channel's answers and releases them in the order a
// test chooses; every answer is computed when asked, so a late one is stale.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { Harness } from '../harness/server';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';

async function call<C extends Channel>(h: Harness, channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await dispatch(h.core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ChannelResult<C>;
}

/** Lets the page handle what it has received: two animation frames (React commits in between). */
const settle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** Counts the page's requests per channel. */
function countRequests(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on('request', (r) => {
    const channel = /\/api\/([^/?]+)$/.exec(new URL(r.url()).pathname)?.[1];
    if (channel) counts.set(decodeURIComponent(channel), (counts.get(decodeURIComponent(channel)) ?? 0) + 1);
  });
  return counts;
}

test('typing a search fast: answers released newest first still leave the newest on screen', async ({ app, harness }) => {
  const org = await call(harness, 'organisations:create', { name: 'Sint-Jan Stichting', kind: 'stichting' });
  await call(harness, 'trajectories:create', { organisationId: org.id, name: 'Sint-Jan traject', season: '2026-2027' });
  const other = await call(harness, 'organisations:create', { name: 'Stichting De Brug', kind: 'stichting' });
  await call(harness, 'trajectories:create', { organisationId: other.id, name: 'Samen sterk', season: '2026-2027' });
  await call(harness, 'trajectories:create', { organisationId: other.id, name: 'Anouks traject', season: '2026-2027' });
  await app.goto(`${harness.url}#/trajecten`);
  const table = app.getByRole('region', { name: 'Alle trajecten' }).locator('tbody');
  await expect(table.locator('tr')).toHaveCount(3);

  const requests = countRequests(app);
  const held = harness.hold('trajectories:list');
  const search = app.getByLabel('Zoek traject');
  // Key by key, each answer withheld; a key waits for its request (React may batch two quick keys).
  // Four keys: Chromium keeps six connections per host, one is the event stream.
  for (const [n, key] of [...'Sint'].entries()) {
    await search.press(key);
    await expect.poll(() => held.inputs.length, JSON.stringify(held.inputs)).toBe(n + 1);
  }
  expect(held.pending()).toBe(4);
  expect(held.inputs.map((i) => (i as { search?: string }).search)).toEqual(['S', 'Si', 'Sin', 'Sint']);

  // The newest answer first, then the three older (stale) ones, each matching "Samen sterk" too.
  await held.release(3);
  await expect(table.locator('tr')).toHaveCount(1);
  for (let n = 2; n >= 0; n--) await held.release(n);
  await settle(app);
  await expect(table.locator('tr')).toHaveCount(1);
  await expect(table).toContainText('Sint-Jan traject');
  await expect(table).not.toContainText('Samen sterk');
  // The stale answer to "S" really was different (all three): it was discarded, not equal.
  expect(harness.core.handlers['trajectories:list']({ search: 'S', limit: 200 })).toHaveLength(3);
  // One request per search text, none repeated.
  expect(requests.get('trajectories:list')).toBe(4);
  await held.stop();
});

test('a change in main while the list is loading: the answer from before the change is not shown', async ({ app, harness }) => {
  const org = await call(harness, 'organisations:create', { name: 'Stichting De Brug', kind: 'stichting' });
  await call(harness, 'trajectories:create', { organisationId: org.id, name: 'Eerste traject', season: '2026-2027' });
  const held = harness.hold('trajectories:list');
  await app.goto(`${harness.url}#/trajecten`);
  await expect.poll(() => held.pending()).toBe(1);
  // Stored while the first answer (one trajectory) is on its way: main pushes data:changed.
  await call(harness, 'trajectories:create', { organisationId: org.id, name: 'Małgorzata’s traject', season: '2026-2027' });
  await expect.poll(() => held.inputs.length).toBe(2);
  await held.release(1);
  const rows = app.getByRole('region', { name: 'Alle trajecten' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await held.release(0);
  await settle(app);
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Małgorzata’s traject' })).toHaveCount(1);
  await held.stop();
});

test('a late results answer for the previous slide never becomes the run an entry goes to', async ({ app, harness }) => {
  const org = await call(harness, 'organisations:create', { name: 'Stichting De Brug', kind: 'stichting' });
  const group = await call(harness, 'groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  const session = await call(harness, 'sessions:create', { groupId: group.id, moduleId: 'prestatiedruk', date: '2026-11-25' });
  const sessionId = session.id;
  await call(harness, 'presenting:command', { sessionId, command: { type: 'start' } });
  const goto = (slideId: string) => call(harness, 'presenting:command', { sessionId, command: { type: 'goto', slideId } });
  // The next slide already has a run with one contribution.
  const round = await call(harness, 'runs:start', { sessionId, slideId: 'rondje-wat-werkt' });
  await call(harness, 'entries:add', { runId: round.run.id, entry: { kind: 'contribution', text: 'Eerste bijdrage' }, participantId: null });

  await goto('brainstorm-drukbronnen');
  await app.goto(`${harness.url}#/presenteren/${sessionId}`);
  const panel = app.getByRole('region', { name: 'Werkvorm', exact: true });
  const card = panel.getByLabel('Kaart');
  await card.fill('Toetsweken');
  await card.press('Enter');
  await expect(panel.getByLabel('Cluster voor Toetsweken')).toBeVisible();
  const brainstormRunId = (harness.core.db.prepare("SELECT id FROM work_format_runs WHERE slide_id = 'brainstorm-drukbronnen'").get() as { id: number }).id;

  const held = harness.hold('runs:results');
  // A second card: main pushes the change, the brainstorm's results are asked for and withheld.
  await card.fill('Huiswerk');
  await card.press('Enter');
  await expect.poll(() => held.inputs.length).toBe(1);
  // Next slide before that answer arrives: the round's results are asked for and withheld too.
  await goto('rondje-wat-werkt');
  await expect(panel).toContainText('Rondje');
  await expect.poll(() => held.inputs.length).toBe(2);
  expect(held.inputs.map((i) => (i as { runId: number }).runId)).toEqual([brainstormRunId, round.run.id]);

  // The round's answer first, then the brainstorm's late one.
  await held.release(1);
  await expect(panel.getByRole('region', { name: 'Resultaten' })).toContainText('Eerste bijdrage');
  await held.release(0);
  await settle(app);
  // Still the round: no brainstorm form, no brainstorm cards.
  await expect(panel.getByLabel('Kaart')).toHaveCount(0);
  await expect(panel).not.toContainText('Toetsweken');
  await expect(panel.getByRole('region', { name: 'Resultaten' })).toContainText('Eerste bijdrage');
  await held.stop();

  // An entry typed now goes to the round, twice quickly: two entries, both in the round.
  await panel.getByLabel('Bijdrage').fill('Mentoruur over stress');
  await panel.getByLabel('Bijdrage').press('Enter');
  await panel.getByLabel('Bijdrage').fill('Samen toetsen plannen');
  await panel.getByLabel('Bijdrage').press('Enter');
  await expect(panel.getByRole('region', { name: 'Resultaten' })).toContainText('Samen toetsen plannen');
  const texts = (runId: number) =>
    (harness.core.db.prepare('SELECT payload FROM entries WHERE run_id = ? ORDER BY id').all(runId) as { payload: string }[]).map(
      (e) => JSON.parse(e.payload).text,
    );
  expect(texts(round.run.id)).toEqual(['Eerste bijdrage', 'Mentoruur over stress', 'Samen toetsen plannen']);
  expect(texts(brainstormRunId)).toEqual(['Toetsweken', 'Huiswerk']);
  expect(harness.core.db.prepare('SELECT count(*) AS n FROM work_format_runs').get()).toEqual({ n: 2 });
});
