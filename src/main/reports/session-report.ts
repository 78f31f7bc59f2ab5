// Renders the session report ("Sessieverslag") as an accessible, tagged PDF:
// first page, agenda (planned and actual minutes), attendance, the results of
// every work format with vector charts, the action plan and the next meeting.
// Only the bundled Atkinson Hyperlegible fonts are used, so Dutch diacritics
// (ë, é, ï, ö, ü) are embedded and the output looks the same everywhere.

import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus } from '../../shared/domain';
import { WORK_FORMAT_LABELS } from '../../shared/module-format';
import { ACTION_STATUSES, type ActionStatus } from '../../shared/trajectories';
import { SESSION_SECTIONS, type SessionSection } from '../../shared/channels/reports';
import { formatDutchDate, formatDutchWeekdayDate } from './dutch-dates';
import { moduleOf } from '../services/work-formats/types';
import { pseudonymiseSessionData } from './pseudonymise-data';
import { dueText, localDay, outcomeOf, writeDates, writeInShort, writeTitle } from './summary';
import type { ReportAction, ReportAttendee, ReportRun, SessionReportData, SessionReportOptions } from './types';
import {
  COLOR_MUTED,
  DASH,
  FONT_ITALIC,
  FONT_REGULAR,
  TABLE_ROW_MIN,
  ReportWriter,
  finish,
  openDocument,
} from './writer';


const NO_SCHOOL = 'Zonder school';
const UNREGISTERED = 'Niet geregistreerd';

type StatusKey = AttendanceStatus | 'onbekend';
const STATUS_KEYS: readonly StatusKey[] = [...ATTENDANCE_STATUSES, 'onbekend'];

function statusLabel(status: StatusKey): string {
  return status === 'onbekend' ? UNREGISTERED : ATTENDANCE_LABELS[status];
}

function statusKey(status: AttendanceStatus | null): StatusKey {
  return status ?? 'onbekend';
}

function countByStatus(attendees: ReportAttendee[]): Record<StatusKey, number> {
  const counts = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
  for (const a of attendees) counts[statusKey(a.status)] += 1;
  return counts;
}

/** "3 aanwezig, 1 afgemeld" (only statuses that occur). */
function countPhrase(counts: Record<StatusKey, number>): string {
  const parts = STATUS_KEYS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${statusLabel(k).toLowerCase()}`);
  return parts.length > 0 ? parts.join(', ') : 'geen deelnemers';
}

/** Attendees grouped by school: known schools in the given order, then others, "Zonder school" last. */
function groupBySchool(data: SessionReportData): { school: string | null; attendees: ReportAttendee[] }[] {
  const groups = new Map<string | null, ReportAttendee[]>();
  for (const a of data.attendees) {
    const list = groups.get(a.schoolName) ?? [];
    list.push(a);
    groups.set(a.schoolName, list);
  }
  const known = data.schools.filter((s) => groups.has(s));
  const others = [...groups.keys()]
    .filter((s): s is string => s !== null && !data.schools.includes(s))
    .sort((a, b) => a.localeCompare(b, 'nl'));
  const order: (string | null)[] = [...known, ...others];
  if (groups.has(null)) order.push(null);
  return order.map((school) => ({
    school,
    attendees: [...(groups.get(school) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  }));
}
function formatMinutes(minutes: number | null): string {
  return minutes === null ? DASH : String(minutes);
}

function writeAgenda(w: ReportWriter, data: SessionReportData): void {
  w.heading('Agenda');
  if (data.agenda.length === 0) {
    w.block('P', 'Geen agendaonderdelen.', FONT_ITALIC, 11, { color: COLOR_MUTED });
    return;
  }
  const planned = data.agenda.reduce((sum, a) => sum + a.plannedMinutes, 0);
  const actuals = data.agenda.map((a) => a.actualMinutes).filter((m): m is number => m !== null);
  const actual = actuals.length > 0 ? actuals.reduce((a, b) => a + b, 0) : null;
  w.table(
    [
      { header: '#', width: 26 },
      { header: 'Onderdeel', grow: true },
      { header: 'Gepland (min)', align: 'right' },
      { header: 'Werkelijk (min)', align: 'right' },
    ],
    [
      ...data.agenda.map((a, i) => ({
        cells: [String(i + 1), a.title, String(a.plannedMinutes), formatMinutes(a.actualMinutes)],
      })),
      { cells: ['', 'Totaal', String(planned), formatMinutes(actual)], bold: true, ruleAbove: true },
    ],
  );
}

function statusSummary(counts: Record<StatusKey, number>): string {
  return STATUS_KEYS.filter((k) => k !== 'onbekend' || counts[k] > 0)
    .map((k) => `${statusLabel(k)}: ${counts[k]}`)
    .join('  ·  ');
}

function writeAttendance(w: ReportWriter, data: SessionReportData, pseudonymise: boolean, title = 'Aanwezigheid'): void {
  const doc = w.doc;
  w.heading(title);
  const total = data.attendees.length;
  if (total === 0) {
    w.block('P', 'Er zijn geen deelnemers geregistreerd.', FONT_ITALIC, 11, { color: COLOR_MUTED });
    return;
  }
  const counts = countByStatus(data.attendees);
  w.block('P', `${total} ${total === 1 ? 'deelnemer' : 'deelnemers'}  —  ${statusSummary(counts)}`, FONT_REGULAR, 11, {
    gapAfter: 8,
  });
  const groups = groupBySchool(data);

  if (pseudonymise) {
    w.block(
      'P',
      'Dit verslag is gepseudonimiseerd: namen van deelnemers zijn weggelaten. Per school staan alleen aantallen.',
      FONT_ITALIC,
      10,
      { color: COLOR_MUTED, gapAfter: 8 },
    );
    w.bullets(
      groups.map((group) => ({ lead: `${group.school ?? NO_SCHOOL}:`, text: countPhrase(countByStatus(group.attendees)) })),
      w.root,
      11,
    );
    return;
  }

  // One set of column widths for every school's table, so the columns line up down the pages.
  const baseColumns = [{ header: 'Naam', grow: true }, { header: 'Rol' }, { header: 'Status' }];
  const allRows = data.attendees.map((a) => ({ cells: [a.name, a.role, statusLabel(statusKey(a.status))] }));
  const attendanceColumns = w.columnWidths(baseColumns, allRows, 10, 4).map((width, i) => ({ ...baseColumns[i]!, width }));
  for (const group of groups) {
    const section = doc.struct('Sect');
    w.root.add(section);
    doc.y += 6;
    // Keep the school heading with its count line, the table header and the first row.
    w.minorHeading(group.school ?? NO_SCHOOL, section, 12);
    w.block('P', countPhrase(countByStatus(group.attendees)), FONT_REGULAR, 10, {
      color: COLOR_MUTED,
      parent: section,
      gapAfter: 4,
    });
    w.table(
      attendanceColumns,
      group.attendees.map((a) => ({ cells: [a.name, a.role, statusLabel(statusKey(a.status))] })),
      section,
      `${group.school ?? NO_SCHOOL} (vervolg)`,
    );
    section.end();
  }
}


const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', bezig: 'Bezig', gedaan: 'Gedaan', vervallen: 'Vervallen' };

export function actionStatusLabel(status: string): string {
  return (ACTION_STATUSES as readonly string[]).includes(status) ? ACTION_STATUS_LABELS[status as ActionStatus] : status;
}

function shortDate(date: string | null): string {
  return date ? formatDutchDate(date) : DASH;
}

function writeRun(w: ReportWriter, run: ReportRun, index: number): void {
  const doc = w.doc;
  const section = doc.struct('Sect');
  w.root.add(section);
  const title = `${index}. ${WORK_FORMAT_LABELS[run.type]}${run.context ? ` · ${run.context}` : ''}`;
  w.subheading(title, section, 70);
  w.block('P', run.prompt, FONT_ITALIC, 11, { parent: section, gapAfter: 6, keepWith: 90 });
  moduleOf(run.results.type).writeReport(w, run.results, run.prompt, section);
  section.end();
}

function writeRuns(w: ReportWriter, runs: ReportRun[]): void {
  w.heading('Resultaten van de werkvormen');
  if (runs.length === 0) {
    w.note('In deze sessie zijn geen werkvormen gebruikt.');
    return;
  }
  runs.forEach((run, i) => writeRun(w, run, i + 1));
}

function actionWho(a: ReportAction): string {
  return a.who ?? a.participantName ?? DASH;
}

function writeActions(w: ReportWriter, actions: ReportAction[], today: string): void {
  w.heading('Actieplan');
  const own = actions.filter((a) => !a.carriedOver);
  const carried = actions.filter((a) => a.carriedOver);
  const columns = [
    { header: 'Wat', grow: true },
    { header: 'Wie' },
    { header: 'Wanneer' },
    { header: 'Status' },
  ];
  const row = (a: ReportAction) => ({
    cells: [a.schoolName ? `${a.what} (${a.schoolName})` : a.what, actionWho(a), dueText(a, today), actionStatusLabel(a.status)],
  });
  if (own.length === 0) w.note('In deze sessie zijn geen acties afgesproken.');
  else w.table(columns, own.map(row), w.root, 'Actieplan (vervolg)');
  if (carried.length > 0) {
    w.subheading('Openstaande acties uit eerdere bijeenkomsten', undefined, 2 * TABLE_ROW_MIN);
    w.table(
      [...columns.slice(0, 3), { header: 'Afgesproken' }, columns[3]!],
      carried.map((a) => {
        const r = row(a);
        r.cells.splice(3, 0, shortDate(a.agreedOn));
        return r;
      }),
      w.root,
      'Openstaande acties (vervolg)',
    );
  }
}

function writeNextMeeting(w: ReportWriter, data: SessionReportData): void {
  w.heading('Volgende bijeenkomst');
  const next = data.nextMeeting;
  if (!next) {
    w.note('Er is nog geen volgende bijeenkomst gepland.');
    return;
  }
  const rows: [string, string][] = [
    ['Datum', next.startTime ? `${formatDutchWeekdayDate(next.date)} om ${next.startTime}` : formatDutchWeekdayDate(next.date)],
    ['Module', next.moduleTitle],
  ];
  if (next.location) rows.push(['Locatie', next.location]);
  w.labelledRows(rows);
}

export function includes<S extends string>(sections: readonly S[] | undefined, section: S): boolean {
  return sections === undefined || sections.includes(section);
}

export async function renderSessionReport(input: SessionReportData, options: SessionReportOptions): Promise<Buffer> {
  const data = options.pseudonymise ? pseudonymiseSessionData(input, options) : input;
  const dateText = formatDutchDate(data.date);
  const { doc, done, text } = openDocument(options.fontsDir, {
    Title: `Sessieverslag – ${data.moduleTitle} – ${dateText}`,
    Author: data.facilitator ?? 'Sessiewijzer',
    Subject: `Verslag van de sessie ${data.moduleTitle} op ${formatDutchWeekdayDate(data.date)} met ${data.groupName} (${data.organisationName})`,
    CreationDate: options.now ?? new Date(),
  });
  const show = (s: SessionSection) => includes(options.sections, s);

  const now = options.now ?? new Date();
  const today = localDay(now);

  return finish(doc, done, () => {
    const w = new ReportWriter(doc, text);
    writeTitle(w, 'Sessieverslag', data.moduleTitle, `Versie ${data.moduleVersion}`, data.identity);

    const weekday = formatDutchWeekdayDate(data.date);
    const counts = countByStatus(data.attendees);
    const present = counts.aanwezig + counts.te_laat;
    const rows: [string, string][] = [['Datum', data.startTime ? `${weekday} om ${data.startTime}` : weekday]];
    if (data.location) rows.push(['Locatie', data.location]);
    if (data.facilitator) rows.push(['Begeleider', data.facilitator]);
    rows.push(['Organisatie', data.organisationName]);
    // Many schools are counted here and named in the attendance section.
    rows.push([
      data.schools.length === 1 ? 'School' : 'Scholen',
      data.schools.length === 0 ? DASH : data.schools.length <= 3 ? data.schools.join(', ') : `${data.schools.length} scholen (zie aanwezigheid)`,
    ]);
    rows.push(['Groep', data.groupName]);
    if (data.attendees.length > 0) rows.push(['Aanwezig', `${present} van ${data.attendees.length}`]);
    w.labelledRows(rows);
    doc.y += 4;
    writeDates(w, now, !options.pseudonymise, options.pseudonymise);

    const outcomes = (data.runs ?? []).map(outcomeOf).filter((o): o is string => o !== null);
    writeInShort(w, outcomes, data.actions ?? [], data.nextMeeting, today, [], show('acties'));

    // Long attendance lists go to the end as an appendix, after the results.
    const longAttendance = data.attendees.length > 20;
    if (show('agenda')) writeAgenda(w, data);
    if (show('aanwezigheid') && !longAttendance) writeAttendance(w, data, options.pseudonymise);
    if (show('werkvormen')) writeRuns(w, data.runs ?? []);
    if (show('acties')) writeActions(w, data.actions ?? [], today);
    if (show('volgende')) writeNextMeeting(w, data);
    if (show('aanwezigheid') && longAttendance) writeAttendance(w, data, options.pseudonymise, 'Bijlage: aanwezigheid');

    w.end();
    w.footers(`Sessieverslag ${data.moduleTitle} · ${dateText}`);
  });
}

export { SESSION_SECTIONS };
