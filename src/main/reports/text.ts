// Text layout for the reports: every string is split into words, each word is
// given a font from a fallback chain (Atkinson Hyperlegible, then Noto Sans for
// Vietnamese, Greek and Cyrillic, Noto Sans Arabic, Noto Emoji), measured in
// the font it is drawn in, wrapped by us and drawn word group by word group.
//
// Why our own line layout instead of pdfkit's: pdfkit measures and wraps in
// one font, so a name with "ł" or "İ" printed as an empty box, and bold text
// measured in the regular font overlapped the next line. With one layout
// function for measuring and drawing, the height a caller reserves is exactly
// the height that is drawn.
//
// Right-to-left: fontkit (through pdfkit) shapes each Arabic word with the
// font's GSUB tables and returns its glyphs in visual order, but pdfkit lays
// out a multi-word string word by word from left to right, so "فاطمة الزهراء"
// would come out with its words swapped. We draw every right-to-left word on
// its own and reverse the order of consecutive right-to-left words inside a
// left-to-right line (the base direction of a Dutch report). Each such run is
// marked with /ActualText, so copying and pdftotext give the logical text.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;
export type FontStyle = 'regular' | 'bold' | 'italic';

interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  layout: unknown;
  _glyphs?: object;
}

/** One typeface: its subset files, tried in order for each character. */
type Family = string[];

const FAMILIES: Record<FontStyle, Family[]> = {
  regular: [
    ['atkinson-hyperlegible-latin-400-normal.woff', 'atkinson-hyperlegible-latin-ext-400-normal.woff'],
    notoSans('400-normal'),
    ['noto-sans-arabic-arabic-400-normal.woff'],
    ['noto-emoji-emoji-400-normal.woff'],
  ],
  bold: [
    ['atkinson-hyperlegible-latin-700-normal.woff', 'atkinson-hyperlegible-latin-ext-700-normal.woff'],
    notoSans('700-normal'),
    ['noto-sans-arabic-arabic-700-normal.woff'],
    ['noto-emoji-emoji-400-normal.woff'],
  ],
  italic: [
    ['atkinson-hyperlegible-latin-400-italic.woff', 'atkinson-hyperlegible-latin-ext-400-italic.woff'],
    notoSans('400-italic'),
    // Arabic has no italic; upright Arabic in an italic line reads correctly.
    ['noto-sans-arabic-arabic-400-normal.woff'],
    ['noto-emoji-emoji-400-normal.woff'],
  ],
};

function notoSans(variant: string): Family {
  return ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'].map(
    (subset) => `noto-sans-${subset}-${variant}.woff`,
  );
}

/** Every font file the reports may embed (for packaging checks and tests). */
export const REPORT_FONT_FILES: readonly string[] = [...new Set(Object.values(FAMILIES).flat(2))];

/** The PDF font name for a file: its file name without extension. */
const fontName = (file: string) => file.replace(/\.woff2?$/, '');

export const PRIMARY_FONT: Record<FontStyle, string> = {
  regular: fontName(FAMILIES.regular[0]![0]!),
  bold: fontName(FAMILIES.bold[0]![0]!),
  italic: fontName(FAMILIES.italic[0]![0]!),
};

// --- parsed fonts, shared by all documents -----------------------------------

const parsed = new Map<string, FontkitFont>();
let scratch: Doc | null = null;

/** Parses a font file once per process (pdfkit's fontkit); parsing costs more than writing a report. */
function parsedFont(fontsDir: string, file: string): FontkitFont {
  const full = path.join(fontsDir, file);
  let font = parsed.get(full);
  if (!font) {
    // A document that is never written: only used so pdfkit parses the file with its own fontkit.
    scratch ??= new PDFDocument({ autoFirstPage: false });
    scratch.font(woffToSfnt(fs.readFileSync(full)));
    font = (scratch as unknown as { _font: { font: FontkitFont } })._font.font;
    parsed.set(full, font);
  }
  return font;
}

/**
 * A WOFF 1.0 file as a plain TrueType/OpenType file. fontkit inflates a WOFF table in
 * JavaScript every time it reads it (the glyph table once per glyph while subsetting): two
 * seconds per report. Inflating once with zlib at load makes that cost disappear.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = woff.toString('latin1', at, at + 4);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? zlib.inflateSync(raw) : Buffer.from(raw) });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const headerSize = 12 + 16 * numTables;
  const size = headerSize + tables.reduce((sum, t) => sum + ((t.data.length + 3) & ~3), 0);
  const out = Buffer.alloc(size);
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(2 ** entrySelector * 16, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - 2 ** entrySelector * 16, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.write(t.tag, at, 'latin1');
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

/** Zero-width joiners and variation selectors go with the character before them. */
const IGNORABLE = /[\u200c\u200d\ufe00-\ufe0f\u{e0020}-\u{e007f}\u{1f3fb}-\u{1f3ff}]/u;
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const RTL_WORD = /^[^\p{L}]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

interface Segment {
  text: string;
  font: string;
}

// --- measuring ---------------------------------------------------------------

/** Advance widths at size 1 per font and text, shared across documents (same font file, same width). */
const widthCache = new Map<string, number>();
/** Fonts per word and style, shared across documents (font names are the same in every document). */
const segmentCache = new Map<string, Segment[]>();
const fileOfFont = new Map<string, string>();

export interface Span {
  text: string;
  style: FontStyle;
  color?: string;
}

interface Piece {
  text: string;
  font: string;
  width: number;
  space: boolean;
  rtl: boolean;
  color?: string;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

export interface DrawOptions {
  align?: 'left' | 'right' | 'center';
  color?: string;
  /** Draw at most this many lines; the last one ends with "…" when text was cut. */
  maxLines?: number;
}

/** Largest number of characters one text may bring into a report: one pasted book cannot freeze the export. */
export const MAX_TEXT_CHARS = 4000;

export function boundText(text: string, max = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  // Do not cut a surrogate pair in half.
  let cut = max - 1;
  if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

export class TextEngine {
  private readonly registered = new Set<string>();
  private readonly fileOf = new Map<string, string>();
  /** Glyph → text already written per PDF font instance (right-to-left words only). */
  private readonly instances = new Map<string, Map<number, string>>();
  /** Wrapped lines of plain strings, per document (measuring, then drawing, wraps the same text twice). */
  private readonly wrapCache = new Map<string, Line[]>();
  /** Fonts registered in this document, by file; their glyph caches are reset once per document. */
  readonly used = new Set<string>();

  constructor(
    readonly doc: Doc,
    private readonly fontsDir: string,
  ) {}

  /** Line height for a size: the same for every font, so mixed lines keep their rhythm. */
  lineHeight(size: number): number {
    return size * 1.25;
  }

  private register(file: string): string {
    const name = fontName(file);
    if (!this.registered.has(name)) {
      const font = parsedFont(this.fontsDir, file);
      // Glyphs remember the characters they were first made for (ToUnicode): start afresh per document.
      font._glyphs = {};
      this.doc.registerFont(name, font as unknown as Buffer);
      this.registered.add(name);
      this.fileOf.set(name, file);
      fileOfFont.set(name, file);
      this.used.add(file);
    }
    return name;
  }

  private covers(file: string, cp: number): boolean {
    return parsedFont(this.fontsDir, file).hasGlyphForCodePoint(cp);
  }

  /**
   * Fonts for one word: the first typeface that has every character (so a word never mixes
   * designs: "Nguyễn" is all Noto Sans), otherwise per character the first font that has it.
   */
  private segments(word: string, style: FontStyle): Segment[] {
    const key = `${style}\u0000${word}`;
    const cached = segmentCache.get(key);
    if (cached) {
      // Shared across documents: make sure this document knows the fonts.
      for (const seg of cached) if (!this.registered.has(seg.font)) this.register(fileOfFont.get(seg.font)!);
      return cached;
    }
    const chars = Array.from(word);
    const families = FAMILIES[style];
    let files: string[] | null = null;
    for (const family of families) {
      const picked: string[] = [];
      let ok = true;
      for (const ch of chars) {
        const cp = ch.codePointAt(0)!;
        if (IGNORABLE.test(ch) && picked.length > 0) {
          picked.push(picked[picked.length - 1]!);
          continue;
        }
        const file = family.find((f) => this.covers(f, cp));
        if (!file) {
          ok = false;
          break;
        }
        picked.push(file);
      }
      if (ok) {
        files = picked;
        break;
      }
    }
    if (!files) {
      const all = families.flat();
      files = [];
      for (const ch of chars) {
        const cp = ch.codePointAt(0)!;
        if (IGNORABLE.test(ch) && files.length > 0) files.push(files[files.length - 1]!);
        else files.push(all.find((f) => this.covers(f, cp)) ?? all[0]!);
      }
    }
    const out: Segment[] = [];
    chars.forEach((ch, i) => {
      const font = this.register(files![i]!);
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += ch;
      else out.push({ text: ch, font });
    });
    if (segmentCache.size > 100_000) segmentCache.clear();
    segmentCache.set(key, out);
    return out;
  }

  private measure(font: string, text: string, size: number): number {
    const key = `${font}\u0000${text}`;
    let w = widthCache.get(key);
    if (w === undefined) {
      // Measured with fontkit directly (as pdfkit does when it draws), at size 1.
      const f = parsedFont(this.fontsDir, this.fileOf.get(font)!) as FontkitFont & { unitsPerEm: number };
      w = (f.layout as (t: string) => { advanceWidth: number })(text).advanceWidth / f.unitsPerEm;
      if (widthCache.size > 200_000) widthCache.clear();
      widthCache.set(key, w);
    }
    return w * size;
  }

  /** Words and spaces of the spans, each piece in one font with its width. */
  private pieces(spans: Span[], size: number): Piece[][] {
    const paragraphs: Piece[][] = [[]];
    for (const span of spans) {
      const text = boundText(span.text.normalize('NFC'));
      const tokens = text.split(/(\n|[^\S\n]+)/u);
      for (const token of tokens) {
        if (token === '') continue;
        if (token === '\n') {
          paragraphs.push([]);
          continue;
        }
        const current = paragraphs[paragraphs.length - 1]!;
        if (/^\s+$/u.test(token)) {
          const font = this.register(FAMILIES[span.style][0]![0]!);
          current.push({ text: ' ', font, width: this.measure(font, ' ', size), space: true, rtl: false, color: span.color });
          continue;
        }
        const rtl = RTL_WORD.test(token);
        const segs = this.segments(token, span.style);
        segs.forEach((s, i) => {
          // Pieces of one word carry `space: false` and are joined by the wrapper (joined: i > 0).
          current.push({
            text: s.text,
            font: s.font,
            width: this.measure(s.font, s.text, size),
            space: false,
            rtl: rtl && RTL_CHAR.test(s.text),
            color: span.color,
            ...(i > 0 ? { joined: true } : {}),
          } as Piece);
        });
      }
    }
    return paragraphs;
  }

  /** Lines of at most `width` points; words longer than a line are broken between characters. */
  wrap(spans: Span[] | string, style: FontStyle, size: number, width: number): Line[] {
    if (typeof spans === 'string') {
      const key = `${style}|${size}|${width}|${spans}`;
      let lines = this.wrapCache.get(key);
      if (!lines) {
        lines = this.wrapUncached([{ text: spans, style }], size, width);
        if (this.wrapCache.size > 20_000) this.wrapCache.clear();
        this.wrapCache.set(key, lines);
      }
      return lines;
    }
    return this.wrapUncached(spans, size, width);
  }

  private wrapUncached(input: Span[], size: number, width: number): Line[] {
    const lines: Line[] = [];
    for (const paragraph of this.pieces(input, size)) {
      // Group pieces into words (a word may have pieces in several fonts).
      const words: Piece[][] = [];
      for (const p of paragraph) {
        if (!p.space && (p as Piece & { joined?: boolean }).joined && words.length > 0) words[words.length - 1]!.push(p);
        else words.push([p]);
      }
      let line: Piece[] = [];
      let lineWidth = 0;
      const flush = () => {
        while (line.length > 0 && line[line.length - 1]!.space) lineWidth -= line.pop()!.width;
        lines.push({ pieces: line, width: lineWidth });
        line = [];
        lineWidth = 0;
      };
      for (const word of words) {
        const ww = word.reduce((s, p) => s + p.width, 0);
        if (word[0]!.space) {
          if (line.length > 0) {
            line.push(word[0]!);
            lineWidth += ww;
          }
          continue;
        }
        if (lineWidth + ww <= width + 0.01) {
          line.push(...word);
          lineWidth += ww;
          continue;
        }
        if (line.length > 0) flush();
        if (ww <= width + 0.01) {
          line.push(...word);
          lineWidth = ww;
          continue;
        }
        // A word wider than the line: break it between characters.
        for (const piece of word) {
          let rest = Array.from(piece.text);
          while (rest.length > 0) {
            const room = width - lineWidth;
            const n = this.fitCount(piece.font, rest, size, room);
            if (n === 0) {
              if (line.length === 0) {
                // Not even one character fits: place one anyway so we always progress.
                const one = rest.slice(0, 1).join('');
                line.push({ ...piece, text: one, width: this.measure(piece.font, one, size) });
                lineWidth += line[line.length - 1]!.width;
                rest = rest.slice(1);
              }
              flush();
              continue;
            }
            const part = rest.slice(0, n).join('');
            const pw = this.measure(piece.font, part, size);
            line.push({ ...piece, text: part, width: pw });
            lineWidth += pw;
            rest = rest.slice(n);
            if (rest.length > 0) flush();
          }
        }
      }
      flush();
    }
    return lines;
  }

  /** How many of the characters fit in `room` points (binary search: linear in the text, not quadratic). */
  private fitCount(font: string, chars: string[], size: number, room: number): number {
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measure(font, chars.slice(0, mid).join(''), size) <= room) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Height of the text wrapped to `width`. */
  height(spans: Span[] | string, style: FontStyle, size: number, width: number, maxLines?: number): number {
    const n = this.wrap(spans, style, size, width).length;
    return this.lineHeight(size) * Math.min(n, maxLines ?? n);
  }

  /** Width of the text on one line. */
  width(spans: Span[] | string, style: FontStyle, size: number): number {
    return Math.max(0, ...this.wrap(spans, style, size, Number.POSITIVE_INFINITY).map((l) => l.width));
  }

  /** Widest single word (the narrowest a column can be without breaking words). */
  longestWord(text: string, style: FontStyle, size: number): number {
    let max = 0;
    for (const word of text.split(/\s+/u)) if (word) max = Math.max(max, this.width(word, style, size));
    return max;
  }

  /** Text shortened with "…" to fit one line of `width` (binary search over the length). */
  fit(text: string, style: FontStyle, size: number, width: number): string {
    const bounded = boundText(text.replace(/\s+/gu, ' '));
    if (this.width(bounded, style, size) <= width) return bounded;
    const chars = Array.from(bounded);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.width(`${chars.slice(0, mid).join('').trimEnd()}…`, style, size) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${chars.slice(0, lo).join('').trimEnd()}…`;
  }

  /** Draws wrapped text with its top at y; returns the height drawn. */
  draw(spans: Span[] | string, style: FontStyle, size: number, x: number, y: number, width: number, options: DrawOptions = {}): number {
    let lines = this.wrap(spans, style, size, width);
    if (options.maxLines !== undefined && lines.length > options.maxLines) {
      lines = lines.slice(0, Math.max(1, options.maxLines));
      const last = lines[lines.length - 1]!;
      const text = last.pieces.map((p) => p.text).join('');
      const fitted = this.wrap(this.fit(`${text}…`, style, size, width), style, size, width)[0];
      if (fitted) lines[lines.length - 1] = fitted;
    }
    return this.drawLines(lines, size, x, y, width, options);
  }

  /** Draws lines made by wrap() with the top of the first at y; returns the height drawn. */
  drawLines(lines: Line[], size: number, x: number, y: number, width: number, options: DrawOptions = {}): number {
    const lh = this.lineHeight(size);
    lines.forEach((line, i) => {
      const offset = options.align === 'right' ? width - line.width : options.align === 'center' ? (width - line.width) / 2 : 0;
      this.drawLine(line, x + offset, y + i * lh + size * 0.95, size, options.color);
    });
    return lines.length * lh;
  }

  /** One line at the given baseline: right-to-left runs reversed as units, same-font neighbours drawn together. */
  private drawLine(line: Line, x: number, baseline: number, size: number, color = '#222222'): void {
    const items = visualOrder(line.pieces);
    let cx = x;
    let i = 0;
    while (i < items.length) {
      const item = items[i]!;
      if (item.rtlRun) {
        const logical = item.rtlRun;
        void logical;
        for (const p of item.pieces) {
          this.putShaped(p, cx, baseline, size, color);
          cx += p.width;
        }
        i++;
        continue;
      }
      // Merge consecutive left-to-right pieces in the same font and colour into one text operation.
      let text = '';
      let w = 0;
      const first = item.pieces[0]!;
      let j = i;
      while (j < items.length && !items[j]!.rtlRun && items[j]!.pieces[0]!.font === first.font && items[j]!.pieces[0]!.color === first.color) {
        text += items[j]!.pieces[0]!.text;
        w += items[j]!.pieces[0]!.width;
        j++;
      }
      this.put({ ...first, text, width: w }, cx, baseline, size, color);
      cx += w;
      i = j;
    }
  }

  /**
   * A right-to-left word. Shaping maps one glyph to different letters (Noto Sans Arabic draws
   * "ز" as the glyph of "ر" plus a dot), but a PDF font maps each glyph to one text: the second
   * letter would be copied as the first. So a word whose glyphs are already mapped to other
   * letters goes to another instance of the same font, and every glyph keeps its own text.
   */
  private putShaped(p: Piece, x: number, baseline: number, size: number, color: string): void {
    const file = this.fileOf.get(p.font)!;
    const font = parsedFont(this.fontsDir, file);
    font._glyphs = {};
    const run = (font.layout as (t: string) => { glyphs: { id: number; codePoints: number[] }[] })(p.text);
    const mapping = run.glyphs.map((g) => [g.id, g.codePoints.join(' ')] as const);
    let k = 0;
    for (;;) {
      const name = k === 0 ? p.font : `${p.font}#${k}`;
      let map = this.instances.get(name);
      if (!map) {
        map = new Map();
        this.instances.set(name, map);
        if (k > 0) this.doc.registerFont(name, font as unknown as Buffer);
      }
      if (mapping.every(([id, text]) => !map.has(id) || map.get(id) === text)) {
        for (const [id, text] of mapping) map.set(id, text);
        // Fresh glyphs: pdfkit's layout below records this word's letters for each glyph.
        font._glyphs = {};
        this.put({ ...p, font: name }, x, baseline, size, color);
        return;
      }
      k++;
    }
  }

  private put(p: Piece, x: number, baseline: number, size: number, color: string): void {
    if (p.space && p.text.trim() === '') return;
    this.doc
      .font(p.font)
      .fontSize(size)
      .fillColor(p.color ?? color)
      .text(p.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }
}

/** Pieces in drawing order: consecutive right-to-left words (with the spaces between them) reversed. */
function visualOrder(pieces: Piece[]): { pieces: Piece[]; rtlRun?: string }[] {
  const out: { pieces: Piece[]; rtlRun?: string }[] = [];
  let i = 0;
  while (i < pieces.length) {
    if (!pieces[i]!.rtl) {
      out.push({ pieces: [pieces[i]!] });
      i++;
      continue;
    }
    // Collect the run: rtl pieces and spaces between them (a trailing space stays outside).
    let j = i;
    let lastRtl = i;
    while (j < pieces.length && (pieces[j]!.rtl || pieces[j]!.space)) {
      if (pieces[j]!.rtl) lastRtl = j;
      j++;
    }
    const run = pieces.slice(i, lastRtl + 1);
    out.push({ pieces: [...run].reverse(), rtlRun: run.map((p) => p.text).join('') });
    i = lastRtl + 1;
  }
  return out;
}
