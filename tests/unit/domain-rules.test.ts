// Domain rules held in main: counts as deltas resolved inside the
// transaction, a session only in a trajectory of its own organisation, and
// no entries after a session ended except through the session record.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(() => (t = openTestCore()));
afterEach(() => t.close());

async function session(orgName = 'Stichting Sint-Jan') {
  const org = await t.call('organisations:create', { name: orgName, kind: 'stichting' });
  const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  const s = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' });
  return { org, group, s };
}

const tally = async (runId: number, option: string) => {
  const view = await t.call('runs:results', { runId });
  if (view.results?.type !== 'peiling') throw new Error('geen peiling');
  return view.results.tallies.find((x) => x.option === option)!.count;
};

describe('counts as deltas', () => {
  it('two quick increments sent before either is answered add two', async () => {
    const { s } = await session();
    const poll = (await t.call('runs:startAdHoc', { sessionId: s.id, format: { type: 'peiling', prompt: 'Herken je dit?', options: ['Ja', 'Nee'] } })).run.id;
    await t.call('entries:add', { runId: poll, entry: { kind: 'count', option: 'Ja', count: 3 } });
    // Both requests are in flight at once, as two fast clicks on "+" are.
    const [a, b] = await Promise.all([
      dispatch(t.core.handlers, 'entries:add', { runId: poll, entry: { kind: 'count', option: 'Ja', delta: 1 } }),
      dispatch(t.core.handlers, 'entries:add', { runId: poll, entry: { kind: 'count', option: 'Ja', delta: 1 } }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(await tally(poll, 'Ja')).toBe(5);
    // A vote after a count adds one; a delta applies to that tally.
    await t.call('entries:add', { runId: poll, entry: { kind: 'vote', option: 'Ja' } });
    await t.call('entries:add', { runId: poll, entry: { kind: 'count', option: 'Ja', delta: -2 } });
    expect(await tally(poll, 'Ja')).toBe(4);
    // Never below zero; the other option is untouched.
    await t.call('entries:add', { runId: poll, entry: { kind: 'count', option: 'Nee', delta: -1 } });
    expect(await tally(poll, 'Nee')).toBe(0);
    expect(await tally(poll, 'Ja')).toBe(4);
    await expect(t.call('entries:add', { runId: poll, entry: { kind: 'count', option: 'Ja', count: 2, delta: 1 } })).rejects.toThrow(/niet allebei/);
    await expect(t.call('entries:add', { runId: poll, entry: { kind: 'count', option: 'Ja' } })).rejects.toThrow(/Geef een aantal/);
  });
});

describe('a session only in a trajectory of its own organisation', () => {
  it('refuses another organisation’s trajectory, also when that trajectory has no group', async () => {
    const a = await session('Stichting Bosch');
    const b = await session('Stichting Januari');
    const { trajectory: withoutGroup } = await t.call('trajectories:create', { organisationId: b.org.id, name: 'Traject zonder groep', season: '2026-2027' });
    await expect(t.call('trajectories:linkSession', { sessionId: a.s.id, trajectoryId: withoutGroup.id })).rejects.toThrow(
      /alleen bij een traject van de eigen organisatie/,
    );
    const { trajectory: own } = await t.call('trajectories:create', { organisationId: a.org.id, name: 'Eigen traject', season: '2026-2027' });
    await t.call('trajectories:linkSession', { sessionId: a.s.id, trajectoryId: own.id });
    expect((t.core.db.prepare('SELECT trajectory_id FROM sessions WHERE id = ?').get(a.s.id) as { trajectory_id: number }).trajectory_id).toBe(own.id);
  });
});

describe('entries after a session ended', () => {
  it('are refused, except through the session record’s explicit edit path', async () => {
    const { s } = await session();
    const round = (await t.call('runs:startAdHoc', { sessionId: s.id, format: { type: 'rondje', prompt: 'Rondje' } })).run.id;
    await t.call('presenting:command', { sessionId: s.id, command: { type: 'start' } });
    const first = await t.call('entries:add', { runId: round, entry: { kind: 'contribution', text: 'Tijdens de sessie' } });
    await t.call('presenting:command', { sessionId: s.id, command: { type: 'end' } });

    await expect(t.call('entries:add', { runId: round, entry: { kind: 'contribution', text: 'Te laat' } })).rejects.toThrow(/sessie is afgerond.*sessieverslag/);
    await expect(t.call('entries:undo', { runId: round })).rejects.toThrow(/afgerond/);
    // The session record edits, deletes and adds with afterEnd.
    await t.call('entries:update', { entryId: first.id, entry: { kind: 'contribution', text: 'Tijdens de sessie (verbeterd)' } });
    const later = await t.call('entries:add', { runId: round, entry: { kind: 'contribution', text: 'Achteraf aangevuld' }, afterEnd: true });
    await t.call('entries:delete', { entryId: later.id });
    const view = await t.call('runs:results', { runId: round });
    expect(view.entries.map((e) => e.payload.text)).toEqual(['Tijdens de sessie (verbeterd)']);
  });
});
