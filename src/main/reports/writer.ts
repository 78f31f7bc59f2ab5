// Shared PDF building blocks for the reports: the tagged document with the
// bundled Atkinson Hyperlegible fonts (Dutch diacritics embedded), headings,
// labelled rows, tables that break across pages, lists and footers.

import path from 'node:path';
import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;

export const MARGIN = 56;
const FOOTER_OFFSET = 34; // distance of the footer text baseline area from the page bottom

export const COLOR_TEXT = '#222222';
export const COLOR_MUTED = '#555555';
export const COLOR_RULE = '#8a8a8a';
export const COLOR_RULE_LIGHT = '#c8c8c8';

export const FONT_REGULAR = 'Atkinson';
export const FONT_BOLD = 'Atkinson-Bold';
export const FONT_ITALIC = 'Atkinson-Italic';

const FONT_FILES: Record<string, string> = {
  [FONT_REGULAR]: 'atkinson-hyperlegible-latin-400-normal.woff',
  [FONT_BOLD]: 'atkinson-hyperlegible-latin-700-normal.woff',
  [FONT_ITALIC]: 'atkinson-hyperlegible-latin-400-italic.woff',
};

/** Height of a one-line table row (10 pt text plus padding). */
export const TABLE_ROW_MIN = 21;
export const DASH = '–';

export interface Column {
  header: string;
  /** Width in points; 0 means "the remaining width". */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface Row {
  cells: string[];
  bold?: boolean;
  /** Stronger rule above this row (totals). */
  ruleAbove?: boolean;
}

/**
 * Parsed fonts (fontkit objects, as pdfkit makes them) per file, shared by all
 * documents: parsing the WOFF files costs far more than writing a report.
 */
const parsedFonts = new Map<string, unknown>();

function fontSource(file: string): string | Buffer {
  const parsed = parsedFonts.get(file) as { _glyphs?: object } | undefined;
  if (!parsed) return file;
  // Glyphs remember the characters they were first made for (ToUnicode): start afresh per document.
  parsed._glyphs = {};
  return parsed as unknown as Buffer;
}

/** A tagged A4 document with the bundled fonts and the given metadata; `done` resolves with the bytes after doc.end(). */
export function openDocument(
  fontsDir: string,
  info: { Title: string; Author: string; Subject: string; CreationDate: Date },
): { doc: Doc; done: Promise<Buffer> } {
  const files = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, path.join(fontsDir, file)]));
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
    font: fontSource(files[FONT_REGULAR]!) as string,
    info: { ...info, Creator: 'Sessiewijzer', Producer: 'Sessiewijzer' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(files)) {
    doc.registerFont(name, fontSource(file));
    if (!parsedFonts.has(file)) {
      // pdfkit accepts a parsed (fontkit) font as source: keep the one it just made.
      doc.font(name);
      const parsed = (doc as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
      if (parsed && typeof parsed.layout === 'function') parsedFonts.set(file, parsed);
    }
  }
  doc.font(FONT_REGULAR);
  return { doc, done };
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

export class ReportWriter {
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

  /** Italic, muted remark (e.g. "Geen acties."). */
  note(text: string, parent?: StructElement): void {
    this.block('P', text, FONT_ITALIC, 10.5, { color: COLOR_MUTED, gapAfter: 4, parent });
  }

  subheading(text: string, parent?: StructElement, keepWith = 40): void {
    this.doc.y += 8;
    this.style(FONT_BOLD, 12);
    this.ensureSpace(this.doc.heightOfString(text, { width: this.width }) + keepWith);
    this.block('H3', text, FONT_BOLD, 12, { parent, gapAfter: 3 });
  }

  /** A tagged bulleted list; each item may start with a bold lead ("Naam:"). */
  bullets(items: { lead?: string; text: string }[], parent: StructElement = this.root, size = 10.5, indent = 0): void {
    const doc = this.doc;
    const list = doc.struct('L');
    parent.add(list);
    const x = this.left + indent;
    const width = this.width - indent - 14;
    for (const item of items) {
      const full = item.lead ? `${item.lead} ${item.text}` : item.text;
      this.style(FONT_REGULAR, size);
      const height = doc.heightOfString(full, { width });
      this.ensureSpace(height + 3);
      const y = doc.y;
      const li = doc.struct('LI');
      list.add(li);
      this.artifact(() => {
        this.style(FONT_REGULAR, size, COLOR_MUTED).text('•', x, y, { lineBreak: false });
      });
      li.add(
        doc.struct('LBody', {}, () => {
          if (item.lead) {
            this.style(FONT_BOLD, size).text(item.lead, x + 14, y, { width, continued: true });
            this.style(FONT_REGULAR, size).text(` ${item.text}`);
          } else {
            this.style(FONT_REGULAR, size).text(item.text, x + 14, y, { width });
          }
        }),
      );
      li.end();
      doc.x = this.left;
      doc.y = y + height + 3;
    }
    list.end();
  }

  /**
   * A vector chart tagged as a Figure with alternative text. `draw` gets the
   * top y and draws within `height` points; labels it writes stay readable text.
   */
  figure(alt: string, height: number, draw: (top: number) => void, parent: StructElement = this.root): void {
    this.ensureSpace(height);
    const top = this.doc.y;
    parent.add(
      this.doc.struct('Figure', { alt }, () => {
        draw(top);
      }),
    );
    this.doc.x = this.left;
    this.doc.y = top + height + 6;
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
export function fitText(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
