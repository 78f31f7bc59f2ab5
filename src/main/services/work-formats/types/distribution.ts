// Scores from 1 to 10, shared by the schaalvraag and a check-in or check-out
// asked as a score: counts per value, the mean, and the same column chart.

import { distributionChart, dutchNumber, plural } from '../../../reports/charts';
import { COLOR_MUTED, DASH, FONT_REGULAR, type ReportWriter, type StructElement } from '../../../reports/writer';
import type { CsvRow } from './module';

export interface Distribution {
  /** Index 0 is the count for 1, index 9 for 10. */
  distribution: number[];
  n: number;
  mean: number | null;
}

/** Counts per value 1..10 (index 0 is 1), the number of answers and the mean (two decimals). */
export function distribution(values: { value: number; count: number }[]): Distribution {
  const dist = Array.from({ length: 10 }, () => 0);
  let n = 0;
  let sum = 0;
  for (const { value, count } of values) {
    if (value < 1 || value > 10) continue;
    dist[value - 1]! += count;
    n += count;
    sum += value * count;
  }
  return { distribution: dist, n, mean: n === 0 ? null : Math.round((sum / n) * 100) / 100 };
}

export function writeDistribution(
  w: ReportWriter,
  r: Distribution,
  labels: { low: string; high: string } | null,
  prompt: string,
  parent: StructElement,
): void {
  if (r.n === 0) {
    w.note('Geen cijfers ingevoerd.', parent);
    return;
  }
  distributionChart(
    w,
    `Verdeling van de cijfers 1 tot en met 10 bij "${prompt}": ${r.distribution.map((c, i) => `${i + 1}: ${c}`).join(', ')}; gemiddelde ${r.mean === null ? 'geen' : dutchNumber(r.mean)}.`,
    r.distribution,
    r.mean,
    labels,
    parent,
  );
  w.block('P', `${plural(r.n, 'antwoord', 'antwoorden')}; gemiddeld ${r.mean === null ? DASH : dutchNumber(r.mean)} (de gestippelde lijn).`, FONT_REGULAR, 9.5, {
    color: COLOR_MUTED,
    parent,
    gapAfter: 4,
  });
}

/** One row per value (`soort` is "cijfer" or "score"), then the mean with the number of answers. */
export function distributionRows(r: Distribution, kind: string): CsvRow[] {
  return [...r.distribution.map((c, i): CsvRow => [kind, String(i + 1), c]), ['gemiddelde', r.mean === null ? '' : String(r.mean), r.n]];
}

export function distributionOutcome(r: Distribution, lead: string): string | null {
  if (r.n === 0 || r.mean === null) return null;
  return `${lead}: gemiddeld ${dutchNumber(r.mean)} op een schaal van 1 tot 10 (${r.n} ${r.n === 1 ? 'antwoord' : 'antwoorden'}).`;
}
