// Stelling (statement): the room takes a side (eens, neutraal, oneens),
// counted like a poll, and the facilitator notes arguments per side.

import { STATEMENT_SIDES, type StatementSide } from '../../../../shared/work-formats';
import { FONT_BOLD } from '../../../reports/writer';
import { checkArgument, checkCount, checkOptionVote } from './checks';
import type { CsvRow, WorkFormatTypeModule } from './module';
import { counted, pseudonymiseTallies, tallyOutcome, tallyRows, writeTallies } from './tallies';
import { idsOf, sameText, takeKind, type PhoneEntries } from './phone';
import { DECLARATION_RULES } from '../../../../shared/work-format-declarations';

const SIDE_LABELS = { eens: 'Eens:', neutraal: 'Neutraal:', oneens: 'Oneens:' } as const;

export const stelling: WorkFormatTypeModule<'stelling'> = {
  type: 'stelling',
  declaration: DECLARATION_RULES.stelling,
  entries: { count: checkCount, vote: checkOptionVote, argument: checkArgument },
  results: (_format, entries) => ({
    type: 'stelling',
    ...counted([...STATEMENT_SIDES], entries),
    arguments: entries
      .filter((e) => e.kind === 'argument')
      .map((e) => ({ entryId: e.id, side: (e.payload.side as StatementSide | null) ?? null, text: String(e.payload.text) })),
  }),
  csvRows: (r) => [
    ...tallyRows(r),
    ...r.arguments.map((a): CsvRow => [a.side ? `argument ${a.side}` : 'argument', a.text, null]),
  ],
  writeReport(w, r, prompt, parent) {
    writeTallies(w, r, prompt, parent);
    if (r.arguments.length === 0) return;
    w.ensureSpace(36);
    w.block('P', 'Argumenten', FONT_BOLD, 10.5, { parent, gapAfter: 2 });
    w.bullets(
      r.arguments.map((a) => ({ lead: a.side ? SIDE_LABELS[a.side] : undefined, text: a.text })),
      parent,
    );
  },
  outcome: tallyOutcome,
  pseudonymise: (r, p) => ({ ...r, tallies: pseudonymiseTallies(r.tallies, p), arguments: r.arguments.map((a) => ({ ...a, text: p.text(a.text) })) }),
  freeTexts: (r) => r.arguments.map((a) => a.text),
  // A side replaces the earlier side. An argument waits for the facilitator; a phone's
  // argument not yet let through is replaced, one already let through is not sent twice.
  phone: {
    states: ['open'],
    prompt: () => ({ options: [...STATEMENT_SIDES], argument: true }),
    entries(_format, _state, answer, mine) {
      const { side, argument } = takeKind(answer, 'stelling');
      const text = argument?.trim() ?? '';
      const add: PhoneEntries['add'] = [{ entry: { kind: 'vote', option: side }, pending: false }];
      const shown = mine.some((e) => e.kind === 'argument' && !e.pending && sameText(e.payload.text, text));
      if (text && !shown) add.push({ entry: { kind: 'argument', side, text }, pending: true });
      return { add, remove: [...idsOf(mine, 'vote'), ...mine.filter((e) => e.kind === 'argument' && e.pending).map((e) => e.id)] };
    },
  },
};
