// Rangorde (ranking): each answer puts the declared options in order; the
// room's ranking is a Borda count.

import { barChart, plural } from '../../../reports/charts';
import { boundText } from '../../../reports/text';
import { COLOR_MUTED, FONT_REGULAR } from '../../../reports/writer';
import { checkRank } from './checks';
import type { WorkFormatTypeModule } from './module';
import { idsOf, takeKind } from './phone';
import { DECLARATION_RULES } from '../../../../shared/work-format-declarations';

/** Borda count: with k options, first place earns k points, second k−1, …; unranked options earn nothing. */
export function borda(options: string[], orders: string[][]): { option: string; points: number; firstPlaces: number; place: number }[] {
  const k = options.length;
  const rows = options.map((option, index) => ({ option, index, points: 0, firstPlaces: 0 }));
  const byOption = new Map(rows.map((r) => [r.option, r]));
  for (const order of orders) {
    order.forEach((option, i) => {
      const row = byOption.get(option);
      if (!row) return;
      row.points += k - i;
      if (i === 0) row.firstPlaces++;
    });
  }
  rows.sort((a, b) => b.points - a.points || b.firstPlaces - a.firstPlaces || a.index - b.index);
  return rows.map((r) => ({
    option: r.option,
    points: r.points,
    firstPlaces: r.firstPlaces,
    place: 1 + rows.filter((o) => o.points > r.points || (o.points === r.points && o.firstPlaces > r.firstPlaces)).length,
  }));
}

export const rangorde: WorkFormatTypeModule<'rangorde'> = {
  type: 'rangorde',
  declaration: DECLARATION_RULES.rangorde,
  entries: { rank: checkRank },
  results(format, entries) {
    const orders = entries.filter((e) => e.kind === 'rank').map((e) => e.payload.order as string[]);
    return { type: 'rangorde', ranking: borda(format.options, orders), n: orders.length };
  },
  csvRows: (r) => r.ranking.map((x) => [`plaats ${x.place}`, x.option, x.points]),
  writeReport(w, r, prompt, parent) {
    if (r.n === 0) {
      w.note('Geen rangordes ingevoerd.', parent);
      return;
    }
    barChart(
      w,
      `Rangorde bij "${prompt}": ${r.ranking.map((x) => `${x.place}. ${x.option} (${x.points} punten)`).join(', ')}.`,
      r.ranking.map((x) => ({
        label: `${x.place}. ${x.option}`,
        value: x.points,
        valueText: `${plural(x.points, 'punt', 'punten')}`,
        emphasis: x.place === 1,
      })),
      parent,
    );
    w.block('P', `${plural(r.n, 'rangorde', 'rangordes')} ingevuld. Een eerste plaats geeft de meeste punten, een laatste plaats de minste.`, FONT_REGULAR, 9.5, {
      color: COLOR_MUTED,
      parent,
      gapAfter: 4,
    });
  },
  outcome: (r, lead) => (r.n === 0 || r.ranking.length === 0 ? null : `${lead}: bovenaan staat “${boundText(r.ranking[0]!.option, 120)}”.`),
  pseudonymise: (r, p) => ({ ...r, ranking: r.ranking.map((x) => ({ ...x, option: p.text(x.option) })) }),
  freeTexts: () => [],
  phone: {
    states: ['open'],
    prompt: (format) => ({ options: format.options }),
    entries(_format, _state, answer, mine) {
      const { order } = takeKind(answer, 'volgorde');
      return { add: [{ entry: { kind: 'rank', order }, pending: false }], remove: idsOf(mine, 'rank') };
    },
  },
};
