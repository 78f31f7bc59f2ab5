// Peiling (poll): the room picks from the declared options; the facilitator
// types the number per option, or a linked participant's vote.

import { checkCount, checkOptionVote } from './checks';
import type { WorkFormatTypeModule } from './module';
import { counted, pseudonymiseTallies, tallyOutcome, tallyRows, writeTallies } from './tallies';

export const peiling: WorkFormatTypeModule<'peiling'> = {
  type: 'peiling',
  declaration: { fields: ['options', 'multiple'], minOptions: 2 },
  entries: { count: checkCount, vote: checkOptionVote },
  results: (format, entries) => ({ type: 'peiling', ...counted(format.options, entries) }),
  csvRows: tallyRows,
  writeReport: writeTallies,
  outcome: tallyOutcome,
  pseudonymise: (r, p) => ({ ...r, tallies: pseudonymiseTallies(r.tallies, p) }),
  freeTexts: () => [],
};
