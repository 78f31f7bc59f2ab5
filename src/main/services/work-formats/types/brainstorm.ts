// Brainstorm: cards from the room, grouped into clusters, then dot voting
// (each person a fixed number of dots, spent on cards).

import { barChart, plural } from '../../../reports/charts';
import { boundText } from '../../../reports/text';
import { COLOR_MUTED, FONT_BOLD, FONT_REGULAR } from '../../../reports/writer';
import { checkCard, checkCluster, checkDotVote } from './checks';
import type { CsvRow, ResultsOf, WorkFormatTypeModule } from './module';
import { idsOf, MAX_CARDS_PER_PHONE, refuse, takeKind } from './phone';
import { DECLARATION_RULES } from '../../../../shared/work-format-declarations';

type Results = ResultsOf<'brainstorm'>;

export const brainstorm: WorkFormatTypeModule<'brainstorm'> = {
  type: 'brainstorm',
  declaration: DECLARATION_RULES.brainstorm,
  entries: { card: checkCard, cluster: checkCluster, vote: checkDotVote },
  // The dots to spend are the dots per person times the number present.
  reads: { presentCountFor: ['vote'] },

  results(format, entries) {
    const of = (kind: string) => entries.filter((e) => e.kind === kind);
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
  },

  csvRows(r) {
    const cluster = new Map(r.clusters.map((c) => [c.entryId, c.name]));
    return [
      ...r.clusters.map((c): CsvRow => ['cluster', c.name, c.dots]),
      ...r.cards.map((c): CsvRow => [c.clusterId !== null ? `kaart (${cluster.get(c.clusterId)})` : 'kaart', c.text, c.dots]),
    ];
  },

  writeReport(w, r: Results, _prompt, parent) {
    if (r.cards.length === 0) {
      w.note('Geen kaartjes ingevoerd.', parent);
      return;
    }
    const clusters = [...r.clusters].sort((a, b) => b.dots - a.dots);
    if (clusters.length > 0 && r.dotsUsed > 0) {
      const most = clusters[0]!.dots;
      barChart(
        w,
        `Stippen per cluster: ${clusters.map((c) => `${c.name} ${c.dots}`).join(', ')}.`,
        clusters.map((c) => ({ label: c.name, value: c.dots, valueText: plural(c.dots, 'stip', 'stippen'), emphasis: c.dots === most && most > 0 })),
        parent,
      );
    }
    const cardById = new Map(r.cards.map((c) => [c.entryId, c]));
    const cardItems = (ids: number[]) =>
      ids
        .map((id) => cardById.get(id)!)
        .sort((a, b) => b.dots - a.dots)
        .map((c) => ({ text: c.dots > 0 ? `${c.text} (${plural(c.dots, 'stip', 'stippen')})` : c.text }));
    for (const c of clusters) {
      w.ensureSpace(36);
      w.block('P', `${c.name} — ${plural(c.dots, 'stip', 'stippen')}`, FONT_BOLD, 10.5, { parent, gapAfter: 2 });
      w.bullets(cardItems(c.cardIds), parent, 10, 8);
    }
    const loose = r.cards.filter((c) => c.clusterId === null).map((c) => c.entryId);
    if (loose.length > 0) {
      w.ensureSpace(36);
      w.block('P', clusters.length > 0 ? 'Niet geclusterd' : 'Kaartjes', FONT_BOLD, 10.5, { parent, gapAfter: 2 });
      w.bullets(cardItems(loose), parent, 10, 8);
    }
    w.block('P', `${r.dotsUsed} stippen gebruikt (${r.dotsPerPerson} per persoon).`, FONT_REGULAR, 9.5, { color: COLOR_MUTED, parent, gapAfter: 4 });
  },

  outcome(r, lead) {
    if (r.cards.length === 0) return null;
    const top = [...r.clusters].sort((a, b) => b.dots - a.dots)[0];
    return top && top.dots > 0
      ? `${lead}: ${r.cards.length} ideeën; de meeste stippen gingen naar “${boundText(top.name, 120)}”.`
      : `${lead}: ${r.cards.length} ideeën.`;
  },

  pseudonymise: (r, p) => ({
    ...r,
    cards: r.cards.map((c) => ({ ...c, text: p.text(c.text) })),
    clusters: r.clusters.map((c) => ({ ...c, name: p.text(c.name) })),
  }),
  freeTexts: (r) => [...r.cards.map((c) => c.text), ...r.clusters.map((c) => c.name)],
  // 'open': cards come in (each waits for the facilitator). 'voting': each phone
  // divides its dots over the cards let through; a new division replaces the earlier one.
  phone: {
    states: ['open', 'voting'],
    prompt: (format, state, cards) =>
      state === 'voting' ? { phase: 'stippen', cards: cards(), dots: format.dots ?? 3 } : { phase: 'kaarten' },
    entries(format, state, answer, mine) {
      if (state === 'voting') {
        const { dots } = takeKind(answer, 'stippen');
        const perPhone = format.dots ?? 3;
        const total = dots.reduce((sum, d) => sum + d.dots, 0);
        if (total > perPhone) refuse(`Je hebt ${perPhone} ${perPhone === 1 ? 'stip' : 'stippen'}; je verdeelde er ${total}.`);
        if (new Set(dots.map((d) => d.card)).size !== dots.length) refuse('Een kaart staat twee keer in je verdeling.');
        return {
          add: dots.map((d) => ({ entry: { kind: 'vote', cardId: d.card, dots: d.dots }, pending: false })),
          remove: idsOf(mine, 'vote'),
        };
      }
      const { text } = takeKind(answer, 'kaart');
      if (mine.filter((e) => e.kind === 'card').length >= MAX_CARDS_PER_PHONE) {
        refuse(`Je hebt al ${MAX_CARDS_PER_PHONE} kaarten ingestuurd; meer kan niet bij deze brainstorm.`);
      }
      return { add: [{ entry: { kind: 'card', text }, pending: true }], remove: [] };
    },
  },
};
