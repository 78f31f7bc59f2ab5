// Phones and an app that was killed (issue 16, privacy): the room server
// clears device keys and deletes phone text never let through when it stops
// or the session ends. An app killed during a session with phones never got to
// do that; the next start does it, once the database may be written (at once
// with the integrity check at open, after the background check otherwise).
// Real SQLite files through the CoreOwner, as the app opens them.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreOwner } from '../../src/main/services/core-owner';
import { tempDir } from '../helpers/temp';
import { openTestOwner } from '../helpers/owner';

let dir: string;
let cleanup: () => void;
let owners: CoreOwner[] = [];
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => {
  for (const o of owners) o.close();
  owners = [];
  cleanup();
});

async function open(integrityCheck: 'sync' | 'background') {
  const t = await openTestOwner(dir, { integrityCheck, dailyBackup: false });
  owners.push(t.owner);
  return t;
}

interface EntryRow {
  id: number;
  text: string;
  source: string;
  device_key: string | null;
  pending: number;
}

/** A session whose app was killed while phones answered a brainstorm, and one without phones. */
async function killedDuringPhones() {
  const t = await open('sync');
  const org = await t.call('organisations:create', { name: 'Stichting Sint-Jan', kind: 'stichting' });
  const group = await t.call('groups:create', { organisationId: org.id, name: 'Team Sint-Jan', kind: 'kernteam' });
  const withPhones = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-20' });
  const without = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-27' });
  const run = await t.call('runs:startAdHoc', { sessionId: withPhones.id, format: { type: 'brainstorm', prompt: 'Wat geeft druk?' } });
  await t.call('entries:add', { runId: run.run.id, entry: { kind: 'card', text: 'Toetsweek (getypt)' } });
  const other = await t.call('runs:startAdHoc', { sessionId: without.id, format: { type: 'brainstorm', prompt: 'Wat helpt?' } });
  await t.call('entries:add', { runId: other.run.id, entry: { kind: 'card', text: 'Rust in de klas' } });
  // What the room server had written when the app was killed: a card let through, one still
  // waiting (it names a teacher), both with their phone's key, and the run still open for phones.
  const db = t.owner.core!.db;
  const insert = db.prepare(
    `INSERT INTO entries (run_id, kind, payload, participant_id, source, device_key, pending) VALUES (?, 'card', ?, NULL, 'phone', ?, ?)`,
  );
  insert.run(run.run.id, JSON.stringify({ text: 'Huiswerk in het weekend', clusterId: null }), 'a1'.repeat(32), 0);
  insert.run(run.run.id, JSON.stringify({ text: 'Meneer Jansen is te streng', clusterId: null }), 'b2'.repeat(32), 1);
  db.prepare(`UPDATE work_format_runs SET phone_state = 'open' WHERE id = ?`).run(run.run.id);
  // Killed: no stop, no end of the session (closing without a running server cleans nothing).
  t.owner.close();
  owners = owners.filter((o) => o !== t.owner);
  return { runId: run.run.id, otherRunId: other.run.id };
}

function rows(owner: CoreOwner, runId: number): EntryRow[] {
  return owner
    .core!.db.prepare(`SELECT id, json_extract(payload, '$.text') AS text, source, device_key, pending FROM entries WHERE run_id = ? ORDER BY id`)
    .all(runId) as EntryRow[];
}
const phoneState = (owner: CoreOwner, runId: number) =>
  (owner.core!.db.prepare('SELECT phone_state AS s FROM work_format_runs WHERE id = ?').get(runId) as { s: string }).s;

describe('phone leftovers of a killed app', () => {
  for (const check of ['sync', 'background'] as const) {
    it(`are cleared at the next start (integrity check ${check}): keys gone, waiting text deleted, the run closed, nothing else touched`, async () => {
      const { runId, otherRunId } = await killedDuringPhones();
      const t = await open(check);
      await t.owner.integrityChecked;
      const after = rows(t.owner, runId);
      expect(after.map((r) => [r.text, r.source, r.device_key, r.pending])).toEqual([
        ['Toetsweek (getypt)', 'facilitator', null, 0],
        ['Huiswerk in het weekend', 'phone', null, 0],
      ]);
      expect(phoneState(t.owner, runId)).toBe('closed');
      expect(rows(t.owner, otherRunId).map((r) => r.text)).toEqual(['Rust in de klas']);
      expect(phoneState(t.owner, otherRunId)).toBe('off');
      // The results the facilitator sees: the card let through counts, the waiting one is gone.
      const view = await t.call('runs:results', { runId });
      expect(view.entries.map((e) => e.payload.text)).toEqual(['Toetsweek (getypt)', 'Huiswerk in het weekend']);
      // A second start finds nothing left to clear.
      expect(t.owner.core!.lan.clearLeftovers()).toEqual([]);
    });
  }
});
