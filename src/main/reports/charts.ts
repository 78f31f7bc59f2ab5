// Vector charts for the reports, drawn with pdfkit paths and rectangles.
// Readable in black and white: every bar carries its label and number, and
// the mean is a dashed line with its value written next to it.

import { COLOR_MUTED, COLOR_RULE, COLOR_RULE_LIGHT, COLOR_TEXT, type ReportWriter, type StructElement } from './writer';

const BAR_FILL = '#8c8c8c';
const BAR_FILL_TOP = '#3c3c3c';
const BAR_STROKE = '#222222';

/** 7.25 → "7,3"; 7 → "7". */
export function dutchNumber(value: number, decimals = 1): string {
  const rounded = Number(value.toFixed(decimals));
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(decimals).replace('.', ',');
}

/** "12 stemmen", "1 stem". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function percentText(part: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((part / total) * 100)}%`;
}

export interface BarRow {
  label: string;
  value: number;
  /** Text right of the bar, e.g. "12 (40%)". */
  valueText: string;
  /** Draw this bar darker (e.g. the most chosen option). */
  emphasis?: boolean;
}

/**
 * Horizontal bars, one per row, label left and number right. A chart taller than the room on
 * the page is split between rows into parts (each its own Figure with its own alternative
 * text), so it never runs into the footer.
 */
export function barChart(w: ReportWriter, alt: string, rows: BarRow[], parent?: StructElement, max?: number): void {
  const size = 9.5;
  const labelWidth = Math.min(190, w.width * 0.4);
  const valueWidth = 70;
  const barX = w.left + labelWidth + 8;
  const barMax = w.width - labelWidth - valueWidth - 16;
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value), 1);
  const lh = w.text.lineHeight(size);
  // Labels wrap to at most three lines.
  const heights = rows.map((r) => Math.max(16, Math.min(w.text.wrap(r.label, 'regular', size, labelWidth).length, 3) * lh + 4));
  let start = 0;
  let part = 0;
  const parts = Math.ceil(heights.reduce((a, b) => a + b, 0) / (w.pageHeight - 12));
  while (start < rows.length) {
    // As many rows as fit in the room left (at least three, or a new page).
    let room = w.room - 6;
    if (room < Math.min(3, rows.length - start) * 20) room = w.pageHeight - 6;
    let end = start;
    let used = 0;
    while (end < rows.length && used + heights[end]! <= room) used += heights[end++]!;
    if (end === start) end = start + 1;
    const chunk = rows.slice(start, end);
    const chunkHeights = heights.slice(start, end);
    const total = chunkHeights.reduce((a, b) => a + b, 0) + 6;
    part++;
    const partAlt = end - start < rows.length ? `${alt} (deel ${part}${parts > 1 ? ` van ${Math.max(parts, part)}` : ''}: ${chunk.map((r) => r.label).join(', ')})` : alt;
    w.figure(
      partAlt,
      total,
      (y0) => {
        const doc = w.doc;
        let y = y0;
        doc.save().lineWidth(0.75).strokeColor(COLOR_RULE).moveTo(barX, y0).lineTo(barX, y0 + total - 6).stroke().restore();
        chunk.forEach((r, i) => {
          const h = chunkHeights[i]!;
          w.text.draw(r.label, 'regular', size, w.left, y + 2, labelWidth, { maxLines: 3 });
          const barH = 10;
          const barY = y + (Math.min(h, 18) - barH) / 2;
          const len = r.value <= 0 ? 0 : Math.max(1.5, (r.value / top) * barMax);
          if (len > 0) {
            doc
              .save()
              .lineWidth(0.5)
              .rect(barX, barY, len, barH)
              .fillAndStroke(r.emphasis ? BAR_FILL_TOP : BAR_FILL, BAR_STROKE)
              .restore();
          }
          w.text.draw(r.valueText, r.emphasis ? 'bold' : 'regular', size, barX + len + 5, y + 2, valueWidth + barMax - len, { maxLines: 1 });
          y += h;
        });
        doc.fillColor(COLOR_TEXT);
      },
      parent,
    );
    start = end;
  }
}

/** Columns for the counts of 1..10 (index 0 is 1), a dashed line at the mean, end labels underneath. */
export function distributionChart(
  w: ReportWriter,
  alt: string,
  distribution: number[],
  mean: number | null,
  labels: { low: string; high: string } | null,
  parent?: StructElement,
): void {
  const doc = w.doc;
  const chartH = 90;
  const head = 30; // room for the mean's label and the tallest column's count
  const height = head + chartH + 16 + (labels ? 14 : 0) + 4;
  const n = distribution.length;
  const colW = Math.min(36, (w.width - 20) / n);
  const x0 = w.left + 10;
  const max = Math.max(1, ...distribution);
  w.figure(
    alt,
    height,
    (top) => {
      const base = top + head + chartH;
      // Light grid lines at quarters.
      for (let q = 1; q <= 4; q++) {
        const gy = base - (q / 4) * chartH;
        doc.save().lineWidth(0.25).strokeColor(COLOR_RULE_LIGHT).moveTo(x0, gy).lineTo(x0 + n * colW, gy).stroke().restore();
      }
      const columnX = (i: number) => x0 + i * colW + 4;
      distribution.forEach((count, i) => {
        const h = (count / max) * chartH;
        if (count > 0) {
          doc.save().lineWidth(0.5).rect(columnX(i), base - h, colW - 8, h).fillAndStroke(BAR_FILL, BAR_STROKE).restore();
        }
        w.text.draw(String(i + 1), 'bold', 9, columnX(i) - 4, base + 3, colW, { align: 'center', maxLines: 1 });
      });
      doc.save().lineWidth(0.75).strokeColor(COLOR_TEXT).moveTo(x0, base).lineTo(x0 + n * colW, base).stroke().restore();
      if (mean !== null) {
        // Mean m sits at the centre of column m, interpolated between columns.
        const mx = x0 + (mean - 0.5) * colW;
        doc.save().lineWidth(1.25).dash(3, { space: 2 }).strokeColor(COLOR_TEXT).moveTo(mx, top + 12).lineTo(mx, base).stroke().undash().restore();
        const meanText = `gemiddelde ${dutchNumber(mean)}`;
        const tw = w.text.width(meanText, 'bold', 9);
        // Centred above the line, kept inside the chart.
        const tx = Math.min(Math.max(mx - tw / 2, x0), x0 + n * colW - tw);
        w.text.draw(meanText, 'bold', 9, tx, top, tw + 1, { maxLines: 1 });
      }
      // Counts above the columns, on a white patch so the mean line never hides them.
      distribution.forEach((count, i) => {
        if (count === 0) return;
        const h = (count / max) * chartH;
        const label = String(count);
        const lw = w.text.width(label, 'regular', 8.5) + 4;
        const cx = columnX(i) - 4 + colW / 2;
        doc.save().rect(cx - lw / 2, base - h - 12, lw, 11).fill('#ffffff').restore();
        w.text.draw(label, 'regular', 8.5, columnX(i) - 4, base - h - 11, colW, { align: 'center', maxLines: 1 });
      });
      if (labels) {
        const ly = base + 17;
        w.text.draw(`1 = ${w.text.fit(labels.low, 'regular', 8.5, 150)}`, 'regular', 8.5, x0, ly, 170, { color: COLOR_MUTED, maxLines: 1 });
        const high = `10 = ${w.text.fit(labels.high, 'regular', 8.5, 150)}`;
        const hw = w.text.width(high, 'regular', 8.5);
        w.text.draw(high, 'regular', 8.5, x0 + n * colW - hw, ly, hw + 1, { color: COLOR_MUTED, maxLines: 1 });
      }
      doc.fillColor(COLOR_TEXT);
    },
    parent,
  );
}

/** A horizontal progress bar "3 van 8" per row (used for the stappenplan). */
export function progressChart(
  w: ReportWriter,
  alt: string,
  rows: { label: string; done: number; total: number }[],
  parent?: StructElement,
): void {
  const labelWidth = 190;
  const barX = w.left + labelWidth + 8;
  const barW = w.width - labelWidth - 90;
  const rowH = 20;
  // Split between rows when the chart does not fit in the room left (each part its own Figure).
  let start = 0;
  while (start < rows.length) {
    let fit = Math.floor((w.room - 6) / rowH);
    if (fit < Math.min(3, rows.length - start)) fit = Math.floor((w.pageHeight - 6) / rowH);
    const chunk = rows.slice(start, start + Math.max(1, fit));
    const partAlt = chunk.length < rows.length ? `${alt} (rijen ${start + 1} tot en met ${start + chunk.length})` : alt;
    start += chunk.length;
    progressPart(w, partAlt, chunk, rowH, labelWidth, barX, barW, parent);
  }
}

function progressPart(
  w: ReportWriter,
  alt: string,
  rows: { label: string; done: number; total: number }[],
  rowH: number,
  labelWidth: number,
  barX: number,
  barW: number,
  parent?: StructElement,
): void {
  const doc = w.doc;
  w.figure(
    alt,
    rows.length * rowH,
    (top) => {
      rows.forEach((r, i) => {
        const y = top + i * rowH;
        w.text.draw(w.text.fit(r.label, 'regular', 9.5, labelWidth), 'regular', 9.5, w.left, y + 3, labelWidth, { maxLines: 1 });
        const seg = barW / Math.max(1, r.total);
        for (let s = 0; s < r.total; s++) {
          const filled = s < r.done;
          doc.save().lineWidth(0.5).rect(barX + s * seg + 1, y + 3, seg - 2, 11);
          if (filled) doc.fillAndStroke(BAR_FILL_TOP, BAR_STROKE);
          else doc.stroke(BAR_STROKE);
          doc.restore();
        }
        w.text.draw(`${r.done} van ${r.total}`, 'bold', 9.5, barX + barW + 8, y + 3, 80, { maxLines: 1 });
      });
      doc.fillColor(COLOR_TEXT);
    },
    parent,
  );
}

export { COLOR_MUTED };
