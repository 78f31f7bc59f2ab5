// Rangorde: put the options in order with ↑ and ↓, then add that order; the
// results are the room's ranking (Borda points).

import { useState } from 'react';
import { Bars } from './parts';
import type { EntryProps, ResultsProps, WorkFormatView } from './view';

function swap<T>(list: T[], a: number, b: number): T[] {
  const next = [...list];
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}

function RangordeEntry({ format, add }: EntryProps) {
  const [order, setOrder] = useState(format.options);
  return (
    <div className="wf-rank">
      <ol>
        {order.map((o, i) => (
          <li key={o}>
            {o}
            <span className="icon-buttons">
              <button type="button" aria-label={`${o} hoger`} disabled={i === 0} onClick={() => setOrder(swap(order, i, i - 1))}>
                ↑
              </button>
              <button type="button" aria-label={`${o} lager`} disabled={i === order.length - 1} onClick={() => setOrder(swap(order, i, i + 1))}>
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => add({ kind: 'rank', order })}>
        Deze volgorde toevoegen
      </button>
    </div>
  );
}

function RangordeResults({ results }: ResultsProps<'rangorde'>) {
  return (
    <div className="results">
      <Bars rows={results.ranking.map((r) => ({ label: `${r.place}. ${r.option}`, value: r.points, note: 'ptn' }))} />
      <p className="result-total">{results.n} rangordes</p>
    </div>
  );
}

export const rangorde: WorkFormatView<'rangorde'> = { Entry: RangordeEntry, Results: RangordeResults };
