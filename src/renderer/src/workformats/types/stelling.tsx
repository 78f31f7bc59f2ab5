// Stelling: counts for eens, neutraal and oneens, and arguments per side.

import { useState } from 'react';
import { STATEMENT_SIDES, type StatementSide } from '../../../../shared/work-formats';
import { Bars, Counts, TextEntry } from './parts';
import type { EntryProps, ResultsProps, WorkFormatView } from './view';

function StellingEntry({ view, add }: EntryProps) {
  const [side, setSide] = useState<StatementSide | ''>('');
  return (
    <>
      <Counts options={[...STATEMENT_SIDES]} view={view} add={add} />
      <TextEntry label="Argument" onSubmit={(text) => add({ kind: 'argument', text, side: side || null })}>
        <select value={side} onChange={(e) => setSide(e.target.value as typeof side)} aria-label="Kant van het argument">
          <option value="">—</option>
          {STATEMENT_SIDES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </TextEntry>
    </>
  );
}

function StellingResults({ results }: ResultsProps<'stelling'>) {
  return (
    <div className="results">
      <Bars rows={results.tallies.map((t) => ({ label: t.option, value: t.count }))} />
      {results.arguments.length > 0 ? (
        <ul className="result-texts">
          {results.arguments.map((a) => (
            <li key={a.entryId}>
              {a.side ? <b>{a.side}: </b> : null}
              {a.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export const stelling: WorkFormatView<'stelling'> = { Entry: StellingEntry, Results: StellingResults };
