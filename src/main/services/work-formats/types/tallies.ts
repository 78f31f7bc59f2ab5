// Counting options, shared by the peiling and the stelling: a count sets an
// option's number, each vote after it adds one; both draw the same bar chart.

import type { StoredEntry } from './module';
import type { Tally } from '../../../../shared/work-formats';
import { barChart, percentText, plural } from '../../../reports/charts';
import { boundText } from '../../../reports/text';
import { COLOR_MUTED, FONT_REGULAR, type ReportWriter, type StructElement } from '../../../reports/writer';
import type { CsvRow, ResultPseudonymiser } from './module';

/** Peiling / stelling: a count sets an option's number; each vote after it adds one. */
export function tallies(options: string[], entries: StoredEntry[]): Tally[] {
  const counts = new Map(options.map((o) => [o, 0]));
  for (const e of entries) {
    const option = e.payload.option as string;
    if (!counts.has(option)) continue;
    if (e.kind === 'count') counts.set(option, Number(e.payload.count));
    else if (e.kind === 'vote') counts.set(option, counts.get(option)! + 1);
  }
  return options.map((option) => ({ option, count: counts.get(option)! }));
}

export interface Counted {
  tallies: Tally[];
  total: number;
}

export function counted(options: string[], entries: StoredEntry[]): Counted {
  const t = tallies(options, entries);
  return { tallies: t, total: t.reduce((s, x) => s + x.count, 0) };
}

export function writeTallies(w: ReportWriter, r: Counted, prompt: string, parent: StructElement): void {
  if (r.total === 0) {
    w.note('Geen stemmen ingevoerd.', parent);
    return;
  }
  const top = Math.max(...r.tallies.map((t) => t.count));
  barChart(
    w,
    `Balkendiagram bij "${prompt}": ${r.tallies.map((t) => `${t.option} ${t.count}`).join(', ')}.`,
    r.tallies.map((t) => ({
      label: t.option,
      value: t.count,
      valueText: `${t.count} (${percentText(t.count, r.total)})`,
      emphasis: t.count === top,
    })),
    parent,
  );
  w.block('P', `Totaal: ${plural(r.total, 'stem', 'stemmen')}. De donkerste balk is het vaakst gekozen.`, FONT_REGULAR, 9.5, {
    color: COLOR_MUTED,
    parent,
    gapAfter: 4,
  });
}

export function tallyRows(r: Counted): CsvRow[] {
  return r.tallies.map((t) => ['optie', t.option, t.count]);
}

export function tallyOutcome(r: Counted, lead: string): string | null {
  if (r.total === 0) return null;
  const top = [...r.tallies].sort((a, b) => b.count - a.count)[0]!;
  return `${lead}: het vaakst gekozen is “${boundText(top.option, 120)}” (${top.count} van ${r.total}).`;
}

/** Options can be free text in a module or added on the spot, so they are scanned for names too. */
export function pseudonymiseTallies(list: Tally[], p: ResultPseudonymiser): Tally[] {
  return list.map((t) => ({ ...t, option: p.text(t.option) }));
}
