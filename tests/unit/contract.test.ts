import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract } from '../../src/shared/contract';
import { dispatch } from '../../src/main/ipc/dispatch';
import { writeFileAtomic } from '../../src/main/services/files';
import { AppError } from '../../src/shared/errors';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(() => (t = openTestCore()));
afterEach(() => t.close());

function snapshot(): Record<string, number> {
  const tables = (t.core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
    (r) => r.name,
  );
  return Object.fromEntries(
    tables.map((name) => [name, (t.core.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}

describe('the IPC contract', () => {
  it('has a handler for every channel and names channels area:verb', () => {
    expect(Object.keys(t.core.handlers).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('rejects invalid input on every channel with a Dutch message and writes nothing', async () => {
    await t.call('organisations:create', { name: 'Stichting Noorderlicht', kind: 'stichting' });
    const before = snapshot();
    const bad: unknown[] = ['onzin', 42, { id: -1 }, { sessionId: 'een', participantId: null }, [1, 2]];
    for (const channel of CHANNELS) {
      for (const input of bad) {
        const result = await dispatch(t.core.handlers, channel, input);
        expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('ongeldige_invoer');
          expect(result.error.message.length).toBeGreaterThan(5);
        }
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it('gives field-level Dutch messages', async () => {
    const empty = await dispatch(t.core.handlers, 'organisations:create', { name: '   ', kind: 'stichting' });
    expect(empty).toEqual({ ok: false, error: { code: 'ongeldige_invoer', message: expect.stringMatching(/mag niet leeg zijn/) } });
    const kind = await dispatch(t.core.handlers, 'organisations:create', { name: 'X', kind: 'bedrijf' });
    expect(kind.ok || kind.error.message).toMatch(/Kies een soort organisatie/);
    const date = await dispatch(t.core.handlers, 'sessions:create', { groupId: 1, moduleId: 'x', date: '2026-02-31x' });
    expect(date.ok || date.error.message).toMatch(/JJJJ-MM-DD/);
    const mail = await dispatch(t.core.handlers, 'participants:create', {
      organisationId: 1,
      name: 'Anouk',
      role: 'docent/mentor',
      email: 'geen-adres',
    });
    expect(mail.ok || mail.error.message).toMatch(/geen geldig e-mailadres/);
  });

  it('rejects unknown channels', async () => {
    expect(await dispatch(t.core.handlers, 'fs:readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'ongeldige_invoer', message: 'Onbekend kanaal.' },
    });
    expect(Object.hasOwn(contract, 'toString')).toBe(false);
    expect((await dispatch(t.core.handlers, 'toString', undefined)).ok).toBe(false);
  });

  it('turns a crash inside a handler into a generic Dutch error without details', async () => {
    const log = vi.fn();
    const handlers = { ...t.core.handlers, 'organisations:list': () => { throw new TypeError('geheim detail'); } };
    const result = await dispatch(handlers, 'organisations:list', undefined, log);
    expect(result).toEqual({ ok: false, error: { code: 'intern', message: expect.stringMatching(/niet \(helemaal\) uitgevoerd\. Wat eerder was opgeslagen, blijft bewaard/) } });
    expect(JSON.stringify(result)).not.toContain('geheim detail');
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('writeFileAtomic', () => {
  it('leaves the existing target intact and cleans up when the disk is full', () => {
    const target = `${t.dataDir}/verslag.pdf`;
    fs.writeFileSync(target, 'oude versie');
    // Simulate ENOSPC after a partial write: the shape of a full disk as Node reports it.
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementationOnce((file) => {
      fs.appendFileSync(file as string, 'half');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => writeFileAtomic(target, Buffer.from('nieuw'))).toThrowError(/de schijf is vol/);
    spy.mockRestore();
    expect(fs.readFileSync(target, 'utf8')).toBe('oude versie');
    expect(fs.readdirSync(t.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says so in Dutch when the folder does not exist', () => {
    expect(() => writeFileAtomic(`${t.dataDir}/bestaat-niet/verslag.pdf`, 'x')).toThrowError(AppError);
    expect(() => writeFileAtomic(`${t.dataDir}/bestaat-niet/verslag.pdf`, 'x')).toThrowError(/de map bestaat niet/);
  });
});
