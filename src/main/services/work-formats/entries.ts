// The check of one entry against its format's declaration and what is already
// stored. Which kinds a type takes and how each is checked live in the type's
// module (types/); this only refuses a kind the type does not take. Pure.

import { WORK_FORMAT_LABELS, WORK_FORMAT_TYPES, type WorkFormat, type WorkFormatType } from '../../../shared/module-format';
import type { EntryKind } from '../../../shared/work-formats';
import type { EntryInput } from '../../../shared/channels/workformats';
import { bad } from './types/checks';
import { kindsOf, moduleOf } from './types';
import type { EntryContext, KindCheck } from './types/module';

export type { StoredEntry, EntryContext } from './types/module';
export { optionsOf, isRealDate } from './types/checks';

export const KINDS_BY_TYPE = Object.fromEntries(WORK_FORMAT_TYPES.map((t) => [t, kindsOf(t)])) as Record<WorkFormatType, EntryKind[]>;

const KIND_LABELS: Record<EntryKind, string> = {
  count: 'aantal',
  vote: 'stem',
  argument: 'argument',
  card: 'kaart',
  cluster: 'cluster',
  contribution: 'bijdrage',
  rating: 'cijfer',
  rank: 'volgorde',
  word: 'woord',
  score: 'score',
  action: 'actie',
};

/**
 * Checks one entry for its format. Returns the payload to store (trimmed,
 * defaults filled in); throws an AppError with a Dutch message otherwise.
 */
export function checkEntry(format: WorkFormat, entry: EntryInput, ctx: EntryContext): Record<string, unknown> {
  // The map pairs each kind with the check for that kind, which TypeScript cannot follow through a lookup.
  const check = moduleOf(format.type).entries[entry.kind] as KindCheck<EntryKind> | undefined;
  if (!check) bad(`Bij een ${WORK_FORMAT_LABELS[format.type].toLowerCase()} hoort geen ${KIND_LABELS[entry.kind]}.`);
  return check(format, entry, ctx);
}
