// Schaalvraag: one click per answer from 1 to 10; the distribution and mean.

import { meanText, ScoreBars, ScoreButtons } from './parts';
import type { EntryProps, ResultsProps, WorkFormatView } from './view';

function SchaalvraagEntry({ add }: EntryProps) {
  return <ScoreButtons label="Cijfer toevoegen" onScore={(value) => add({ kind: 'rating', value })} />;
}

function SchaalvraagResults({ results }: ResultsProps<'schaalvraag'>) {
  return (
    <div className="results">
      <ScoreBars distribution={results.distribution} />
      <p className="result-total">
        Gemiddeld {meanText(results.mean)} · {results.n} antwoorden
        {results.labels ? ` · 1 = ${results.labels.low}, 10 = ${results.labels.high}` : ''}
      </p>
    </div>
  );
}

export const schaalvraag: WorkFormatView<'schaalvraag'> = { Entry: SchaalvraagEntry, Results: SchaalvraagResults };
