// Peiling (poll): the room picks from the declared options; the facilitator
// types the number per option, or a linked participant's vote.

import { checkCount, checkOptionVote } from './checks';
import type { WorkFormatTypeModule } from './module';
import { counted, pseudonymiseTallies, tallyOutcome, tallyRows, writeTallies } from './tallies';
import { idsOf, refuse, takeKind } from './phone';
import { DECLARATION_RULES } from '../../../../shared/work-format-declarations';

export const peiling: WorkFormatTypeModule<'peiling'> = {
  type: 'peiling',
  declaration: DECLARATION_RULES.peiling,
  entries: { count: checkCount, vote: checkOptionVote },
  results: (format, entries) => ({ type: 'peiling', ...counted(format.options, entries) }),
  csvRows: tallyRows,
  writeReport: writeTallies,
  outcome: tallyOutcome,
  pseudonymise: (r, p) => ({ ...r, tallies: pseudonymiseTallies(r.tallies, p) }),
  freeTexts: () => [],
  // One choice (or several when `multiple`); a new choice replaces the phone's earlier one.
  phone: {
    states: ['open'],
    prompt: (format) => ({ options: format.options, multiple: format.multiple }),
    entries(format, _state, answer, mine) {
      const { options } = takeKind(answer, 'keuze');
      if (!format.multiple && options.length > 1) refuse('Kies één antwoord.');
      const lower = options.map((o) => o.trim().toLocaleLowerCase('nl'));
      if (new Set(lower).size !== lower.length) refuse('Een keuze staat er twee keer in.');
      return { add: options.map((option) => ({ entry: { kind: 'vote', option }, pending: false })), remove: idsOf(mine, 'vote') };
    },
  },
};
