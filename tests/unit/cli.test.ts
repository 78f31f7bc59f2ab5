// The CLI as an admin runs it: a real process, a temp data folder, real files.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/temp';
import { runCli } from '../helpers/cli';
import { parsePdf } from '../helpers/pdf';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const cli = (...args: string[]) => runCli(dir, ...args);

// Each test starts several tsx processes (a few seconds each on a loaded 2-core machine).
describe('cli', { timeout: 180_000 }, () => {
  it('prints Dutch help', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/modules/);
    expect(r.out).toMatch(/toon hulp/);
  });

  it('loads demo data and lists it as text and JSON', () => {
    expect(cli('demo', 'load')).toMatchObject({ code: 0, out: expect.stringMatching(/Voorbeeldgegevens geladen/) });
    const orgs = JSON.parse(cli('organisations', 'list', '--json').out);
    expect(orgs).toHaveLength(1);
    const people = JSON.parse(cli('participants', 'list', '--json').out);
    expect(people.map((p: { name: string }) => p.name)).toContain('Noëlle Bakker');
    expect(cli('participants', 'list').out).toMatch(/Noëlle Bakker/);
    const sessions = JSON.parse(cli('sessions', 'list', '--json').out);
    expect(sessions.length).toBeGreaterThan(0);
  });

  it('writes a session report PDF, pseudonymised on request', async () => {
    const sessions = JSON.parse(cli('sessions', 'list', '--json').out) as { id: number; moduleTitle: string }[];
    const past = sessions[sessions.length - 1]!;
    const out = path.join(dir, 'verslag.pdf');
    const r = cli('report', 'session', String(past.id), '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const pdf = await parsePdf(fs.readFileSync(out));
    expect(pdf.text).toContain(past.moduleTitle);
    expect(pdf.text).toContain('Anouk de Vries');

    const anon = path.join(dir, 'anoniem.pdf');
    expect(cli('report', 'session', String(past.id), '--out', anon, '--pseudonymise').code).toBe(0);
    const anonPdf = await parsePdf(fs.readFileSync(anon));
    expect(anonPdf.text).toContain(past.moduleTitle);
    expect(anonPdf.text).not.toContain('Anouk de Vries');
  });

  it('writes a trajectory report PDF, pseudonymised on request', async () => {
    const out = path.join(dir, 'traject.pdf');
    const r = cli('report', 'trajectory', '1', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Trajectverslag opgeslagen: .*traject\.pdf \(\d+ pagina's\)/);
    const pdf = await parsePdf(fs.readFileSync(out));
    expect(pdf.text).toContain('Trajectverslag');
    expect(pdf.text).toContain('Noëlle Bakker');

    const anon = path.join(dir, 'traject-anoniem.pdf');
    expect(cli('report', 'trajectory', '1', '--out', anon, '--pseudonymise').code).toBe(0);
    const anonPdf = await parsePdf(fs.readFileSync(anon));
    expect(anonPdf.text).toContain('Stappenplan per school');
    expect(anonPdf.text).not.toContain('Noëlle Bakker');
    expect(anonPdf.text).not.toContain('Anouk de Vries');

    expect(cli('report', 'trajectory', 'een', '--out', anon).err).toMatch(/geen geldig trajectnummer/);
    expect(cli('report', 'trajectory', '999', '--out', anon).code).toBe(1);
  });

  it('refuses a report for a meeting that has not happened, as the app does', () => {
    const sessions = JSON.parse(cli('sessions', 'list', '--json').out) as { id: number; status: string }[];
    const planned = sessions.find((s) => s.status === 'gepland');
    expect(planned).toBeDefined();
    const out = path.join(dir, 'gepland.pdf');
    const r = cli('report', 'session', String(planned!.id), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nog niet plaatsgevonden/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('exits non-zero with a Dutch message on bad input', () => {
    const missing = cli('report', 'session', '9999', '--out', path.join(dir, 'x.pdf'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Fout: Deze sessie bestaat niet/);
    const word = cli('report', 'session', 'drie', '--out', path.join(dir, 'x.pdf'));
    expect(word.code).toBe(1);
    expect(word.err).toMatch(/geen geldig sessienummer/);
    expect(cli('modules', 'check', path.join(dir, 'geen-map')).err).toMatch(/bestaat niet/);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });

  it('refuses a data folder whose database is not a database', () => {
    const { dir: bad, cleanup: done } = tempDir();
    fs.writeFileSync(path.join(bad, 'sessiewijzer.sqlite'), 'geen database '.repeat(20));
    const r = runCli(bad, 'organisations', 'list');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/geen Sessiewijzer-database/);
    expect(fs.readFileSync(path.join(bad, 'sessiewijzer.sqlite'), 'utf8')).toBe('geen database '.repeat(20));
    done();
  });

  it('checks modules and exits 1 when one is broken', () => {
    const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'modules');
    const good = cli('modules', 'check', path.join(fixtures, 'valid'), '--json');
    expect(good.code).toBe(0);
    const json = JSON.parse(good.out);
    expect(Object.keys(json)).toEqual(['modules', 'errors', 'warnings']);
    expect(json.errors).toEqual([]);
  });
});
