// Ending is not final: an ended session can be reopened (and F5 after the end does that), and
// every state carries a revision that only grows, so windows can drop answers that arrive late.

import { afterEach, describe, expect, it } from 'vitest';
import { foldClock } from '../../src/shared/presenting/clock';
import { openTestCore, type TestCore } from '../helpers/core';

describe('ending and reopening a session', () => {
  let t: TestCore | undefined;
  afterEach(() => t?.close());

  async function planned() {
    t = openTestCore();
    const org = await t.call('organisations:create', { name: 'Stichting Sint-Jan', kind: 'stichting' });
    const group = await t.call('groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
    return (await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' })).id;
  }

  it('reopens on the slide where it ended, accepts commands again and sets the session status back', async () => {
    const sessionId = await planned();
    await t!.call('presenting:command', { sessionId, command: { type: 'start' } });
    await t!.call('presenting:command', { sessionId, command: { type: 'gotoIndex', index: 2 } });
    const ended = await t!.call('presenting:command', { sessionId, command: { type: 'end' } });
    const endedClock = foldClock(ended.agenda, ended.events, Date.now());
    expect(endedClock.status).toBe('afgelopen');
    expect((await t!.call('sessions:get', { id: sessionId })).status).toBe('afgerond');
    await expect(t!.call('presenting:command', { sessionId, command: { type: 'next' } })).rejects.toThrow('De sessie loopt niet.');

    const reopened = await t!.call('presenting:command', { sessionId, command: { type: 'reopen' } });
    const clock = foldClock(reopened.agenda, reopened.events, Date.now());
    expect(clock.status).toBe('bezig');
    expect(clock.endedAt).toBeNull();
    expect(clock.current).toEqual(endedClock.current);
    expect((await t!.call('sessions:get', { id: sessionId })).status).toBe('bezig');
    await t!.call('presenting:command', { sessionId, command: { type: 'next' } });

    // Reopen is refused while running; F5 (start) after an end reopens as the README says.
    await expect(t!.call('presenting:command', { sessionId, command: { type: 'reopen' } })).rejects.toThrow('De sessie is niet afgerond.');
    await t!.call('presenting:command', { sessionId, command: { type: 'end' } });
    const again = await t!.call('presenting:command', { sessionId, command: { type: 'start' } });
    expect(foldClock(again.agenda, again.events, Date.now()).status).toBe('bezig');
    expect(again.events.filter((e) => e.type === 'start')).toHaveLength(1);
  });

  it('gives every change a higher revision, screen modes included', async () => {
    const sessionId = await planned();
    const r0 = (await t!.call('presenting:state', { sessionId })).revision;
    const r1 = (await t!.call('presenting:command', { sessionId, command: { type: 'start' } })).revision;
    const r2 = (await t!.call('presenting:command', { sessionId, command: { type: 'screen', mode: 'zwart' } })).revision;
    const r3 = (await t!.call('presenting:command', { sessionId, command: { type: 'next' } })).revision;
    expect(r1).toBeGreaterThan(r0);
    expect(r2).toBeGreaterThan(r1);
    expect(r3).toBeGreaterThan(r2);
    expect((await t!.call('presenting:state', { sessionId })).revision).toBe(r3);
  });

  it('commits a slide change without the fsync wait, and leaves the connection at synchronous = FULL for entries', async () => {
    const sessionId = await planned();
    const db = t!.core.db;
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    // Watch what the command runs on the connection: NORMAL for its transaction, FULL again after.
    const seen: string[] = [];
    const pragma = db.pragma.bind(db);
    db.pragma = ((source: string, options?: { simple?: boolean }) => {
      if (source.startsWith('synchronous =')) seen.push(source);
      return pragma(source, options);
    }) as typeof db.pragma;
    try {
      await t!.call('presenting:command', { sessionId, command: { type: 'start' } });
      await t!.call('presenting:command', { sessionId, command: { type: 'next' } });
      // A refused command (nothing to reopen) restores the setting too.
      await expect(t!.call('presenting:command', { sessionId, command: { type: 'reopen' } })).rejects.toThrow(/niet afgerond/);
    } finally {
      db.pragma = pragma;
    }
    expect(seen).toEqual(['synchronous = NORMAL', 'synchronous = 2', 'synchronous = NORMAL', 'synchronous = 2', 'synchronous = NORMAL', 'synchronous = 2']);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    // Committed: a second connection reads both events.
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(t!.core.paths.databaseFile, { readonly: true });
    const events = other.prepare('SELECT count(*) AS n FROM presenting_events WHERE session_id = ?').get(sessionId) as { n: number };
    other.close();
    expect(events.n).toBe(2);
  });
});
