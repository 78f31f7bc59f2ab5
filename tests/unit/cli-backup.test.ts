// `backup create | list | restore` on the command line: a real process on a temp data folder.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { runCli } from '../helpers/cli';
import { dumpTables } from '../helpers/dump';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const cli = (...args: string[]) => runCli(dir, ...args);

const dump = () => {
  const db = new Database(path.join(dir, 'sessiewijzer.sqlite'), { readonly: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
};

describe('cli backup', { timeout: 180_000 }, () => {
  it('creates, lists and restores backups; refuses a foreign file with a Dutch message', () => {
    expect(cli('demo', 'load').code).toBe(0);
    const before = dump();
    const out = path.join(dir, 'verhuizen.sqlite');
    expect(cli('backup', 'create', '--out', out)).toMatchObject({ code: 0, out: expect.stringMatching(/Reservekopie opgeslagen/) });
    const made = cli('backup', 'create');
    expect(made.code).toBe(0);
    const listed = JSON.parse(cli('backup', 'list', '--json').out) as { backups: { name: string; kind: string }[] };
    expect(listed.backups.map((b) => b.kind)).toContain('handmatig');

    // Change the data, then restore the file made with --out.
    const db = new Database(path.join(dir, 'sessiewijzer.sqlite'));
    db.prepare('DELETE FROM attendance').run();
    db.close();
    expect(dump()).not.toEqual(before);
    const restored = cli('backup', 'restore', out);
    expect(restored.err).toBe('');
    expect(restored).toMatchObject({ code: 0, out: expect.stringMatching(/Teruggezet: verhuizen\.sqlite/) });
    expect(dump()).toEqual(before);

    const foreign = path.join(dir, 'foto.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE foto (id INTEGER PRIMARY KEY)');
    other.close();
    const foreignBytes = fs.readFileSync(foreign);
    const refused = cli('backup', 'restore', foreign);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Fout: De reservekopie foto\.sqlite wordt niet teruggezet: .*ander programma.*Er is niets gewijzigd\./);
    expect(fs.readFileSync(foreign).equals(foreignBytes)).toBe(true);
    expect(dump()).toEqual(before);
  }, 120_000);
});
