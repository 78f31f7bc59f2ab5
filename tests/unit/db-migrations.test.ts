import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../src/main/db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/db/migrations';
import { AppError } from '../../src/shared/errors';
import { tempDir } from '../helpers/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('openDatabase', () => {
  it('creates a new file with the current schema, WAL and foreign keys', () => {
    const file = path.join(dir, 'nieuw.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as {
      name: string;
    }[]).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['organisations', 'schools', 'participants', 'groups', 'group_members', 'sessions', 'attendance']),
    );
    db.close();
    // Opening again applies nothing and keeps data.
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('numbers migrations 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a database from a newer app version and leaves it byte-for-byte untouched', () => {
    const file = path.join(dir, 'nieuwer.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE toekomst (x)');
    future.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    future.close();
    const before = fs.readFileSync(file);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/nieuwere versie van Sessiewijzer/);
    expect((error as AppError).message).toMatch(/niet gewijzigd/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not a database and never overwrites it', () => {
    const file = path.join(dir, 'kapot.sqlite');
    const content = 'Dit is een boodschappenlijst, geen database.\n'.repeat(20);
    fs.writeFileSync(file, content);
    expect(() => openDatabase(file)).toThrowError(/geen Sessiewijzer-database/);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });

  it('refuses a truncated database file (valid header, missing pages)', () => {
    const file = path.join(dir, 'afgekapt.sqlite');
    const db = openDatabase(file);
    db.prepare("INSERT INTO organisations (name, kind) VALUES ('X', 'stichting')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, 1500));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrowError(AppError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls back all pending migrations when one fails', () => {
    const file = path.join(dir, 'half.sqlite');
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'goed', sql: 'CREATE TABLE extra_a (x)' },
      { version: MIGRATIONS.length + 2, name: 'fout', sql: 'CREATE TABLE kapot (' },
    ];
    expect(() => openDatabase(file, broken)).toThrowError(AppError);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra_a'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('opening only what can be trusted', () => {
  /** Every file in the folder with its bytes, to prove nothing was written (no -wal, no -shm, same bytes). */
  const snapshot = () =>
    Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')]));

  it('marks its own databases with PRAGMA application_id', () => {
    const db = openDatabase(path.join(dir, 'eigen.sqlite'));
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('refuses a foreign SQLite file (user_version 0, other tables) and leaves it byte-identical', () => {
    const file = path.join(dir, 'ander-programma.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE boodschappen (id INTEGER PRIMARY KEY, wat TEXT); INSERT INTO boodschappen (wat) VALUES ('melk');");
    other.close();
    const before = snapshot();
    expect(() => openDatabase(file)).toThrowError(/database van een ander programma.*niet gewijzigd/s);
    expect(snapshot()).toEqual(before);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'participants'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('refuses a SQLite file with another application_id, even with our table names', () => {
    const file = path.join(dir, 'lookalike.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE organisations (id INTEGER PRIMARY KEY)');
    other.pragma('application_id = 1234');
    other.pragma('user_version = 2');
    other.close();
    const before = snapshot();
    expect(() => openDatabase(file)).toThrowError(/ander programma/);
    expect(snapshot()).toEqual(before);
  });

  it('upgrades a database from before application_id (legacy schema) and marks it', () => {
    const file = path.join(dir, 'oud.sqlite');
    const appIdMigration = MIGRATIONS.findIndex((m) => m.name.endsWith('_application_id'));
    const old = openDatabase(file, MIGRATIONS.slice(0, appIdMigration));
    old.prepare("INSERT INTO organisations (name, kind) VALUES ('Stichting Oud', 'stichting')").run();
    expect(old.pragma('application_id', { simple: true })).toBe(0);
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.prepare('SELECT name FROM organisations').all()).toEqual([{ name: 'Stichting Oud' }]);
    db.close();
  });

  it('refuses a database with damaged pages but an intact header, untouched, offering a restore', () => {
    const file = path.join(dir, 'beschadigd.sqlite');
    const db = openDatabase(file);
    const insert = db.prepare("INSERT INTO organisations (name, kind) VALUES (?, 'stichting')");
    db.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run(`Stichting ${i} ${'x'.repeat(100)}`);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    for (const extra of ['-wal', '-shm']) fs.rmSync(`${file}${extra}`, { force: true });
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const root = new Database(file, { readonly: true });
    const rootPage = (root.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'organisations'").get() as { rootpage: number }).rootpage;
    root.close();
    // Scribble over the organisations table's root page (its b-tree header and cell pointers).
    bytes.fill(0xa5, (rootPage - 1) * pageSize, (rootPage - 1) * pageSize + 64);
    fs.writeFileSync(file, bytes);
    const before = snapshot();
    expect(() => openDatabase(file)).toThrowError(/beschadigd.*niet gewijzigd.*reservekopie terug/s);
    expect(snapshot()).toEqual(before);
  });
});
