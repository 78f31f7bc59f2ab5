// Vector charts for the reports, drawn with pdfkit paths and rectangles.
// Readable in black and white: every bar carries its label and number, and
// the mean is a dashed line with its value written next to it.

import { COLOR_MUTED, COLOR_RULE, COLOR_RULE_LIGHT, COLOR_TEXT, FONT_BOLD, FONT_REGULAR, fitText, type ReportWriter, type StructElement } from './writer';

const BAR_FILL = '#8c8c8c';
const BAR_FILL_TOP = '#3c3c3c';
const BAR_STROKE = '#222222';

/** 7.25 → "7,3"; 7 → "7". */
export function dutchNumber(value: number, decimals = 1): string {
  const rounded = Number(value.toFixed(decimals));
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(decimals).replace('.', ',');
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

/** Horizontal bars, one per row, label left and number right. */
export function barChart(w: ReportWriter, alt: string, rows: BarRow[], parent?: StructElement, max?: number): void {
  const doc = w.doc;
  const size = 9.5;
  const labelWidth = Math.min(190, w.width * 0.4);
  const valueWidth = 70;
  const barX = w.left + labelWidth + 8;
  const barMax = w.width - labelWidth - valueWidth - 16;
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value), 1);
  w.style(FONT_REGULAR, size);
  const heights = rows.map((r) => Math.max(16, Math.min(doc.heightOfString(r.label, { width: labelWidth }), 3 * 12) + 5));
  const total = heights.reduce((a, b) => a + b, 0) + 6;
  w.figure(
    alt,
    total,
    (y0) => {
      let y = y0;
      // Baseline of the bars.
      doc.save().lineWidth(0.75).strokeColor(COLOR_RULE).moveTo(barX, y0).lineTo(barX, y0 + total - 6).stroke().restore();
      rows.forEach((r, i) => {
        const h = heights[i]!;
        w.style(FONT_REGULAR, size).text(r.label, w.left, y + 2, { width: labelWidth, height: h - 2, ellipsis: true });
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
        w.style(r.emphasis ? FONT_BOLD : FONT_REGULAR, size).text(r.valueText, barX + len + 5, y + 2, {
          width: valueWidth + barMax - len,
          lineBreak: false,
        });
        y += h;
      });
      doc.fillColor(COLOR_TEXT);
    },
    parent,
  );
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
        w.style(FONT_BOLD, 9, COLOR_TEXT).text(String(i + 1), columnX(i) - 4, base + 3, { width: colW, align: 'center', lineBreak: false });
      });
      doc.save().lineWidth(0.75).strokeColor(COLOR_TEXT).moveTo(x0, base).lineTo(x0 + n * colW, base).stroke().restore();
      if (mean !== null) {
        // Mean m sits at the centre of column m, interpolated between columns.
        const mx = x0 + (mean - 0.5) * colW;
        doc.save().lineWidth(1.25).dash(3, { space: 2 }).strokeColor(COLOR_TEXT).moveTo(mx, top + 12).lineTo(mx, base).stroke().undash().restore();
        const meanText = `gemiddelde ${dutchNumber(mean)}`;
        const tw = w.style(FONT_BOLD, 9, COLOR_TEXT).widthOfString(meanText);
        // Centred above the line, kept inside the chart.
        const tx = Math.min(Math.max(mx - tw / 2, x0), x0 + n * colW - tw);
        doc.text(meanText, tx, top, { lineBreak: false });
      }
      // Counts above the columns, on a white patch so the mean line never hides them.
      distribution.forEach((count, i) => {
        if (count === 0) return;
        const h = (count / max) * chartH;
        const label = String(count);
        const lw = w.style(FONT_REGULAR, 8.5, COLOR_TEXT).widthOfString(label) + 4;
        const cx = columnX(i) - 4 + colW / 2;
        doc.save().rect(cx - lw / 2, base - h - 12, lw, 11).fill('#ffffff').restore();
        w.style(FONT_REGULAR, 8.5, COLOR_TEXT).text(label, columnX(i) - 4, base - h - 11, { width: colW, align: 'center', lineBreak: false });
      });
      if (labels) {
        const ly = base + 17;
        w.style(FONT_REGULAR, 8.5, COLOR_MUTED).text(`1 = ${fitText(doc, labels.low, 150)}`, x0, ly, { lineBreak: false });
        const high = `10 = ${fitText(doc, labels.high, 150)}`;
        w.style(FONT_REGULAR, 8.5, COLOR_MUTED).text(high, x0 + n * colW - doc.widthOfString(high), ly, { lineBreak: false });
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
  const doc = w.doc;
  const labelWidth = 190;
  const barX = w.left + labelWidth + 8;
  const barW = w.width - labelWidth - 90;
  const rowH = 20;
  w.figure(
    alt,
    rows.length * rowH,
    (top) => {
      rows.forEach((r, i) => {
        const y = top + i * rowH;
        w.style(FONT_REGULAR, 9.5).text(fitText(doc, r.label, labelWidth), w.left, y + 3, { lineBreak: false });
        const seg = barW / Math.max(1, r.total);
        for (let s = 0; s < r.total; s++) {
          const filled = s < r.done;
          doc.save().lineWidth(0.5).rect(barX + s * seg + 1, y + 3, seg - 2, 11);
          if (filled) doc.fillAndStroke(BAR_FILL_TOP, BAR_STROKE);
          else doc.stroke(BAR_STROKE);
          doc.restore();
        }
        w.style(FONT_BOLD, 9.5).text(`${r.done} van ${r.total}`, barX + barW + 8, y + 3, { lineBreak: false });
      });
      doc.fillColor(COLOR_TEXT);
    },
    parent,
  );
}

export { COLOR_MUTED };
