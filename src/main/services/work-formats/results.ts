// A run's results, folded from its entries in the order entered, by the
// type's own module (types/). Pure.

import type { WorkFormat } from '../../../shared/module-format';
import type { RunResults } from '../../../shared/work-formats';
import { moduleOf } from './types';
import type { ResultContext, StoredEntry } from './types/module';

export type { ResultContext } from './types/module';
export { tallies } from './types/tallies';
export { distribution } from './types/distribution';
export { borda } from './types/rangorde';

export function computeResults(format: WorkFormat, entries: StoredEntry[], ctx: ResultContext = {}): RunResults {
  return moduleOf(format.type).results(format, entries, ctx);
}
