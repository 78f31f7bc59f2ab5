import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvField, detectDelimiter } from '../../src/main/services/csv';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let orgId: number;
beforeEach(async () => {
  t = openTestCore();
  orgId = (await t.call('organisations:create', { name: 'Stichting Noorderlicht', kind: 'stichting' })).id;
  await t.call('schools:create', { organisationId: orgId, name: 'OBS De Regenboog', sector: 'po' });
  await t.call('schools:create', { organisationId: orgId, name: 'Noorderlicht College', sector: 'vo' });
});
afterEach(() => t.close());

const count = () => (t.core.db.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n;

describe('CSV import of participants', () => {
  it('reads a semicolon file with a BOM and CRLF line ends', async () => {
    const csv =
      '\uFEFFNaam;School;Rol;E-mail\r\n' +
      'Noëlle Bakker;OBS De Regenboog;schoolleiding;n.bakker@regenboog.nl\r\n' +
      'Anouk de Vries;obs de regenboog;Zorgcoordinator;\r\n' +
      '\r\n' +
      'Sem Jansen;;docent;\r\n';
    const preview = await t.call('participants:importPreview', { organisationId: orgId, csv });
    expect(preview).toMatchObject({ delimiter: ';', ok: true, errors: [] });
    expect(preview.rows).toEqual([
      expect.objectContaining({ line: 2, name: 'Noëlle Bakker', schoolName: 'OBS De Regenboog', role: 'schoolleiding', email: 'n.bakker@regenboog.nl' }),
      expect.objectContaining({ line: 3, name: 'Anouk de Vries', schoolName: 'OBS De Regenboog', role: 'zorgcoördinator', email: null }),
      expect.objectContaining({ line: 5, name: 'Sem Jansen', schoolId: null, role: 'docent/mentor' }),
    ]);
    expect(count()).toBe(0); // a preview stores nothing
    expect(await t.call('participants:importCommit', { organisationId: orgId, csv })).toMatchObject({ imported: 3 });
    expect((await t.call('participants:list', { organisationId: orgId })).map((p) => `${p.name}/${p.schoolName}/${p.role}`)).toEqual([
      'Anouk de Vries/OBS De Regenboog/zorgcoördinator',
      'Noëlle Bakker/OBS De Regenboog/schoolleiding',
      'Sem Jansen/null/docent/mentor',
    ]);
  });

  it('reads a comma file with quoted fields, in any column order, without an email column', async () => {
    const csv = 'rol,naam,school\n"docent/mentor","Jansen, Sem",Noorderlicht College\nschoolleiding,"Bakker ""Noor""",\n';
    expect(detectDelimiter(csv)).toBe(',');
    const preview = await t.call('participants:importPreview', { organisationId: orgId, csv });
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.name, r.schoolName, r.role])).toEqual([
      ['Jansen, Sem', 'Noorderlicht College', 'docent/mentor'],
      ['Bakker "Noor"', null, 'schoolleiding'],
    ]);
    await t.call('participants:importCommit', { organisationId: orgId, csv });
    expect(count()).toBe(2);
  });

  it('gives row-level Dutch errors and imports nothing when any row is wrong', async () => {
    await t.call('participants:create', { organisationId: orgId, name: 'Iris Mulder', role: 'schoolpsycholoog' });
    const csv = [
      'naam;school;rol;email',
      'Goede Regel;OBS De Regenboog;docent;',
      'Lars Visser;OBS De Regenboog;x;',
      ';OBS De Regenboog;docent;',
      'Fatima El Amrani;Het Lyceum;docent;',
      'Sem Jansen;;docent;geen-adres',
      'Goede Regel;OBS De Regenboog;docent/mentor;',
      'Iris Mulder;;schoolpsycholoog;',
      'Tim de Boer;;;',
      'Veel Kolommen;;docent;;extra',
    ].join('\n');
    const before = count();
    const preview = await t.call('participants:importPreview', { organisationId: orgId, csv });
    expect(preview.ok).toBe(false);
    expect(preview.errors).toEqual([
      'Regel 3: onbekende rol "x"',
      'Regel 4: naam is leeg',
      'Regel 5: onbekende school "Het Lyceum"',
      'Regel 6: ongeldig e-mailadres "geen-adres"',
      'Regel 7: "Goede Regel" staat dubbel in het bestand (ook op regel 2)',
      'Regel 9: rol is leeg',
      'Regel 10: te veel kolommen (5, verwacht 4)',
    ]);
    expect(preview.rows[0]!.errors).toEqual([]);
    // A person already there is not an error (issue 11): a re-import skips or updates them.
    expect(preview.rows[6]).toMatchObject({ name: 'Iris Mulder', errors: [], action: 'overslaan' });
    await expect(t.call('participants:importCommit', { organisationId: orgId, csv })).rejects.toThrow(
      /Er is niets ingelezen: er zijn 7 fouten\. Regel 3: onbekende rol "x"/,
    );
    expect(count()).toBe(before);
  });

  it('refuses bad files as a whole', async () => {
    const errorsOf = async (csv: string) => (await t.call('participants:importPreview', { organisationId: orgId, csv })).errors;
    expect(await errorsOf('')).toEqual(['Het bestand is leeg.']);
    expect(await errorsOf('\uFEFF\n\n')).toEqual(['Het bestand is leeg.']);
    expect(await errorsOf('naam;school;email\nAnouk;;\n')).toEqual(['Regel 1: de kolom "rol" ontbreekt.']);
    expect(await errorsOf('naam;functie;leeftijd\n')).toEqual([
      'Regel 1: onbekende kolom "leeftijd"; verwacht de kolommen naam, school, rol en email.',
    ]);
    expect(await errorsOf('naam;rol\n')).toEqual(['Het bestand bevat alleen een kopregel, geen deelnemers.']);
    expect(await errorsOf('naam;rol\nAnouk;docent\n"Sem;docent\n')).toEqual(['Regel 3: een aanhalingsteken wordt niet gesloten.']);
    await expect(t.call('participants:importCommit', { organisationId: orgId, csv: 'naam;rol\n"Sem;docent\n' })).rejects.toThrow(
      /niets ingelezen/,
    );
    expect(count()).toBe(0);
  });
});

describe('CSV export', () => {
  it('writes ;-separated UTF-8 with a BOM that reads back in', async () => {
    await t.call('participants:importCommit', {
      organisationId: orgId,
      csv: 'naam;school;rol;email\nNoëlle Bakker;OBS De Regenboog;schoolleiding;n.bakker@regenboog.nl\n"Jansen; Sem";;docent;\n',
    });
    const exported = await t.call('participants:exportCsv', { organisationId: orgId });
    expect(exported.suggestedName).toBe('deelnemers-Stichting-Noorderlicht.csv');
    const bytes = Buffer.from(exported.text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from('Noëlle', 'utf8'))).toBe(true);
    expect(exported.text).toBe(
      '\uFEFFnaam;school;rol;email\r\n"Jansen; Sem";;docent/mentor;\r\nNoëlle Bakker;OBS De Regenboog;schoolleiding;n.bakker@regenboog.nl\r\n',
    );
    // Round trip into another organisation with the same school.
    const other = await t.call('organisations:create', { name: 'Scholengroep Zuid', kind: 'scholengroep' });
    await t.call('schools:create', { organisationId: other.id, name: 'OBS De Regenboog', sector: 'po' });
    expect(await t.call('participants:importCommit', { organisationId: other.id, csv: exported.text })).toMatchObject({ imported: 2 });
    expect((await t.call('participants:exportCsv', { search: 'ëlle' })).text.split('\r\n')).toHaveLength(4);
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+31 6')).toBe("'+31 6");
    expect(csvField(null)).toBe('');
    expect(csvField('a;b')).toBe('"a;b"');
  });
});
