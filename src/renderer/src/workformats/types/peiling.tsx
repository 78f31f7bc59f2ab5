// Peiling: a number per option, typed or counted with − and +.

import { Bars, Counts } from './parts';
import type { EntryProps, ResultsProps, WorkFormatView } from './view';

function PeilingEntry({ format, view, add }: EntryProps) {
  return <Counts options={format.options} view={view} add={add} />;
}

function PeilingResults({ results }: ResultsProps<'peiling'>) {
  return (
    <div className="results">
      <Bars rows={results.tallies.map((t) => ({ label: t.option, value: t.count }))} />
      <p className="result-total">{results.total} antwoorden</p>
    </div>
  );
}

export const peiling: WorkFormatView<'peiling'> = { Entry: PeilingEntry, Results: PeilingResults };
