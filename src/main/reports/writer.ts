// Shared PDF building blocks for the reports: the tagged PDF/UA document,
// headings that keep with their first content, labelled rows, tables that
// size their columns to the content and break across pages with a repeated
// header, lists, figures and footers. All text goes through TextEngine (one
// measurement for reserving and drawing, a font per character run).

import PDFDocument from 'pdfkit';
import { TextEngine, boundText, type FontStyle, type Span, PRIMARY_FONT } from './text';

export type Doc = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;
export type { FontStyle, Span };

export const MARGIN = 56;
const FOOTER_OFFSET = 34; // distance of the footer baseline area from the page bottom

export const COLOR_TEXT = '#222222';
export const COLOR_MUTED = '#555555';
export const COLOR_RULE = '#8a8a8a';
export const COLOR_RULE_LIGHT = '#c8c8c8';

export const FONT_REGULAR: FontStyle = 'regular';
export const FONT_BOLD: FontStyle = 'bold';
export const FONT_ITALIC: FontStyle = 'italic';

/** Height of a one-line table row (10 pt text plus padding). */
export const TABLE_ROW_MIN = 20.5;
export const DASH = '–';

export interface Column {
  header: string;
  /** Preferred share when the content does not decide (the column that takes the remaining width). */
  grow?: boolean;
  /** Fixed width in points (narrow code columns); otherwise sized to the content. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export interface Row {
  cells: string[];
  bold?: boolean;
  /** Stronger rule above this row (totals). */
  ruleAbove?: boolean;
  /** Text colour of the row. */
  color?: string;
  /** At least this tall (room to sign on a presence list). */
  minHeight?: number;
}

/** A tagged A4 document with the metadata; `done` resolves with the bytes after doc.end(). */
export function openDocument(
  fontsDir: string,
  info: { Title: string; Author: string; Subject: string; CreationDate: Date },
): { doc: Doc; done: Promise<Buffer>; text: TextEngine } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    info: {
      ...info,
      Title: boundText(info.Title, 300),
      Subject: boundText(info.Subject, 600),
      Author: boundText(info.Author, 300),
      Creator: 'Sessiewijzer',
      Producer: 'Sessiewijzer',
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = new TextEngine(doc, fontsDir);
  // Register and select the primary font before the first page, so the standard Helvetica is never used.
  text.width('A', 'regular', 10);
  doc.font(PRIMARY_FONT.regular);
  doc.addPage();
  return { doc, done, text };
}

/**
 * Runs `write`, ends the document and returns its bytes. Writing and ending
 * happen in one synchronous stretch, so documents never interleave their use
 * of the shared parsed fonts.
 */
export async function finish(doc: Doc, done: Promise<Buffer>, write: () => void): Promise<Buffer> {
  try {
    write();
    doc.end();
  } catch (error) {
    doc.end();
    await done.catch(() => undefined);
    throw error;
  }
  return done;
}

interface PendingHeading {
  type: 'H1' | 'H2' | 'H3';
  text: string;
  size: number;
  gapBefore: number;
  gapAfter: number;
  rule: boolean;
  parent: StructElement;
  outline: boolean;
}

export class ReportWriter {
  readonly left: number;
  readonly width: number;
  readonly root: StructElement;
  readonly doc: Doc;
  private pending: PendingHeading[] = [];
  private outlineSection: PDFKit.PDFOutline | null = null;

  constructor(
    doc: Doc,
    readonly text: TextEngine,
  ) {
    this.doc = doc;
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Height of the content box of a page. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }

  /** Points left on the current page below doc.y (after pending headings). */
  get room(): number {
    return this.bottom - this.doc.y - this.pendingHeight();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  private headingHeight(h: PendingHeading, atTop: boolean): number {
    return (atTop ? 0 : h.gapBefore) + this.text.height(h.text, 'bold', h.size, this.width) + h.gapAfter;
  }

  private pendingHeight(): number {
    const atTop = this.doc.y <= this.top + 0.5;
    return this.pending.reduce((sum, h, i) => sum + this.headingHeight(h, atTop && i === 0), 0);
  }

  /**
   * Makes room for content of `height` points together with the headings waiting for it,
   * starting a new page when they do not fit, then draws those headings. Returns true on a page break.
   */
  place(height: number): boolean {
    let broke = false;
    if (this.doc.y + this.pendingHeight() + height > this.bottom + 0.01 && this.doc.y > this.top + 0.5) {
      this.newPage();
      broke = true;
    }
    this.flushHeadings();
    return broke;
  }

  /** Old name, kept for callers that only need room. */
  ensureSpace(height: number): boolean {
    return this.place(height);
  }

  private flushHeadings(): void {
    const headings = this.pending;
    this.pending = [];
    for (const h of headings) {
      if (this.doc.y > this.top + 0.5) this.doc.y += h.gapBefore;
      const y = this.doc.y;
      if (h.outline) {
        // Bookmarks: H2 at the top level, H3 under the last H2.
        const outline = this.doc.outline;
        if (h.type === 'H3' && this.outlineSection) this.outlineSection.addItem(h.text);
        else this.outlineSection = outline.addItem(h.text);
      }
      h.parent.add(
        this.doc.struct(h.type, {}, () => {
          this.text.draw(h.text, 'bold', h.size, this.left, y, this.width);
        }),
      );
      this.doc.y = y + this.text.height(h.text, 'bold', h.size, this.width);
      if (h.rule) {
        this.doc.y += 2;
        this.rule(this.doc.y, COLOR_RULE, 0.75);
        this.doc.y += h.gapAfter - 2;
      } else {
        this.doc.y += h.gapAfter;
      }
    }
  }

  /** Decorative content (rules) that assistive technology should skip. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  rule(y: number, color = COLOR_RULE, lineWidth = 0.5, x = this.left, width = this.width): void {
    this.artifact(() => {
      this.doc.save().lineWidth(lineWidth).strokeColor(color).moveTo(x, y).lineTo(x + width, y).stroke().restore();
    });
  }

  /**
   * A tagged block of text at the left margin. Long text continues on the next page,
   * never leaving a single line behind or carrying a single line over.
   */
  block(
    type: string,
    text: string | Span[],
    style: FontStyle,
    size: number,
    options: { color?: string; gapAfter?: number; parent?: StructElement; indent?: number; inset?: number; keepWith?: number } = {},
  ): void {
    const indent = options.indent ?? 0;
    const width = this.width - indent - (options.inset ?? 0);
    let lines = this.text.wrap(text, style, size, width);
    const lh = this.text.lineHeight(size);
    const parent = options.parent ?? this.root;
    // Keep short blocks (up to 4 lines) together; otherwise at least two lines on each page.
    const first = lines.length <= 4 ? lines.length : 2;
    // keepWith: room for the start of what follows (a chart under its question).
    this.place(Math.min(first * lh + (options.keepWith ?? 0), this.pageHeight));
    while (lines.length > 0) {
      let fit = Math.max(0, Math.floor((this.bottom - this.doc.y + 0.01) / lh));
      if (fit < lines.length && lines.length - fit < 2 && fit > 2) fit = lines.length - 2;
      if (fit === 0) {
        this.newPage();
        continue;
      }
      const chunk = lines.slice(0, fit);
      lines = lines.slice(fit);
      const y = this.doc.y;
      parent.add(
        this.doc.struct(type, {}, () => {
          this.text.drawLines(chunk, size, this.left + indent, y, width, { color: options.color });
        }),
      );
      this.doc.y = y + chunk.length * lh;
      if (lines.length > 0) this.newPage();
    }
    this.doc.x = this.left;
    this.doc.y += options.gapAfter ?? 0;
  }

  /** A section heading (H2), drawn with the first content that follows it; also a bookmark. */
  heading(text: string, parent: StructElement = this.root): void {
    this.pending.push({ type: 'H2', text: boundText(text, 300), size: 15, gapBefore: 16, gapAfter: 10, rule: true, parent, outline: true });
  }

  subheading(text: string, parent: StructElement = this.root, _keepWith?: number): void {
    this.pending.push({ type: 'H3', text: boundText(text, 400), size: 12, gapBefore: 8, gapAfter: 3, rule: false, parent, outline: true });
  }

  /** A small heading inside a section (school names, clusters) that is not a bookmark. */
  minorHeading(text: string, parent: StructElement = this.root, size = 10.5): void {
    this.pending.push({ type: 'H3', text: boundText(text, 400), size, gapBefore: 4, gapAfter: 2, rule: false, parent, outline: false });
  }

  /** "Label:   value" rows (label bold, value regular), each tagged as a paragraph. */
  labelledRows(rows: [string, string][], parent: StructElement = this.root): void {
    const labelWidth = Math.min(150, Math.max(...rows.map(([l]) => this.text.width(`${l}:`, 'bold', 11))) + 12);
    const valueWidth = this.width - labelWidth;
    const size = 11;
    for (const [label, value] of rows) {
      const height = Math.max(this.text.height(value, 'regular', size, valueWidth), this.text.height(`${label}:`, 'bold', size, labelWidth - 8));
      this.place(Math.min(height, this.pageHeight));
      const y = this.doc.y;
      parent.add(
        this.doc.struct('P', {}, () => {
          this.text.draw(`${label}:`, 'bold', size, this.left, y, labelWidth - 8, { color: COLOR_MUTED });
          const maxLines = Math.floor((this.bottom - y) / this.text.lineHeight(size));
          this.text.draw(value, 'regular', size, this.left + labelWidth, y, valueWidth, { maxLines });
        }),
      );
      this.doc.x = this.left;
      this.doc.y = y + Math.min(height, this.bottom - y) + 3;
    }
  }

  /** Column widths from the content: narrow columns for dates and codes, the rest to the text. */
  columnWidths(columns: Column[], rows: Row[], size: number, pad: number): number[] {
    const sample = rows.slice(0, 400);
    const pref = columns.map((c, i) => {
      if (c.width) return c.width;
      const widths = [this.text.width(c.header, 'bold', size), ...sample.map((r) => this.text.width(r.cells[i] ?? '', r.bold ? 'bold' : 'regular', size))];
      return Math.max(...widths) + 2 * pad + 0.5;
    });
    const min = columns.map((c, i) => {
      if (c.width) return c.width;
      const words = [this.text.longestWord(c.header, 'bold', size), ...sample.map((r) => this.text.longestWord(r.cells[i] ?? '', 'regular', size))];
      // A monster word (a URL, a pasted code) may break; it must not take the whole table.
      return Math.min(Math.max(...words) + 2 * pad + 0.5, this.width * 0.35);
    });
    const total = this.width;
    const prefSum = pref.reduce((a, b) => a + b, 0);
    if (prefSum <= total) {
      // Everything fits on one line: the growing column (or the last) takes what is left.
      const widths = [...pref];
      const grow = Math.max(0, columns.findIndex((c) => c.grow));
      widths[grow] = widths[grow]! + (total - prefSum);
      return widths;
    }
    const minSum = min.reduce((a, b) => a + b, 0);
    if (minSum >= total) return min.map((m) => (m / minSum) * total);
    // Narrow columns (dates, statuses, names) get all they want when that is no more than a fair
    // share; what is left goes to the wide text columns, in proportion to what they still want.
    const widths = [...min];
    const open = new Set(columns.map((_, i) => i));
    let remaining = total;
    for (let changed = true; changed && open.size > 0; ) {
      changed = false;
      const share = remaining / open.size;
      for (const i of [...open]) {
        if (pref[i]! <= share) {
          widths[i] = pref[i]!;
          remaining -= pref[i]!;
          open.delete(i);
          changed = true;
        }
      }
    }
    const openMin = [...open].reduce((sum, i) => sum + min[i]!, 0);
    const want = [...open].map((i) => Math.max(0, pref[i]! - min[i]!));
    const wantSum = want.reduce((a, b) => a + b, 0) || 1;
    [...open].forEach((i, k) => {
      widths[i] = min[i]! + (want[k]! / wantSum) * Math.max(0, remaining - openMin);
    });
    return widths;
  }

  /**
   * A table with THead/TBody and header cells scoped to their column. Small tables stay together;
   * a longer one breaks between rows, never leaves its header without rows, never carries a single
   * row over, and repeats its header under "<label> (vervolg)" on every new page.
   */
  table(columns: Column[], rows: Row[], parent: StructElement = this.root, continuationLabel?: string): void {
    const doc = this.doc;
    const size = 10;
    const padX = 4;
    const padY = 4;
    const lh = this.text.lineHeight(size);
    const widths = this.columnWidths(columns, rows, size, padX);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    // A row may not be taller than half a page: longer cell texts are cut with "…".
    const maxRowLines = Math.floor((this.pageHeight / 2 - 2 * padY) / lh);
    const cellLines = (cells: string[], style: FontStyle) =>
      cells.map((cell, i) => Math.min(maxRowLines, this.text.wrap(cell || ' ', style, size, widths[i]! - 2 * padX).length));
    const rowHeight = (cells: string[], style: FontStyle) => Math.max(...cellLines(cells, style)) * lh + 2 * padY;

    const headerCells = columns.map((c) => c.header);
    const headerHeight = rowHeight(headerCells, 'bold');
    const heights = rows.map((r) => Math.max(r.minHeight ?? 0, rowHeight(r.cells, r.bold ? 'bold' : 'regular')));
    const labelHeight = continuationLabel ? this.text.lineHeight(10) + 4 : 0;

    const table = doc.struct('Table');
    parent.add(table);
    const thead = doc.struct('THead');
    const tbody = doc.struct('TBody');
    table.add(thead);
    table.add(tbody);

    const drawCells = (cells: string[], style: FontStyle, color: string, y: number, row: StructElement | null, header: boolean) => {
      cells.forEach((cell, i) => {
        const draw = () => {
          this.text.draw(cell, style, size, xs[i]! + padX, y + padY, widths[i]! - 2 * padX, {
            align: columns[i]!.align ?? 'left',
            color,
            maxLines: maxRowLines,
          });
        };
        if (row) row.add(doc.struct(header ? 'TH' : 'TD', header ? ({ scope: 'Column' } as never) : {}, draw));
        else this.artifact(draw);
      });
    };
    const drawHeader = (tagged: boolean) => {
      const y = doc.y;
      let tr: StructElement | null = null;
      if (tagged) {
        tr = doc.struct('TR');
        thead.add(tr);
      }
      drawCells(headerCells, 'bold', COLOR_MUTED, y, tr, true);
      tr?.end();
      doc.y = y + headerHeight;
      this.rule(doc.y, COLOR_RULE, 0.75);
    };

    const total = headerHeight + heights.reduce((a, b) => a + b, 0);
    const small = rows.length <= 6 && total <= this.pageHeight / 3;
    // The header goes with its first two rows (or the whole table when it is small).
    this.place(small ? total : headerHeight + heights.slice(0, Math.min(2, rows.length)).reduce((a, b) => a + b, 0));
    drawHeader(true);

    rows.forEach((row, index) => {
      const style: FontStyle = row.bold ? 'bold' : 'regular';
      const height = heights[index]!;
      const remaining = rows.length - index;
      // Never carry a single row over: when only the last row would not fit, move two.
      const needed = remaining === 2 && doc.y + height + heights[index + 1]! > this.bottom ? height + heights[index + 1]! : height;
      if (doc.y + needed > this.bottom + 0.01 && index > 0) {
        this.newPage();
        if (continuationLabel) {
          const y = doc.y;
          this.artifact(() => {
            this.text.draw(boundText(continuationLabel, 200), 'italic', 10, this.left, y, this.width, { color: COLOR_MUTED, maxLines: 1 });
          });
          doc.y = y + labelHeight;
        }
        drawHeader(false);
      }
      const y = doc.y;
      if (row.ruleAbove) this.rule(y, COLOR_RULE, 0.75);
      const tr = doc.struct('TR');
      tbody.add(tr);
      drawCells(row.cells, style, row.color ?? COLOR_TEXT, y, tr, false);
      tr.end();
      doc.y = y + height;
      if (!row.ruleAbove) this.rule(doc.y, COLOR_RULE_LIGHT, 0.25);
    });
    thead.end();
    tbody.end();
    table.end();
    doc.x = this.left;
    doc.y += 6;
  }

  /** Italic, muted remark (e.g. "Geen acties."). */
  note(text: string, parent?: StructElement): void {
    this.block('P', text, 'italic', 10.5, { color: COLOR_MUTED, gapAfter: 4, parent });
  }

  /** A tagged bulleted list; each item may start with a bold lead ("Naam:"). */
  bullets(items: { lead?: string; text: string }[], parent: StructElement = this.root, size = 10.5, indent = 0): void {
    const doc = this.doc;
    const list = doc.struct('L');
    parent.add(list);
    const x = this.left + indent;
    const width = this.width - indent - 14;
    const lh = this.text.lineHeight(size);
    for (const item of items) {
      const spans: Span[] = item.lead
        ? [
            { text: `${item.lead} `, style: 'bold' },
            { text: item.text, style: 'regular' },
          ]
        : [{ text: item.text, style: 'regular' }];
      const lines = this.text.wrap(spans, 'regular', size, width);
      // An item taller than a page is cut with "…" (one item cannot run off the page).
      const maxLines = Math.floor(this.pageHeight / lh);
      const shown = lines.length > maxLines ? lines.slice(0, maxLines) : lines;
      const height = shown.length * lh;
      this.place(Math.min(height, 4 * lh) + 3 <= this.pageHeight ? height + 3 : height);
      if (doc.y + height > this.bottom + 0.01) this.newPage();
      const y = doc.y;
      const li = doc.struct('LI');
      list.add(li);
      li.add(
        doc.struct('Lbl', {}, () => {
          this.text.draw('•', 'regular', size, x, y, 12, { color: COLOR_MUTED });
        }),
      );
      li.add(
        doc.struct('LBody', {}, () => {
          this.text.drawLines(shown, size, x + 14, y, width);
        }),
      );
      li.end();
      doc.x = this.left;
      doc.y = y + height + 3;
    }
    list.end();
  }

  /**
   * A vector chart tagged as a Figure with alternative text. `draw` gets the top y and draws
   * within `height` points (callers split charts taller than a page); drawing is clipped to the
   * content box so nothing can run into the footer or off the page.
   */
  figure(alt: string, height: number, draw: (top: number) => void, parent: StructElement = this.root): void {
    const h = Math.min(height, this.pageHeight);
    this.place(h);
    const top = this.doc.y;
    parent.add(
      this.doc.struct('Figure', { alt: boundText(alt, 2000) }, () => {
        this.doc.save();
        this.doc.rect(this.left - 2, top, this.width + 4, Math.min(h, this.bottom - top)).clip();
        draw(top);
        this.doc.restore();
      }),
    );
    this.doc.x = this.left;
    this.doc.y = top + h + 6;
  }

  footers(leftText: string): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const left = this.text.fit(leftText, 'regular', 8.5, this.width * 0.7);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing below the margin must not add a page
      const y = doc.page.height - FOOTER_OFFSET;
      this.rule(y - 6, COLOR_RULE_LIGHT, 0.5);
      this.artifact(() => {
        this.text.draw(left, 'regular', 8.5, this.left, y, this.width * 0.7, { color: COLOR_MUTED, maxLines: 1 });
        this.text.draw(`Pagina ${i - range.start + 1} van ${range.count}`, 'regular', 8.5, this.left, y, this.width, {
          color: COLOR_MUTED,
          align: 'right',
          maxLines: 1,
        });
      });
      doc.page.margins.bottom = bottomMargin;
    }
  }

  /** Ends the document structure; a heading left waiting is dropped rather than ending a page. */
  end(): void {
    this.pending = [];
    this.root.end();
  }
}

/** Shortens text with an ellipsis so it fits on one line of the given width (binary search, linear in the text). */
export function fitText(w: ReportWriter, text: string, width: number, style: FontStyle = 'regular', size = 10): string {
  return w.text.fit(text, style, size, width);
}
