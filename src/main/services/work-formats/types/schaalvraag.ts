// Schaalvraag (scale): everyone gives a number from 1 to 10; the facilitator
// may enter "3 people gave a 7" at once.

import { checkRating } from './checks';
import { distribution, distributionOutcome, distributionRows, writeDistribution } from './distribution';
import type { WorkFormatTypeModule } from './module';
import { idsOf, takeKind } from './phone';
import { DECLARATION_RULES } from '../../../../shared/work-format-declarations';

export const schaalvraag: WorkFormatTypeModule<'schaalvraag'> = {
  type: 'schaalvraag',
  declaration: DECLARATION_RULES.schaalvraag,
  entries: { rating: checkRating },
  results: (format, entries) => ({
    type: 'schaalvraag',
    ...distribution(entries.filter((e) => e.kind === 'rating').map((e) => ({ value: Number(e.payload.value), count: Number(e.payload.count ?? 1) }))),
    labels: format.scaleLabels ?? null,
  }),
  csvRows: (r) => distributionRows(r, 'cijfer'),
  writeReport: (w, r, prompt, parent) => writeDistribution(w, r, r.labels, prompt, parent),
  outcome: distributionOutcome,
  pseudonymise: (r) => r,
  freeTexts: () => [],
  phone: {
    states: ['open'],
    prompt: (format) => ({ scaleLabels: format.scaleLabels ?? null }),
    entries(_format, _state, answer, mine) {
      const { value } = takeKind(answer, 'cijfer');
      return { add: [{ entry: { kind: 'rating', value, count: 1 }, pending: false }], remove: idsOf(mine, 'rating') };
    },
  },
};
