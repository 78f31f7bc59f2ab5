// Check-in and check-out: a word per person (a word cloud on the projector)
// or a score from 1 to 10, as the declaration asks.

import { meanText, ScoreBars, ScoreButtons, TextEntry, WordCloud } from './parts';
import type { EntryProps, ResultsProps, WorkFormatView } from './view';

function CheckEntry({ format, present, add }: EntryProps) {
  return format.answerKind === 'score' ? (
    <ScoreButtons label="Score toevoegen" onScore={(value) => add({ kind: 'score', value })} />
  ) : (
    <TextEntry label="Woord" present={present} onSubmit={(text, p) => add({ kind: 'word', text }, p)} />
  );
}

function CheckResults({ results, audience }: ResultsProps<'check-in' | 'check-out'>) {
  return results.answerKind === 'woord' ? (
    <WordCloud words={results.words} audience={audience} />
  ) : (
    <div className="results">
      <ScoreBars distribution={results.distribution} />
      <p className="result-total">
        Gemiddeld {meanText(results.mean)} · {results.n} antwoorden
      </p>
    </div>
  );
}

export const checkIn: WorkFormatView<'check-in'> = { Entry: CheckEntry, Results: CheckResults };
export const checkOut: WorkFormatView<'check-out'> = { Entry: CheckEntry, Results: CheckResults };
