// Honest errors: real SQLite failures (a full database file, a read-only
// connection, a lock held by another connection) reach the user as Dutch
// messages that say what happened and that the action was not stored.

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { sqliteErrorToAppError } from '../../src/main/db/sqlite-errors';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(() => (t = openTestCore()));
afterEach(() => t.close());

async function roundWithEntries() {
  const org = await t.call('organisations:create', { name: 'Stichting Vol', kind: 'stichting' });
  const group = await t.call('groups:create', { organisationId: org.id, name: 'Groep', kind: 'groep' });
  const session = await t.call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-25' });
  const run = await t.call('runs:startAdHoc', { sessionId: session.id, format: { type: 'rondje', prompt: 'Rondje' } });
  return run.run.id;
}

const count = () => (t.core.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
const noEnglish = (message: string) => expect(message).not.toMatch(/\b(database or disk|attempt to|is locked|readonly|SQLITE_|error)\b/i);

describe('SQLite errors in Dutch', () => {
  it('a full disk: "niet opgeslagen: de schijf is vol", never "er is niets verloren", and nothing half stored', async () => {
    const runId = await roundWithEntries();
    const pages = t.core.db.pragma('page_count', { simple: true }) as number;
    t.core.db.pragma(`max_page_count = ${pages}`);
    const stored = count();
    let result;
    for (let i = 0; i < 50; i++) {
      result = await dispatch(t.core.handlers, 'entries:add', { runId, entry: { kind: 'contribution', text: 'x'.repeat(900) } }, () => {});
      if (!result.ok) break;
    }
    expect(result!.ok).toBe(false);
    if (result!.ok) return;
    expect(result!.error.code).toBe('schijf');
    expect(result!.error.message).toMatch(/^Niet opgeslagen: de schijf is vol\. Deze handeling is niet uitgevoerd\./);
    expect(result!.error.message).not.toMatch(/niets verloren/);
    noEnglish(result!.error.message);
    const after = count();
    t.core.db.pragma('max_page_count = 1073741823');
    expect(count()).toBe(after);
    expect(after).toBeGreaterThanOrEqual(stored);
  });

  it('a read-only database and a database locked by another program', async () => {
    const runId = await roundWithEntries();
    t.core.db.pragma('query_only = ON');
    const readonly = await dispatch(t.core.handlers, 'entries:add', { runId, entry: { kind: 'contribution', text: 'Hallo' } }, () => {});
    t.core.db.pragma('query_only = OFF');
    expect(readonly).toMatchObject({ ok: false, error: { code: 'schijf', message: expect.stringMatching(/^Niet opgeslagen: .*alleen-lezen/) } });
    noEnglish((readonly as { error: { message: string } }).error.message);

    t.core.db.pragma('busy_timeout = 0');
    const other = new Database(t.core.paths.databaseFile);
    other.exec('BEGIN IMMEDIATE');
    try {
      const busy = await dispatch(t.core.handlers, 'entries:add', { runId, entry: { kind: 'contribution', text: 'Hallo' } }, () => {});
      expect(busy).toMatchObject({ ok: false, error: { code: 'database', message: expect.stringMatching(/^Niet opgeslagen: de database is bezet door een ander programma/) } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(count()).toBe(0);
  });

  it('maps every primary code to Dutch, and leaves other errors alone', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY_DBMOVED', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_NOMEM', 'SQLITE_WEIRD']) {
      const mapped = sqliteErrorToAppError(Object.assign(new Error('english text'), { code }));
      expect(mapped?.message, code).toMatch(/^Niet opgeslagen: /);
      expect(mapped?.message).not.toContain('english');
    }
    expect(sqliteErrorToAppError(new Error('boom'))).toBeNull();
    expect(sqliteErrorToAppError(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBeNull();
  });
});
