// Schaalvraag (scale): everyone gives a number from 1 to 10; the facilitator
// may enter "3 people gave a 7" at once.

import { checkRating } from './checks';
import { distribution, distributionOutcome, distributionRows, writeDistribution } from './distribution';
import type { WorkFormatTypeModule } from './module';

export const schaalvraag: WorkFormatTypeModule<'schaalvraag'> = {
  type: 'schaalvraag',
  declaration: { fields: ['scaleLabels'] },
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
};
