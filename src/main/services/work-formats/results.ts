// A run's results, folded from its entries in the order entered. Pure.

import type { WorkFormat } from '../../../shared/module-format';
import type { RunResults, StatementSide, Tally } from '../../../shared/work-formats';
import { optionsOf, type StoredEntry } from './entries';

export interface ResultContext {
  /** Name of a linked participant; null hides names (audience view). */
  nameOf?: (participantId: number | null) => string | null;
  /** The agreed action an actieplan entry wrote (school name and status live there). */
  actionOf?: (entryId: number) => { actionId: number; schoolName: string | null; status: string } | undefined;
}

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

/** Counts per value 1..10 (index 0 is 1), the number of answers and the mean (two decimals). */
export function distribution(values: { value: number; count: number }[]): { distribution: number[]; n: number; mean: number | null } {
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

export function computeResults(format: WorkFormat, entries: StoredEntry[], ctx: ResultContext = {}): RunResults {
  const nameOf = ctx.nameOf ?? (() => null);
  const of = (kind: StoredEntry['kind']) => entries.filter((e) => e.kind === kind);
  switch (format.type) {
    case 'peiling': {
      const t = tallies(optionsOf(format), entries);
      return { type: 'peiling', tallies: t, total: t.reduce((s, x) => s + x.count, 0) };
    }
    case 'stelling': {
      const t = tallies(optionsOf(format), entries);
      return {
        type: 'stelling',
        tallies: t,
        total: t.reduce((s, x) => s + x.count, 0),
        arguments: of('argument').map((e) => ({
          entryId: e.id,
          side: (e.payload.side as StatementSide | null) ?? null,
          text: String(e.payload.text),
        })),
      };
    }
    case 'brainstorm': {
      const clusters = of('cluster').map((e) => ({ entryId: e.id, name: String(e.payload.name), cardIds: [] as number[], dots: 0 }));
      const clusterById = new Map(clusters.map((c) => [c.entryId, c]));
      const cards = of('card').map((e) => {
        const clusterId = (e.payload.clusterId as number | null) ?? null;
        return { entryId: e.id, text: String(e.payload.text), clusterId: clusterId !== null && clusterById.has(clusterId) ? clusterId : null, dots: 0 };
      });
      const cardById = new Map(cards.map((c) => [c.entryId, c]));
      let dotsUsed = 0;
      for (const v of of('vote')) {
        const card = cardById.get(Number(v.payload.cardId));
        if (!card) continue;
        const dots = Number(v.payload.dots ?? 1);
        card.dots += dots;
        dotsUsed += dots;
      }
      for (const card of cards) {
        const cluster = card.clusterId === null ? undefined : clusterById.get(card.clusterId);
        if (!cluster) continue;
        cluster.cardIds.push(card.entryId);
        cluster.dots += card.dots;
      }
      return { type: 'brainstorm', cards, clusters, dotsPerPerson: format.dots ?? 3, dotsUsed };
    }
    case 'rondje':
    case 'opdracht':
      return {
        type: format.type,
        contributions: of('contribution').map((e) => ({ entryId: e.id, text: String(e.payload.text), participantName: nameOf(e.participantId) })),
      };
    case 'schaalvraag':
      return {
        type: 'schaalvraag',
        ...distribution(of('rating').map((e) => ({ value: Number(e.payload.value), count: Number(e.payload.count ?? 1) }))),
        labels: format.scaleLabels ?? null,
      };
    case 'rangorde': {
      const orders = of('rank').map((e) => e.payload.order as string[]);
      return { type: 'rangorde', ranking: borda(format.options, orders), n: orders.length };
    }
    case 'actieplan':
      return {
        type: 'actieplan',
        actions: of('action').map((e) => {
          const action = ctx.actionOf?.(e.id);
          return {
            entryId: e.id,
            actionId: action?.actionId ?? null,
            what: String(e.payload.what),
            who: (e.payload.who as string | null) ?? null,
            due: (e.payload.due as string | null) ?? null,
            schoolName: action?.schoolName ?? null,
            participantName: nameOf(e.participantId),
            status: action?.status ?? null,
          };
        }),
      };
    case 'check-in':
    case 'check-out': {
      const words = new Map<string, { word: string; count: number }>();
      for (const e of of('word')) {
        const word = String(e.payload.text);
        const key = word.toLocaleLowerCase('nl');
        const row = words.get(key);
        if (row) row.count++;
        else words.set(key, { word, count: 1 });
      }
      const scores = distribution(of('score').map((e) => ({ value: Number(e.payload.value), count: 1 })));
      const answerKind = format.answerKind ?? 'woord';
      return {
        type: format.type,
        answerKind,
        // Stable: most frequent first, then in the order first said.
        words: [...words.values()].sort((a, b) => b.count - a.count),
        distribution: scores.distribution,
        n: answerKind === 'woord' ? of('word').length : scores.n,
        mean: scores.mean,
      };
    }
  }
}
