// Results of a run as plain HTML: large, high-contrast and readable on a
// projector, and also used small in the presenter view and the session
// record. Each type draws its own (types/<type>.tsx).

import type { RunResults } from '../../../shared/work-formats';
import { viewOf } from './types';

export function ResultsView({ results, showNames = false, audience = false }: { results: RunResults; showNames?: boolean; audience?: boolean }) {
  const { Results } = viewOf(results.type);
  return <Results results={results} showNames={showNames} audience={audience} />;
}
