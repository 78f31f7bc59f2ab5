// Backups and restore through the CoreOwner, as the app and the CLI use them:
// real SQLite files in a temp folder, the real backup API, dialogs answered
// by the test. Every refusal must leave the database and every file not
// chosen for writing byte-identical.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreOwner } from '../../src/main/services/core-owner';
import { backupsToKeep, listBackups, type BackupWriter } from '../../src/main/services/backup';
import { SCHEMA_VERSION } from '../../src/main/db/open';
import type { BackupInfo } from '../../src/shared/channels/backup';
import { tempDir } from '../helpers/temp';
import { openTestOwner } from '../helpers/owner';
import { dumpTables } from '../helpers/dump';

let dir: string;
let outside: string;
let cleanups: (() => void)[] = [];
let owners: CoreOwner[] = [];
beforeEach(() => {
  const a = tempDir();
  const b = tempDir('sessiewijzer-buiten-');
  dir = a.dir;
  outside = b.dir;
  cleanups = [a.cleanup, b.cleanup];
});
afterEach(() => {
  for (const o of owners) o.close();
  owners = [];
  for (const c of cleanups) c();
});

async function open(options: Parameters<typeof openTestOwner>[1] = {}) {
  const t = await openTestOwner(dir, options);
  owners.push(t.owner);
  // The daily backup runs in the background; the tests look at its result.
  await t.owner.dailyBackupDone;
  return t;
}

async function seed(call: Awaited<ReturnType<typeof open>>['call']) {
  const org = await call('organisations:create', { name: 'Stichting Sint-Jan', kind: 'stichting' });
  const group = await call('groups:create', { organisationId: org.id, name: 'Kernteam', kind: 'kernteam' });
  const p = await call('participants:create', { organisationId: org.id, name: 'İlker Güneş', role: 'docent/mentor' });
  await call('groups:addMember', { groupId: group.id, participantId: p.id });
  const session = await call('sessions:create', { groupId: group.id, moduleId: 'proefmodule', date: '2026-11-20' });
  await call('attendance:set', { sessionId: session.id, participantId: p.id, status: 'aanwezig' });
  const run = await call('runs:startAdHoc', { sessionId: session.id, format: { type: 'rondje', prompt: 'Wat werkt?' } });
  for (let i = 0; i < 30; i++) await call('entries:add', { runId: run.run.id, entry: { kind: 'contribution', text: `Bijdrage ${i}` } });
  return { org, group, p, session, run };
}

/** Bytes of every file in a folder tree (relative path → base64). */
function filesIn(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(folder, full)] = fs.readFileSync(full).toString('base64');
    }
  };
  walk(folder);
  return out;
}

describe('backups', () => {
  it('restores exactly what was there, keeping a safety copy of the database it replaces', async () => {
    const { owner, call, answers } = await open();
    await seed(call);
    const atBackup = dumpTables(owner.current().db);
    answers.save = path.join(outside, 'reservekopie.sqlite');
    expect(await call('backup:create')).toEqual({ saved: true, path: answers.save });

    // Work goes on after the backup.
    await call('organisations:create', { name: 'Na de reservekopie', kind: 'ggd' });
    const orgs = await call('organisations:list');
    await call('participants:erase', { participantId: (await call('participants:list'))[0]!.id });
    const afterWork = dumpTables(owner.current().db);
    expect(afterWork).not.toEqual(atBackup);

    const oldCore = owner.current();
    answers.open = answers.save;
    const result = await call('backup:restore', {});
    expect(result).toMatchObject({ restored: true, from: 'reservekopie.sqlite', schemaVersion: SCHEMA_VERSION });
    expect(owner.current()).not.toBe(oldCore);
    expect(oldCore.db.open).toBe(false);
    expect(dumpTables(owner.current().db)).toEqual(atBackup);
    expect((await call('organisations:list')).length).toBe(orgs.length - 1);

    // The safety copy holds the database as it was just before the restore.
    const safety = listBackups(owner.paths.backupsDir).find((b) => b.name === result.safetyCopy)!;
    expect(safety.kind).toBe('voor-terugzetten');
    const copy = new Database(path.join(owner.paths.backupsDir, safety.name), { readonly: true });
    expect(dumpTables(copy)).toEqual(afterWork);
    copy.close();
    // The backups are single files (no -wal needed) and the chosen file was only read.
    expect(fs.existsSync(`${answers.save}-wal`)).toBe(false);
  });

  it('restores a listed backup by name, and the list shows the automatic ones', async () => {
    let t = await open({ now: new Date('2026-11-24T08:00:00Z') });
    await seed(t.call);
    const monday = dumpTables(t.owner.current().db);
    t.owner.close();
    // Next day's first start makes the daily backup; a second start that day does not.
    t = await open({ now: new Date('2026-11-25T08:00:00Z') });
    t.owner.close();
    t = await open({ now: new Date('2026-11-25T09:00:00Z') });
    const list = await t.call('backup:list');
    expect(list.backups.map((b) => b.kind)).toEqual(['dagelijks']);
    expect(list.folder).toBe(path.join(dir, 'backups'));
    await t.call('organisations:create', { name: 'Later op de dag', kind: 'ggd' });
    const result = await t.call('backup:restore', { name: list.backups[0]!.name });
    expect(result.restored).toBe(true);
    expect(dumpTables(t.owner.current().db)).toEqual(monday);
    // A name that is not a listed backup is refused by the contract (no paths from the renderer).
    await expect(t.call('backup:restore', { name: '../sessiewijzer.sqlite' })).rejects.toThrow(/Kies een reservekopie uit de lijst/);
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const { owner, call } = await open();
    await seed(call);
    owner.current().db.pragma('wal_checkpoint(TRUNCATE)');
    const before = filesIn(dir);
    expect(await call('backup:restore')).toEqual({ restored: false, from: null, safetyCopy: null, schemaVersion: null });
    expect(filesIn(dir)).toEqual(before);
  });

  for (const bad of ['beschadigd', 'nieuwer', 'ander programma', 'geen database', 'leeg'] as const) {
    it(`refuses a ${bad} backup and changes nothing`, async () => {
      const { owner, call, answers } = await open();
      await seed(call);
      const file = path.join(outside, `${bad.replace(' ', '-')}.sqlite`);
      if (bad === 'beschadigd') {
        answers.save = file;
        await call('backup:create');
        const bytes = fs.readFileSync(file);
        const pageSize = bytes.readUInt16BE(16);
        bytes.fill(0x5a, pageSize * 2, pageSize * 2 + 80); // a b-tree page header
        fs.writeFileSync(file, bytes);
      } else if (bad === 'nieuwer') {
        answers.save = file;
        await call('backup:create');
        const db = new Database(file);
        db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
        db.close();
      } else if (bad === 'ander programma') {
        const db = new Database(file);
        db.exec('CREATE TABLE foto (id INTEGER PRIMARY KEY, pad TEXT)');
        db.close();
      } else if (bad === 'geen database') {
        fs.writeFileSync(file, 'naam;rol\nJan;docent\n'.repeat(20));
      } else {
        fs.writeFileSync(file, '');
      }
      owner.current().db.pragma('wal_checkpoint(TRUNCATE)');
      const dataBefore = filesIn(dir);
      const chosenBefore = fs.readFileSync(file);
      const rows = dumpTables(owner.current().db);
      answers.open = file;
      const error = await call('backup:restore').then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/wordt niet teruggezet: .*Er is niets gewijzigd\./);
      expect(error?.message).toMatch(
        { beschadigd: /beschadigd/, nieuwer: /nieuwere versie/, 'ander programma': /ander programma/, 'geen database': /geen Sessiewijzer-database/, leeg: /leeg/ }[bad],
      );
      expect(filesIn(dir)).toEqual(dataBefore);
      expect(fs.readFileSync(file).equals(chosenBefore)).toBe(true);
      expect(dumpTables(owner.current().db)).toEqual(rows);
      expect((await call('organisations:list')).length).toBe(1);
    });
  }

  it('refuses a restore when the copy cannot be staged (disk full halfway) and changes nothing', async () => {
    let failing = false;
    const writer: BackupWriter = async (db, target) => {
      if (!failing) return void (await db.backup(target));
      // Half a file, then the disk is full.
      fs.writeFileSync(target, Buffer.alloc(4096, 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const { owner, call, answers } = await open({ writer });
    await seed(call);
    answers.save = path.join(outside, 'goed.sqlite');
    await call('backup:create');
    await call('organisations:create', { name: 'Blijft staan', kind: 'ggd' });
    owner.current().db.pragma('wal_checkpoint(TRUNCATE)');
    const before = filesIn(dir);
    const rows = dumpTables(owner.current().db);
    failing = true;
    answers.open = answers.save;
    await expect(call('backup:restore')).rejects.toThrow(/de schijf is vol.*Er is niets teruggezet; de huidige database is niet gewijzigd/s);
    expect(filesIn(dir)).toEqual(before);
    expect(dumpTables(owner.current().db)).toEqual(rows);
    // The app goes on working.
    await call('organisations:create', { name: 'Nog een', kind: 'ggd' });
  });

  it('refuses an erasure, a retention run and an import when their backup cannot be written (full disk)', async () => {
    let failing = false;
    const writer: BackupWriter = async (db, target) => {
      if (!failing) return void (await db.backup(target));
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    const { owner, call } = await open({ writer });
    const { org, p } = await seed(call);
    const rows = dumpTables(owner.current().db);
    failing = true;
    await expect(call('participants:erase', { participantId: p.id })).rejects.toThrow(/reservekopie .* kon niet worden gemaakt: de schijf is vol/);
    const preview = await call('retention:preview', { years: 1 });
    await expect(call('retention:apply', { years: 1, token: preview.token })).rejects.toThrow(/de schijf is vol/);
    await expect(
      call('participants:importCommit', { organisationId: org.id, csv: 'naam;rol\nBo Bosch;docent/mentor\n' }),
    ).rejects.toThrow(/de schijf is vol/);
    expect(dumpTables(owner.current().db)).toEqual(rows);
    expect(fs.readdirSync(owner.paths.backupsDir).filter((n) => n.includes('deels'))).toEqual([]);
    failing = false;
    await call('participants:erase', { participantId: p.id });
    expect(listBackups(owner.paths.backupsDir).map((b) => b.kind)).toContain('voor-wissen');
  });

  it('refuses to save a backup over the database itself', async () => {
    const { owner, call, answers } = await open();
    answers.save = owner.paths.databaseFile;
    await expect(call('backup:create')).rejects.toThrow(/dit is de database zelf/);
  });

  it('opens without the database when it is damaged, says why, and restores a listed backup right there', async () => {
    let t = await open({ now: new Date('2026-11-24T08:00:00Z') });
    await seed(t.call);
    t.owner.close();
    t = await open({ now: new Date('2026-11-25T08:00:00Z') }); // makes the daily backup
    const good = dumpTables(t.owner.current().db);
    t.owner.close();
    const file = path.join(dir, 'sessiewijzer.sqlite');
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x00, pageSize * 3, pageSize * 3 + 100);
    fs.writeFileSync(file, bytes);
    const damaged = fs.readFileSync(file);

    t = await open({ now: new Date('2026-11-26T08:00:00Z') });
    expect(t.owner.core).toBeNull();
    const info = await t.call('app:info');
    expect(info.databaseError).toMatch(/beschadigd.*reservekopie terug/s);
    await expect(t.call('organisations:list')).rejects.toThrow(/beschadigd/);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    const list = await t.call('backup:list');
    const result = await t.call('backup:restore', { name: list.backups.find((b) => b.kind === 'dagelijks')!.name });
    expect(result.restored).toBe(true);
    expect(dumpTables(t.owner.current().db)).toEqual(good);
    // The damaged file itself is kept, byte for byte.
    const copy = listBackups(t.owner.paths.backupsDir).find((b) => b.kind === 'beschadigd')!;
    expect(fs.readFileSync(path.join(t.owner.paths.backupsDir, copy.name)).equals(damaged)).toBe(true);
    expect((await t.call('app:info')).databaseError).toBeNull();
  });

  it('checks integrity in the background: read-only until it passes, refused when it fails', async () => {
    let t = await open();
    await seed(t.call);
    t.owner.close();
    t = await open({ integrityCheck: 'background', now: new Date('2026-11-25T10:00:00Z') });
    await t.owner.integrityChecked;
    await t.call('organisations:create', { name: 'Na de controle', kind: 'ggd' });
    t.owner.close();

    // Damage an index page only: the header, schema and application_id still read fine.
    const file = path.join(dir, 'sessiewijzer.sqlite');
    const probe = new Database(file, { readonly: true });
    const root = (probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'participants_by_name'").get() as { rootpage: number }).rootpage;
    probe.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x33, (root - 1) * pageSize + 8, (root - 1) * pageSize + 40);
    fs.writeFileSync(file, bytes);
    t = await open({ integrityCheck: 'background', now: new Date('2026-11-25T11:00:00Z') });
    await t.owner.integrityChecked;
    expect(t.owner.core).toBeNull();
    expect((await t.call('app:info')).databaseError).toMatch(/beschadigd/);
  });
});

describe('backup rotation', () => {
  const b = (createdAt: string, kind: BackupInfo['kind'] = 'dagelijks'): BackupInfo => ({
    name: `sessiewijzer-${createdAt}-${kind}.sqlite`,
    kind,
    createdAt,
    size: 1,
  });

  it('keeps the last 24 hours, 7 days and 4 weeks before them, and every manual backup', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const list: BackupInfo[] = [];
    for (let day = 0; day < 60; day++) {
      const d = new Date(now.getTime() - day * 86_400_000 - 3_600_000);
      list.push(b(d.toISOString()));
      list.push(b(new Date(d.getTime() - 1_800_000).toISOString(), 'voor-wissen'));
    }
    list.push(b('2025-01-01T10:00:00.000Z', 'handmatig'));
    list.sort((x, y) => y.createdAt.localeCompare(x.createdAt));
    const keep = backupsToKeep(list, now);
    const kept = list.filter((x) => keep.has(x.name));
    // Both backups of the last day, one per day for the 6 days before, 4 weekly ones, the manual one.
    expect(kept.length).toBe(2 + 6 + 4 + 1);
    expect(kept.some((x) => x.kind === 'handmatig')).toBe(true);
    const oldest = kept.filter((x) => x.kind !== 'handmatig').at(-1)!;
    expect(new Date(oldest.createdAt).getTime()).toBeGreaterThan(now.getTime() - 45 * 86_400_000);
  });
});

describe('backup before a migration', () => {
  it('backs up a database from an older schema before migrating it', async () => {
    const { openDatabase } = await import('../../src/main/db/open');
    const { MIGRATIONS } = await import('../../src/main/db/migrations');
    fs.mkdirSync(dir, { recursive: true });
    const old = openDatabase(path.join(dir, 'sessiewijzer.sqlite'), MIGRATIONS.slice(0, MIGRATIONS.length - 1));
    old.prepare("INSERT INTO organisations (name, kind) VALUES ('Stichting Oud', 'stichting')").run();
    old.close();
    const { owner } = await open();
    const backups = listBackups(owner.paths.backupsDir);
    expect(backups.map((x) => x.kind)).toContain('voor-migratie');
    const copy = new Database(path.join(owner.paths.backupsDir, backups.find((x) => x.kind === 'voor-migratie')!.name), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length - 1);
    expect(copy.prepare('SELECT name FROM organisations').all()).toEqual([{ name: 'Stichting Oud' }]);
    copy.close();
    expect(owner.current().db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });
});
