// Migration 7 rebuilds the runs and entries tables (types and kinds become rows,
// phone columns are added). A rebuild is where data gets lost, so this test fills
// a version-6 database with trap data, migrates it, and compares every row.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/db/migrations';
import { tempDir } from '../helpers/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const registry = MIGRATIONS.findIndex((m) => m.name.endsWith('_work_format_registry'));

function fillVersion6(file: string) {
  const db = openDatabase(file, MIGRATIONS.slice(0, registry));
  db.exec(`
    INSERT INTO organisations (id, name, kind) VALUES (1, 'Stichting Sint-Jan', 'stichting');
    INSERT INTO schools (id, organisation_id, name, sector) VALUES (1, 1, 'Sint-Jan', 'po');
    INSERT INTO participants (id, organisation_id, school_id, name, role) VALUES (1, 1, 1, 'İlker Güneş', 'leerkracht'), (2, 1, 1, 'Jan', 'ib-er');
    INSERT INTO groups (id, organisation_id, name, kind) VALUES (1, 1, 'Team Sint-Jan', 'groep');
  `);
  const session = db
    .prepare(`INSERT INTO sessions (group_id, module_id, module_version, module_title, date) VALUES (1, 'm', '1', 'Module', '2026-11-30') RETURNING id`)
    .get() as { id: number };
  const run = (type: string) =>
    (db
      .prepare(
        `INSERT INTO work_format_runs (session_id, slide_id, work_format_id, module_version, type, declaration, revealed, timer_ms)
         VALUES (?, 's', ?, '1', ?, json_object('id', ?, 'type', ?, 'prompt', 'Anouks vraag'), 1, 600000) RETURNING id`,
      )
      .get(session.id, type, type, type, type) as { id: number }).id;
  const poll = run('peiling');
  const plan = run('actieplan');
  const add = (runId: number, kind: string, payload: object, participant: number | null) =>
    (db.prepare('INSERT INTO entries (run_id, kind, payload, participant_id) VALUES (?, ?, ?, ?) RETURNING id').get(runId, kind, JSON.stringify(payload), participant) as { id: number }).id;
  add(poll, 'count', { option: 'Ja', count: 4 }, null);
  add(poll, 'vote', { option: 'Nee' }, 1);
  const action = add(plan, 'action', { what: 'Rustplek inrichten', who: 'Jan', due: null, schoolId: 1 }, 2);
  db.prepare(`INSERT INTO actions (group_id, session_id, school_id, participant_id, what, entry_id) VALUES (1, ?, 1, 2, 'Rustplek inrichten', ?)`).run(session.id, action);
  db.close();
}

const dump = (file: string, sql: string) => {
  const db = openDatabase(file);
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('migration 7: work-format registry and phone columns', () => {
  it('keeps every run, entry and action link through the table rebuild', () => {
    expect(registry).toBeGreaterThan(0);
    const file = path.join(dir, 'v6.sqlite');
    fillVersion6(file);
    const old = openDatabase(file, MIGRATIONS.slice(0, registry));
    const runsBefore = old.prepare('SELECT * FROM work_format_runs ORDER BY id').all();
    const entriesBefore = old.prepare('SELECT * FROM entries ORDER BY id').all();
    const actionsBefore = old.prepare('SELECT id, entry_id FROM actions ORDER BY id').all();
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const runsAfter = db.prepare('SELECT * FROM work_format_runs ORDER BY id').all() as Record<string, unknown>[];
    expect(runsAfter.map(({ phone_state, ...rest }) => (expect(phone_state).toBe('off'), rest))).toEqual(runsBefore);
    const entriesAfter = db.prepare('SELECT * FROM entries ORDER BY id').all() as Record<string, unknown>[];
    expect(
      entriesAfter.map(({ source, device_key, pending, ...rest }) => {
        expect([source, device_key, pending]).toEqual(['facilitator', null, 0]);
        return rest;
      }),
    ).toEqual(entriesBefore);
    expect(db.prepare('SELECT id, entry_id FROM actions ORDER BY id').all()).toEqual(actionsBefore);
    db.close();
  });

  it('still refuses unknown types and kinds, and cascades as before', () => {
    const file = path.join(dir, 'v6.sqlite');
    fillVersion6(file);
    const db = openDatabase(file);
    expect(() =>
      db.prepare(`INSERT INTO work_format_runs (session_id, work_format_id, module_version, type, declaration) VALUES (1, 'x', '1', 'quiz', '{}')`).run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO entries (run_id, kind, payload) VALUES (1, 'emoji', '{}')`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO entries (run_id, kind, payload, source) VALUES (1, 'vote', '{}', 'tablet')`).run()).toThrow(/CHECK/);
    // A new type is one row: no rebuild.
    db.prepare(`INSERT INTO work_format_types (type) VALUES ('quiz')`).run();
    db.prepare(`INSERT INTO work_format_runs (session_id, work_format_id, module_version, type, declaration) VALUES (1, 'x', '1', 'quiz', '{}')`).run();
    // Deleting the session still removes its runs and entries; the action outlives its entry.
    db.prepare('DELETE FROM sessions').run();
    expect(db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM work_format_runs').get()).toEqual({ n: 0 });
    db.close();
    expect(dump(file, 'SELECT what, session_id, entry_id FROM actions')).toEqual([{ what: 'Rustplek inrichten', session_id: null, entry_id: null }]);
  });
});
