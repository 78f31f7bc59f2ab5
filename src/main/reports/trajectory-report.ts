// Renders the trajectory report ("Trajectverslag"): all meetings, the
// attendance matrix (participants × meetings, or counts per school when
// pseudonymised) with rates, themes covered, each school's progress on the
// stappenplan, and the actions with their status across meetings.

import type { AttendanceStatus } from '../../shared/domain';
import type { TrajectorySection } from '../../shared/channels/reports';
import type { Rate } from '../../shared/trajectories';
import { formatDutchDate, formatDutchWeekdayDate } from './dutch-dates';
import { barChart, percentText, progressChart } from './charts';
import { pseudonymiseTrajectoryData } from './pseudonymise-data';
import { dueText, localDay, writeDates, writeInShort, writeTitle } from './summary';
import { actionStatusLabel, includes } from './session-report';
import type { ReportAction, TrajectoryReportData, TrajectoryReportOptions } from './types';
import { COLOR_MUTED, DASH, FONT_REGULAR, ReportWriter, finish, openDocument, type Column } from './writer';

/** One letter per status in the matrix, so it reads in black and white. */
const CELL_CODES: Record<AttendanceStatus, string> = { aanwezig: 'A', te_laat: 'L', afgemeld: 'M', afwezig: 'X' };

function rateText(r: Rate): string {
  return r.rate === null ? DASH : `${Math.round(r.rate * 100)}%`;
}

/** "12-3" style short date for narrow columns. */
function tinyDate(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(d)}-${Number(m)}`;
}

function writeMeetings(w: ReportWriter, data: TrajectoryReportData): void {
  w.heading('Bijeenkomsten');
  if (data.meetings.length === 0) {
    w.note('Er zijn nog geen bijeenkomsten aan dit traject gekoppeld.');
    return;
  }
  const presentBy = new Map(
    data.matrix.sessions.map((s, i) => {
      const counted = data.matrix.rows.filter((r) => r.cells[i] !== null).length;
      const present = data.matrix.rows.filter((r) => r.cells[i] === 'aanwezig' || r.cells[i] === 'te_laat').length;
      return [s.id, counted === 0 ? DASH : `${present} van ${counted}`];
    }),
  );
  w.table(
    [
      { header: '#', width: 22 },
      { header: 'Datum' },
      { header: 'Module', grow: true },
      { header: 'Status' },
      { header: 'Aanwezig', align: 'right' },
      { header: 'Min. (gepland / werkelijk)', align: 'right' },
    ],
    data.meetings.map((m, i) => ({
      cells: [
        String(i + 1),
        m.startTime ? `${formatDutchDate(m.date)}, ${m.startTime}` : formatDutchDate(m.date),
        m.location ? `${m.moduleTitle} (${m.location})` : m.moduleTitle,
        m.statusLabel,
        presentBy.get(m.id) ?? DASH,
        `${m.plannedMinutes} / ${m.actualMinutes ?? DASH}`,
      ],
    })),
    w.root,
    'Bijeenkomsten (vervolg)',
  );
}

function writeAttendance(w: ReportWriter, data: TrajectoryReportData, pseudonymise: boolean): void {
  const m = data.matrix;
  w.heading('Aanwezigheid');
  if (m.sessions.length === 0 || m.rows.length === 0) {
    w.note('Nog geen aanwezigheid geregistreerd.');
    return;
  }
  w.block(
    'P',
    `Totaal aanwezig: ${rateText(m.total)} (${m.total.present} van ${m.total.counted} geregistreerde plaatsen; aanwezig en te laat tellen als aanwezig).`,
    FONT_REGULAR,
    10.5,
    { gapAfter: 6 },
  );
  const legend = m.sessions.map((s, i) => `${i + 1} = ${formatDutchDate(s.date)}`).join('  ·  ');
  const cols = m.sessions.length;
  const cellW = Math.max(22, Math.min(40, (w.width - 200) / Math.max(1, cols)));
  const meetingCols: Column[] = m.sessions.map((_, i) => ({ header: String(i + 1), width: cellW, align: 'center' }));

  if (pseudonymise) {
    w.note('Gepseudonimiseerd: per school het aantal aanwezigen van het aantal geregistreerden per bijeenkomst.');
    const schools = [...new Set(m.rows.map((r) => r.schoolName ?? 'Zonder school'))];
    const rows = schools.map((school) => {
      const people = m.rows.filter((r) => (r.schoolName ?? 'Zonder school') === school);
      const rate = m.schools.find((s) => s.schoolName === school);
      return {
        cells: [
          school,
          ...m.sessions.map((_, i) => {
            const counted = people.filter((p) => p.cells[i] !== null).length;
            const present = people.filter((p) => p.cells[i] === 'aanwezig' || p.cells[i] === 'te_laat').length;
            return counted === 0 ? DASH : `${present}/${counted}`;
          }),
          rate ? rateText(rate) : DASH,
        ],
      };
    });
    w.table([{ header: 'School', grow: true }, ...meetingCols.map((c) => ({ ...c, width: Math.max(c.width ?? 0, 30) })), { header: '%', width: 40, align: 'right' }], rows, w.root, 'Aanwezigheid (vervolg)');
  } else {
    w.block('P', 'A = aanwezig · L = te laat · M = afgemeld · X = afwezig · – = niet geregistreerd', FONT_REGULAR, 9.5, {
      color: COLOR_MUTED,
      gapAfter: 4,
    });
    w.table(
      [{ header: 'Deelnemer', grow: true }, ...meetingCols, { header: '%', width: 40, align: 'right' }],
      m.rows.map((r) => ({
        cells: [
          `${r.name}${r.schoolName ? ` (${r.schoolName})` : ''}`,
          ...r.cells.map((c) => (c ? CELL_CODES[c] : DASH)),
          rateText(r),
        ],
      })),
      w.root,
      'Aanwezigheid (vervolg)',
    );
  }
  w.block('P', legend, FONT_REGULAR, 9, { color: COLOR_MUTED, gapAfter: 6 });

  w.subheading('Aanwezigheid per school', undefined, 60);
  barChart(
    w,
    `Percentage aanwezig per school: ${m.schools.map((s) => `${s.schoolName} ${rateText(s)}`).join(', ')}.`,
    m.schools.map((s) => ({
      label: s.schoolName,
      value: s.rate === null ? 0 : s.rate * 100,
      valueText: `${rateText(s)} (${s.present}/${s.counted})`,
    })),
    undefined,
    100,
  );
}

function writeThemes(w: ReportWriter, data: TrajectoryReportData): void {
  w.heading("Thema's");
  if (data.themes.length === 0) {
    w.note("Er zijn geen thema's gekozen of behandeld.");
    return;
  }
  const covered = data.themes.filter((t) => t.coveredOn.length > 0).length;
  w.block('P', `${covered} van ${data.themes.length} thema's behandeld.`, FONT_REGULAR, 10.5, { gapAfter: 4 });
  w.table(
    [
      { header: 'Thema', grow: true },
      { header: 'Gekozen' },
      { header: 'Behandeld op' },
    ],
    data.themes.map((t) => ({
      cells: [t.title, t.planned ? 'ja' : 'nee', t.coveredOn.length > 0 ? t.coveredOn.map(formatDutchDate).join(', ') : 'nog niet'],
    })),
  );
}

function writeSteps(w: ReportWriter, data: TrajectoryReportData): void {
  const steps = data.steps;
  w.heading('Stappenplan per school');
  if (steps.schools.length === 0) {
    w.note('Er doen nog geen scholen mee aan dit traject.');
    return;
  }
  progressChart(
    w,
    `Gezette stappen per school: ${steps.schools.map((s) => `${s.schoolName} ${s.done} van ${s.steps.length}`).join(', ')}.`,
    steps.schools.map((s) => ({ label: s.schoolName, done: s.done, total: s.steps.length })),
  );
  const stepW = Math.min(40, (w.width - 150) / steps.steps.length);
  w.table(
    [{ header: 'School', grow: true }, ...steps.steps.map((_, i) => ({ header: String(i + 1), width: stepW, align: 'center' as const }))],
    steps.schools.map((s) => ({ cells: [s.schoolName, ...s.steps.map((c) => (c.doneOn ? tinyDate(c.doneOn) : DASH))] })),
    w.root,
    'Stappenplan (vervolg)',
  );
  w.block('P', `Datum = stap gezet; – = nog niet. ${steps.steps.map((s, i) => `${i + 1} = ${s.label}`).join(' · ')}.`, FONT_REGULAR, 9, {
    color: COLOR_MUTED,
    gapAfter: 4,
  });
  const notes = steps.schools.flatMap((s) =>
    s.steps.filter((c) => c.notes || c.openActions > 0).map((c) => ({
      lead: `${s.schoolName}, ${c.label}:`,
      text: [c.notes, c.openActions > 0 ? `${c.openActions} open ${c.openActions === 1 ? 'actie' : 'acties'}` : null].filter(Boolean).join(' — '),
    })),
  );
  if (notes.length > 0) {
    w.subheading('Toelichting', undefined, 30);
    w.bullets(notes);
  }
}

function writeActions(w: ReportWriter, actions: ReportAction[], today: string): void {
  w.heading('Acties');
  if (actions.length === 0) {
    w.note('Er zijn in dit traject geen acties afgesproken.');
    return;
  }
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const order = ['open', 'bezig', 'gedaan', 'vervallen'];
  barChart(
    w,
    `Acties per status: ${order.map((s) => `${actionStatusLabel(s)} ${counts.get(s) ?? 0}`).join(', ')}.`,
    order.map((s) => ({ label: actionStatusLabel(s), value: counts.get(s) ?? 0, valueText: `${counts.get(s) ?? 0} (${percentText(counts.get(s) ?? 0, actions.length)})` })),
  );
  const byMeeting = new Map<string, ReportAction[]>();
  for (const a of actions) {
    const key = a.agreedOn ?? '';
    byMeeting.set(key, [...(byMeeting.get(key) ?? []), a]);
  }
  const keys = [...byMeeting.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  for (const key of keys) {
    w.subheading(key ? `Afgesproken op ${formatDutchDate(key)}` : 'Zonder bijeenkomst', undefined, 45);
    w.table(
      [
        { header: 'Wat', grow: true },
        { header: 'Wie' },
        { header: 'Wanneer' },
        { header: 'Status' },
      ],
      byMeeting.get(key)!.map((a) => ({
        cells: [a.schoolName ? `${a.what} (${a.schoolName})` : a.what, a.who ?? a.participantName ?? DASH, dueText(a, today), actionStatusLabel(a.status)],
      })),
      w.root,
      'Acties (vervolg)',
    );
  }
}

export async function renderTrajectoryReport(input: TrajectoryReportData, options: TrajectoryReportOptions): Promise<Buffer> {
  const data = options.pseudonymise ? pseudonymiseTrajectoryData(input, options) : input;
  const { doc, done, text } = openDocument(options.fontsDir, {
    Title: `Trajectverslag – ${data.name} – ${data.season}`,
    Author: data.facilitators.length > 0 ? data.facilitators.join(', ') : 'Sessiewijzer',
    Subject: `Verslag van het traject ${data.name} (${data.season}) van ${data.organisationName}: bijeenkomsten, aanwezigheid, thema's, stappenplan en acties`,
    CreationDate: options.now ?? new Date(),
  });
  const show = (s: TrajectorySection) => includes(options.sections, s);
  const now = options.now ?? new Date();
  const today = localDay(now);
  return finish(doc, done, () => {
    const w = new ReportWriter(doc, text);
    writeTitle(w, 'Trajectverslag', data.name, `Seizoen ${data.season} · ${data.statusLabel}`, data.identity);
    const first = data.meetings[0];
    const last = data.meetings[data.meetings.length - 1];
    const rows: [string, string][] = [
      ['Organisatie', data.organisationName],
      ['Groep', data.groupName ?? DASH],
      [
        'Scholen',
        data.steps.schools.length === 0 ? DASH : data.steps.schools.length <= 3 ? data.steps.schools.map((s) => s.schoolName).join(', ') : `${data.steps.schools.length} scholen (zie stappenplan)`,
      ],
      ['Bijeenkomsten', first && last ? `${data.meetings.length}, van ${formatDutchWeekdayDate(first.date)} tot en met ${formatDutchWeekdayDate(last.date)}` : '0'],
    ];
    if (data.facilitators.length > 0) rows.push([data.facilitators.length === 1 ? 'Begeleider' : 'Begeleiders', data.facilitators.join(', ')]);
    if (data.notes) rows.push(['Notities', data.notes]);
    w.labelledRows(rows);
    doc.y += 4;
    writeDates(w, now, !options.pseudonymise, options.pseudonymise);
    const m = data.matrix;
    const covered = data.themes.filter((t) => t.coveredOn.length > 0).length;
    const held = data.meetings.filter((x) => x.date <= today).length;
    const extra = [
      `${held} van ${data.meetings.length} bijeenkomsten zijn geweest; ${covered} van ${data.themes.length} thema's behandeld.`,
      m.total.rate === null ? 'Nog geen aanwezigheid geregistreerd.' : `Aanwezig: ${Math.round(m.total.rate * 100)}% van de geregistreerde plaatsen (${m.total.present} van ${m.total.counted}).`,
      ...(data.steps.schools.length > 0
        ? [`Stappenplan: ${data.steps.schools.map((x) => `${x.schoolName} ${x.done} van ${x.steps.length}`).join('; ')}.`]
        : []),
    ];
    const next = data.nextMeeting ?? data.meetings.find((x) => x.date >= today && x.statusLabel === 'Gepland') ?? null;
    writeInShort(w, [], data.actions, next, today, extra, show('acties'));
    if (show('bijeenkomsten')) writeMeetings(w, data);
    if (show('aanwezigheid')) writeAttendance(w, data, options.pseudonymise);
    if (show('themas')) writeThemes(w, data);
    if (show('stappenplan')) writeSteps(w, data);
    if (show('acties')) writeActions(w, data.actions, today);
    w.end();
    w.footers(`Trajectverslag ${data.name} · ${data.season}`);
  });
}
