// CSV import and export of participants, and export of an attendance matrix.
// Import takes the CSV *text* (main reads the file the user picked), shows a
// preview with row-level Dutch errors, and commits all rows or none – or, on
// request, only the good rows. Unknown schools can be created on request, and
// people already there are updated or skipped (a re-import is not refused).
// Every commit gets an import id, so everything it added can be removed again.
// Exports are `;`-separated with a UTF-8 BOM and CRLF, as Dutch Excel expects.

import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ATTENDANCE_LABELS, PARTICIPANT_ROLES, type ParticipantRole } from '../../shared/domain';
import { dutchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { AttendanceMatrix, ImportOptions, ImportPreview, ImportResult, ImportRow, Rate, TextExport } from '../../shared/trajectories';
import type { Db } from '../db/open';
import { addGroupMember, getGroup } from '../db/repositories/groups';
import { createSchool, getOrganisation, listSchools } from '../db/repositories/organisations';
import { createImport } from '../db/repositories/imports';
import { createParticipant, listParticipants, updateParticipant, type ParticipantFilter } from '../db/repositories/participants';

export const MAX_IMPORT_ROWS = 5000;
const MAX_NAME = 120;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const ROLE_BY_KEY = new Map<string, ParticipantRole>([
  ...PARTICIPANT_ROLES.map((r) => [fold(r), r] as [string, ParticipantRole]),
  ['docent', 'docent/mentor'],
  ['mentor', 'docent/mentor'],
  ['docent / mentor', 'docent/mentor'],
  ['directie', 'schoolleiding'],
  ['schoolleider', 'schoolleiding'],
  ['ib', 'intern begeleider'],
  ['ib-er', 'intern begeleider'],
  ['ib\'er', 'intern begeleider'],
  ['internbegeleider', 'intern begeleider'],
  ['juf', 'leerkracht'],
  ['meester', 'leerkracht'],
  ['groepsleerkracht', 'leerkracht'],
  ['slb', 'studieloopbaanbegeleider'],
  ['slb-er', 'studieloopbaanbegeleider'],
  ['slb\'er', 'studieloopbaanbegeleider'],
  ['zoco', 'zorgcoördinator'],
  ['ortho', 'orthopedagoog'],
  ['smw', 'schoolmaatschappelijk werker'],
  ['gs-coordinator', 'Gezonde School-coördinator'],
  ['gezonde school coordinator', 'Gezonde School-coördinator'],
  ['gs-adviseur', 'Gezonde School-adviseur'],
  ['gezonde school adviseur', 'Gezonde School-adviseur'],
]);

const HEADER_ALIASES: Record<string, 'naam' | 'school' | 'rol' | 'email'> = {
  naam: 'naam',
  name: 'naam',
  school: 'school',
  rol: 'rol',
  functie: 'rol',
  email: 'email',
  'e-mail': 'email',
  'e-mailadres': 'email',
  emailadres: 'email',
};

const emailSchema = z.email().max(254);
/** A value echoed in an error message, shortened: a 2 MB line must not become a 2 MB message. */
const clip = (v: string) => (v.length > 60 ? `${v.slice(0, 60)}…` : v);

/** `;` or `,`: whichever occurs more often (outside quotes) on the first line. */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semi++;
    else if (!quoted && c === ',') comma++;
  }
  return comma > semi ? ',' : ';';
}

export function previewImport(db: Db, organisationId: number, text: string, options: ImportOptions = {}): ImportPreview {
  getOrganisation(db, organisationId);
  const delimiter = detectDelimiter(text);
  const errors: string[] = [];
  const fail = (message: string): ImportPreview => ({ delimiter, rows: [], errors: [message], ok: false });

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { lines?: number; code?: string };
    const what = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'een aanhalingsteken wordt niet gesloten' : 'het bestand is geen geldige CSV';
    return fail(`Regel ${e.lines ?? '?'}: ${what}.`);
  }
  records = records.filter((r) => r.record.some((f) => f !== ''));
  if (records.length === 0) return fail('Het bestand is leeg.');
  const lineOf = (r: { record: string[]; info: { lines: number } }) =>
    r.info.lines - r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);

  // Header
  const [header, ...body] = records;
  const columns: ('naam' | 'school' | 'rol' | 'email')[] = [];
  for (const raw of header!.record) {
    const column = HEADER_ALIASES[fold(raw)];
    if (!column) {
      return fail(`Regel ${lineOf(header!)}: onbekende kolom "${raw}"; verwacht de kolommen naam, school, rol en email.`);
    }
    if (columns.includes(column)) return fail(`Regel ${lineOf(header!)}: de kolom "${column}" staat er twee keer in.`);
    columns.push(column);
  }
  for (const required of ['naam', 'rol'] as const) {
    if (!columns.includes(required)) return fail(`Regel ${lineOf(header!)}: de kolom "${required}" ontbreekt.`);
  }
  if (body.length === 0) return fail('Het bestand bevat alleen een kopregel, geen deelnemers.');
  if (body.length > MAX_IMPORT_ROWS) {
    return fail(`Het bestand bevat ${body.length} regels; er kunnen er hoogstens ${MAX_IMPORT_ROWS} tegelijk worden ingelezen.`);
  }

  const schools = new Map(listSchools(db, organisationId).map((s) => [fold(s.name), s]));
  const existing = new Map(listParticipants(db, { organisationId }).map((p) => [`${fold(p.name)}|${p.schoolId ?? ''}`, p.id]));
  const seen = new Map<string, number>();

  const rows: ImportRow[] = body.map((r) => {
    const line = lineOf(r);
    const rowErrors: string[] = [];
    const field = (c: (typeof columns)[number]) => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : (r.record[i] ?? '');
    };
    if (r.record.length > columns.length) {
      rowErrors.push(`te veel kolommen (${r.record.length}, verwacht ${columns.length})`);
    }
    const name = field('naam').replace(/\s+/g, ' ');
    if (name === '') rowErrors.push('naam is leeg');
    else if (name.length > MAX_NAME) rowErrors.push(`naam is te lang (hoogstens ${MAX_NAME} tekens)`);

    const schoolName = field('school');
    const school = schoolName === '' ? undefined : schools.get(fold(schoolName));
    const newSchool = schoolName !== '' && !school && options.createSchools === true;
    if (schoolName !== '' && !school && !newSchool) rowErrors.push(`onbekende school "${clip(schoolName)}"`);

    const roleText = field('rol');
    const role = roleText === '' ? undefined : ROLE_BY_KEY.get(fold(roleText));
    if (roleText === '') rowErrors.push('rol is leeg');
    else if (!role) rowErrors.push(`onbekende rol "${clip(roleText)}"`);

    const emailText = field('email');
    if (emailText !== '' && !emailSchema.safeParse(emailText).success) {
      rowErrors.push(`ongeldig e-mailadres "${clip(emailText)}"`);
    }

    let action: ImportRow['action'] = 'nieuw';
    if (name !== '') {
      const key = `${fold(name)}|${newSchool ? `nieuw:${fold(schoolName)}` : (school?.id ?? '')}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) rowErrors.push(`"${clip(name)}" staat dubbel in het bestand (ook op regel ${earlier})`);
      else seen.set(key, line);
      // A re-import: the person is there already; update or skip, never refuse the file.
      if (existing.has(key)) action = options.existing === 'bijwerken' ? 'bijwerken' : 'overslaan';
    }

    for (const message of rowErrors) errors.push(`Regel ${line}: ${message}`);
    return {
      line,
      name,
      schoolName: school?.name ?? (schoolName || null),
      schoolId: school?.id ?? null,
      role: role ?? null,
      email: emailText === '' ? null : emailText,
      errors: rowErrors,
      action,
      ...(newSchool ? { newSchool: true } : {}),
    };
  });
  return { delimiter, rows, errors, ok: errors.length === 0 };
}

/**
 * Imports every row or none – or with onlyGoodRows, the rows without errors.
 * Run inside one transaction; returns the import's id.
 */
export function commitImport(
  db: Db,
  organisationId: number,
  text: string,
  groupId?: number | null,
  options: ImportOptions & { fileName?: string | null } = {},
): ImportResult {
  if (groupId != null && getGroup(db, groupId).organisationId !== organisationId) {
    throw new AppError('ongeldige_invoer', 'De gekozen groep hoort niet bij deze organisatie.');
  }
  const preview = previewImport(db, organisationId, text, options);
  const good = preview.rows.filter((r) => r.errors.length === 0);
  if (!preview.ok && (!options.onlyGoodRows || good.length === 0)) {
    const shown = preview.errors.slice(0, 5).join('; ');
    const more = preview.errors.length > 5 ? ` (en nog ${preview.errors.length - 5})` : '';
    const hint = good.length > 0 ? ' Kies "Alleen de goede rijen importeren" om de andere rijen wel in te lezen.' : '';
    throw new AppError(
      'ongeldige_invoer',
      `Er is niets ingelezen: ${preview.errors.length === 1 ? 'er is 1 fout' : `er zijn ${preview.errors.length} fouten`}. ${shown}${more}.${hint}`,
    );
  }
  const importId = createImport(db, organisationId, options.fileName ?? null);
  const schools = new Map(listSchools(db, organisationId).map((s) => [fold(s.name), s.id]));
  let schoolsCreated = 0;
  const schoolIdOf = (row: ImportRow): number | null => {
    if (!row.newSchool || !row.schoolName) return row.schoolId;
    const known = schools.get(fold(row.schoolName));
    if (known !== undefined) return known;
    const created = createSchool(db, { organisationId, name: row.schoolName, sector: options.newSchoolSector ?? 'po' });
    schools.set(fold(row.schoolName), created.id);
    schoolsCreated++;
    return created.id;
  };
  const existing = new Map(listParticipants(db, { organisationId }).map((p) => [`${fold(p.name)}|${p.schoolId ?? ''}`, p.id]));
  const setImport = db.prepare('UPDATE participants SET import_id = ? WHERE id = ?');
  const ids: number[] = [];
  let updated = 0;
  let skipped = 0;
  for (const row of good) {
    const schoolId = schoolIdOf(row);
    const known = existing.get(`${fold(row.name)}|${schoolId ?? ''}`);
    if (known !== undefined) {
      if (options.existing === 'bijwerken') {
        updateParticipant(db, known, { name: row.name, schoolId, role: row.role!, ...(row.email ? { email: row.email } : {}) });
        updated++;
      } else skipped++;
      if (groupId != null) addGroupMember(db, groupId, known);
      continue;
    }
    const p = createParticipant(db, { organisationId, schoolId, name: row.name, role: row.role!, email: row.email });
    setImport.run(importId, p.id);
    if (groupId != null) addGroupMember(db, groupId, p.id);
    ids.push(p.id);
  }
  return {
    imported: ids.length,
    participantIds: ids,
    importId,
    updated,
    skipped,
    failed: preview.rows.length - good.length,
    schoolsCreated,
  };
}

// --- export ----------------------------------------------------------------

/** One CSV field: quoted when needed; text that Excel would run as a formula is defused. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}

const safeName = (s: string) => s.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'export';

export function exportParticipantsCsv(db: Db, filter: ParticipantFilter): TextExport {
  const people = listParticipants(db, filter);
  const org = filter.organisationId !== undefined ? getOrganisation(db, filter.organisationId).name : 'alle';
  return {
    suggestedName: `deelnemers-${safeName(org)}.csv`,
    text: toCsv([['naam', 'school', 'rol', 'email'], ...people.map((p) => [p.name, p.schoolName, p.role, p.email])]),
  };
}

const percent = (r: Rate) => (r.rate === null ? '' : `${Math.round(r.rate * 100)}%`);

export function exportMatrixCsv(matrix: AttendanceMatrix, trajectoryName: string): TextExport {
  const head = ['naam', 'school', 'rol', ...matrix.sessions.map((s) => `${dutchDate(s.date)} ${s.moduleTitle}`), 'aanwezig', 'geregistreerd', 'percentage'];
  const blanks = matrix.sessions.map(() => '');
  const rows: (string | number | null)[][] = [head];
  for (const r of matrix.rows) {
    rows.push([
      r.name,
      r.schoolName,
      r.role,
      ...r.cells.map((c) => (c ? ATTENDANCE_LABELS[c] : '')),
      r.present,
      r.counted,
      percent(r),
    ]);
  }
  rows.push([]);
  for (const s of matrix.schools) rows.push([`School: ${s.schoolName}`, s.schoolName, '', ...blanks, s.present, s.counted, percent(s)]);
  rows.push(['Totaal', '', '', ...blanks, matrix.total.present, matrix.total.counted, percent(matrix.total)]);
  return { suggestedName: `aanwezigheid-${safeName(trajectoryName)}.csv`, text: toCsv(rows) };
}
