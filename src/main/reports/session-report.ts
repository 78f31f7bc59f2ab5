// Renders the session report ("Sessieverslag") as an accessible, tagged PDF.
// Only the bundled Atkinson Hyperlegible fonts are used, so Dutch diacritics
// (ë, é, ï, ö, ü) are embedded and the output looks the same everywhere.

import path from 'node:path';
import PDFDocument from 'pdfkit';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus } from '../../shared/domain';
import { formatDutchDate, formatDutchWeekdayDate } from './dutch-dates';
import type { ReportAttendee, ReportOptions, SessionReportData } from './types';

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

const MARGIN = 56;
const FOOTER_OFFSET = 34; // distance of the footer text baseline area from the page bottom

const COLOR_TEXT = '#222222';
const COLOR_MUTED = '#555555';
const COLOR_RULE = '#8a8a8a';
const COLOR_RULE_LIGHT = '#c8c8c8';

const FONT_REGULAR = 'Atkinson';
const FONT_BOLD = 'Atkinson-Bold';
const FONT_ITALIC = 'Atkinson-Italic';

const FONT_FILES: Record<string, string> = {
  [FONT_REGULAR]: 'atkinson-hyperlegible-latin-400-normal.woff',
  [FONT_BOLD]: 'atkinson-hyperlegible-latin-700-normal.woff',
  [FONT_ITALIC]: 'atkinson-hyperlegible-latin-400-italic.woff',
};

/** Height of a one-line table row (10 pt text plus padding). */
const TABLE_ROW_MIN = 21;

const NO_SCHOOL = 'Zonder school';
const UNREGISTERED = 'Niet geregistreerd';
const DASH = '–';

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

interface Column {
  header: string;
  /** Width in points; 0 means "the remaining width". */
  width: number;
  align?: 'left' | 'right';
}

interface Row {
  cells: string[];
  bold?: boolean;
  /** Stronger rule above this row (totals). */
  ruleAbove?: boolean;
}

class ReportWriter {
  readonly left: number;
  readonly width: number;
  readonly root: StructElement;

  constructor(readonly doc: Doc) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when fewer than `height` points remain. Returns true on a page break. */
  ensureSpace(height: number): boolean {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.x = this.left;
      return true;
    }
    return false;
  }

  style(font: string, size: number, color = COLOR_TEXT): Doc {
    return this.doc.font(font).fontSize(size).fillColor(color);
  }

  /** Decorative content (rules) that assistive technology should skip. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  rule(y: number, color = COLOR_RULE, lineWidth = 0.5, x = this.left, width = this.width): void {
    this.artifact(() => {
      this.doc
        .save()
        .lineWidth(lineWidth)
        .strokeColor(color)
        .moveTo(x, y)
        .lineTo(x + width, y)
        .stroke()
        .restore();
    });
  }

  /** A tagged block of text at the left margin; returns after moving doc.y below it. */
  block(
    type: string,
    text: string,
    font: string,
    size: number,
    options: { color?: string; gapAfter?: number; parent?: StructElement } = {},
  ): void {
    this.style(font, size, options.color);
    const height = this.doc.heightOfString(text, { width: this.width });
    this.ensureSpace(height);
    const y = this.doc.y;
    (options.parent ?? this.root).add(
      this.doc.struct(type, {}, () => {
        this.style(font, size, options.color).text(text, this.left, y, { width: this.width });
      }),
    );
    this.doc.x = this.left;
    this.doc.y += options.gapAfter ?? 0;
  }

  heading(text: string, parent?: StructElement): void {
    this.doc.y += 16;
    this.style(FONT_BOLD, 15);
    // Keep the heading together with some of the section's content.
    this.ensureSpace(this.doc.heightOfString(text, { width: this.width }) + 60);
    this.block('H2', text, FONT_BOLD, 15, { parent });
    this.doc.y += 2;
    this.rule(this.doc.y, COLOR_RULE, 0.75);
    this.doc.y += 8;
  }

  /** "Label:   value" rows (label bold, value regular), each tagged as a paragraph. */
  labelledRows(rows: [string, string][]): void {
    const labelWidth = 100;
    const valueWidth = this.width - labelWidth;
    const size = 11;
    for (const [label, value] of rows) {
      this.style(FONT_REGULAR, size);
      const height = Math.max(
        this.doc.heightOfString(value, { width: valueWidth }),
        this.style(FONT_BOLD, size).heightOfString(label, { width: labelWidth }),
      );
      this.ensureSpace(height);
      const y = this.doc.y;
      this.root.add(
        this.doc.struct('P', {}, () => {
          this.style(FONT_BOLD, size, COLOR_MUTED).text(`${label}:`, this.left, y, { width: labelWidth - 8 });
          this.style(FONT_REGULAR, size).text(value, this.left + labelWidth, y, { width: valueWidth });
        }),
      );
      this.doc.x = this.left;
      this.doc.y = y + height + 3;
    }
  }

  /** A table that breaks across pages, repeating its header row on each new page. */
  table(columns: Column[], rows: Row[], parent: StructElement = this.root, continuationLabel?: string): void {
    const doc = this.doc;
    const fixed = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width === 0 ? this.width - fixed : c.width));
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const padX = 4;
    const padY = 4;
    const size = 10;

    const rowHeight = (cells: string[], font: string): number => {
      this.style(font, size);
      return (
        Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * padX }))) +
        2 * padY
      );
    };

    const table = doc.struct('Table');
    parent.add(table);

    const drawCells = (cells: string[], font: string, color: string, y: number, row: StructElement | null, cellType: string) => {
      cells.forEach((cell, i) => {
        const draw = () => {
          this.style(font, size, color).text(cell, xs[i]! + padX, y + padY, {
            width: widths[i]! - 2 * padX,
            align: columns[i]!.align ?? 'left',
          });
        };
        if (row) row.add(doc.struct(cellType, {}, draw));
        else this.artifact(draw);
      });
    };

    const headerCells = columns.map((c) => c.header);
    const headerHeight = rowHeight(headerCells, FONT_BOLD);
    const drawHeader = (tagged: boolean) => {
      const y = doc.y;
      let tr: StructElement | null = null;
      if (tagged) {
        tr = doc.struct('TR');
        table.add(tr);
      }
      drawCells(headerCells, FONT_BOLD, COLOR_MUTED, y, tr, 'TH');
      tr?.end();
      doc.y = y + headerHeight;
      this.rule(doc.y, COLOR_RULE, 0.75);
    };

    this.ensureSpace(headerHeight + (rows[0] ? rowHeight(rows[0].cells, FONT_REGULAR) : 0));
    drawHeader(true);

    for (const row of rows) {
      const font = row.bold ? FONT_BOLD : FONT_REGULAR;
      const height = rowHeight(row.cells, font);
      if (this.ensureSpace(height + (continuationLabel ? 18 : 0))) {
        if (continuationLabel) {
          const y = doc.y;
          this.artifact(() => {
            this.style(FONT_ITALIC, 10, COLOR_MUTED).text(continuationLabel, this.left, y, { width: this.width });
          });
          doc.x = this.left;
          doc.y = y + 18;
        }
        drawHeader(false);
      }
      const y = doc.y;
      if (row.ruleAbove) this.rule(y, COLOR_RULE, 0.75);
      const tr = doc.struct('TR');
      table.add(tr);
      drawCells(row.cells, font, COLOR_TEXT, y, tr, 'TD');
      tr.end();
      doc.y = y + height;
      if (!row.ruleAbove) this.rule(doc.y, COLOR_RULE_LIGHT, 0.25);
    }
    table.end();
    doc.x = this.left;
    doc.y += 6;
  }

  footers(leftText: string): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing below the margin must not add a page
      const y = doc.page.height - FOOTER_OFFSET;
      this.rule(y - 6, COLOR_RULE_LIGHT, 0.5);
      this.artifact(() => {
        this.style(FONT_REGULAR, 8.5, COLOR_MUTED);
        doc.text(fitText(doc, leftText, this.width * 0.7), this.left, y, { lineBreak: false });
        doc.text(`Pagina ${i - range.start + 1} van ${range.count}`, this.left, y, {
          width: this.width,
          align: 'right',
          lineBreak: false,
        });
      });
      doc.page.margins.bottom = bottomMargin;
    }
  }
}

/** Shortens text with an ellipsis so it fits on one line of the given width (current font). */
function fitText(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
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
      { header: 'Onderdeel', width: 0 },
      { header: 'Gepland (min)', width: 90, align: 'right' },
      { header: 'Werkelijk (min)', width: 96, align: 'right' },
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

function writeAttendance(w: ReportWriter, data: SessionReportData, pseudonymise: boolean): void {
  const doc = w.doc;
  w.heading('Aanwezigheid');
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
    const list = doc.struct('L');
    w.root.add(list);
    for (const group of groups) {
      const school = group.school ?? NO_SCHOOL;
      const phrase = countPhrase(countByStatus(group.attendees));
      w.style(FONT_REGULAR, 11);
      const height = doc.heightOfString(`${school}: ${phrase}`, { width: w.width - 14 });
      w.ensureSpace(height + 4);
      const y = doc.y;
      const item = doc.struct('LI');
      list.add(item);
      w.artifact(() => {
        w.style(FONT_REGULAR, 11, COLOR_MUTED).text('•', w.left, y, { lineBreak: false });
      });
      item.add(
        doc.struct('LBody', {}, () => {
          w.style(FONT_BOLD, 11).text(`${school}:`, w.left + 14, y, { width: w.width - 14, continued: true });
          w.style(FONT_REGULAR, 11).text(` ${phrase}`);
        }),
      );
      item.end();
      doc.x = w.left;
      doc.y = y + height + 4;
    }
    list.end();
    return;
  }

  for (const group of groups) {
    const section = doc.struct('Sect');
    w.root.add(section);
    doc.y += 6;
    // Keep the school heading with its count line, the table header and the first row.
    const schoolHeight = w.style(FONT_BOLD, 12).heightOfString(group.school ?? NO_SCHOOL, { width: w.width });
    w.ensureSpace(schoolHeight + 14 + 4 + 2 * TABLE_ROW_MIN);
    w.block('H3', group.school ?? NO_SCHOOL, FONT_BOLD, 12, { parent: section });
    w.block('P', countPhrase(countByStatus(group.attendees)), FONT_REGULAR, 10, {
      color: COLOR_MUTED,
      parent: section,
      gapAfter: 4,
    });
    w.table(
      [
        { header: 'Naam', width: 0 },
        { header: 'Rol', width: 170 },
        { header: 'Status', width: 110 },
      ],
      group.attendees.map((a) => ({ cells: [a.name, a.role, statusLabel(statusKey(a.status))] })),
      section,
      `${group.school ?? NO_SCHOOL} (vervolg)`,
    );
    section.end();
  }
}

export async function renderSessionReport(data: SessionReportData, options: ReportOptions): Promise<Buffer> {
  const dateText = formatDutchDate(data.date);
  const regularFont = path.join(options.fontsDir, FONT_FILES[FONT_REGULAR]!);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    // Start with the bundled font so the standard Helvetica is never used.
    font: regularFont,
    info: {
      Title: `Sessieverslag – ${data.moduleTitle} – ${dateText}`,
      Author: data.facilitator ?? 'Sessiewijzer',
      Subject: `Verslag van de sessie ${data.moduleTitle} op ${formatDutchWeekdayDate(data.date)} met ${data.groupName} (${data.organisationName})`,
      Creator: 'Sessiewijzer',
      Producer: 'Sessiewijzer',
      CreationDate: options.now ?? new Date(),
    },
  });

  const chunks: Buffer[] = [];
  const result = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    for (const [name, file] of Object.entries(FONT_FILES)) {
      doc.registerFont(name, path.join(options.fontsDir, file));
    }

    const w = new ReportWriter(doc);

    w.block('H1', 'Sessieverslag', FONT_BOLD, 24, { gapAfter: 2 });
    w.block('P', data.moduleTitle, FONT_BOLD, 15);
    w.block('P', `Versie ${data.moduleVersion}`, FONT_REGULAR, 10.5, { color: COLOR_MUTED, gapAfter: 8 });
    w.rule(doc.y, COLOR_RULE, 0.75);
    doc.y += 10;

    const rows: [string, string][] = [
      ['Datum', data.startTime ? `${dateText} om ${data.startTime}` : dateText],
    ];
    if (data.location) rows.push(['Locatie', data.location]);
    if (data.facilitator) rows.push(['Facilitator', data.facilitator]);
    rows.push(['Organisatie', data.organisationName]);
    rows.push([data.schools.length === 1 ? 'School' : 'Scholen', data.schools.length > 0 ? data.schools.join(', ') : DASH]);
    rows.push(['Groep', data.groupName]);
    w.labelledRows(rows);

    writeAgenda(w, data);
    writeAttendance(w, data, options.pseudonymise);

    w.root.end();
    w.footers(`Sessieverslag ${data.moduleTitle} · ${dateText}`);
    doc.end();
  } catch (error) {
    doc.end();
    await result.catch(() => undefined);
    throw error;
  }
  return result;
}
