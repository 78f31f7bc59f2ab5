import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
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
