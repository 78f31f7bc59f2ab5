// Brainstorm: cards typed in, clusters made, cards dragged (or chosen) into a
// cluster, dots given per card. The entry is a board that shows the results.

import { useState } from 'react';
import { api } from '../../api/client';
import { TextEntry } from './parts';
import type { EntryProps, ResultsProps, WorkFormatView } from './view';

function BrainstormEntry({ view, add, run }: EntryProps) {
  const [cluster, setCluster] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const results = view?.results?.type === 'brainstorm' ? view.results : null;
  const move = (cardId: number, clusterId: number | null) =>
    run(async (r) => {
      const card = r.entries.find((e) => e.id === cardId);
      if (!card) return undefined;
      return api('entries:update', { entryId: cardId, entry: { kind: 'card', text: String(card.payload.text ?? ''), clusterId }, participantId: null });
    });
  return (
    <div className="wf-brainstorm">
      <TextEntry label="Kaart" onSubmit={(text) => add({ kind: 'card', text })} />
      <form
        className="wf-entry"
        onSubmit={async (e) => {
          e.preventDefault();
          const name = cluster;
          setCluster('');
          if ((await add({ kind: 'cluster', name })) === undefined) setCluster((c) => (c === '' ? name : c));
        }}
      >
        <input value={cluster} onChange={(e) => setCluster(e.target.value)} aria-label="Nieuwe cluster" placeholder="Nieuwe cluster – Enter" />
        <button type="submit">Cluster maken</button>
      </form>
      {results ? (
        <div className="wf-board">
          {[{ entryId: null as number | null, name: 'Nog niet geclusterd' }, ...results.clusters].map((cl) => (
            <div
              key={cl.entryId ?? 'los'}
              className="wf-column"
              aria-label={`Cluster ${cl.name}`}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => dragged !== null && void move(dragged, cl.entryId)}
            >
              <h3>{cl.name}</h3>
              <ul>
                {results.cards
                  .filter((c) => c.clusterId === cl.entryId)
                  .map((c) => (
                    <li key={c.entryId} draggable onDragStart={() => setDragged(c.entryId)} className="wf-card">
                      <span>{c.text}</span>
                      <span className="row">
                        <select
                          value={c.clusterId ?? ''}
                          aria-label={`Cluster voor ${c.text}`}
                          onChange={(e) => void move(c.entryId, e.target.value ? Number(e.target.value) : null)}
                        >
                          <option value="">—</option>
                          {results.clusters.map((x) => (
                            <option key={x.entryId} value={x.entryId}>
                              {x.name}
                            </option>
                          ))}
                        </select>
                        <button type="button" aria-label={`Stip voor ${c.text}`} onClick={() => add({ kind: 'vote', cardId: c.entryId, dots: 1 })}>
                          ● {c.dots}
                        </button>
                      </span>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function BrainstormResults({ results }: ResultsProps<'brainstorm'>) {
  const loose = results.cards.filter((c) => c.clusterId === null);
  return (
    <div className="results result-clusters">
      {results.clusters.map((cl) => (
        <section key={cl.entryId} className="result-cluster">
          <h3>
            {cl.name} {cl.dots ? <span className="result-dots">{cl.dots} ●</span> : null}
          </h3>
          <ul>
            {results.cards
              .filter((c) => c.clusterId === cl.entryId)
              .map((c) => (
                <li key={c.entryId}>
                  {c.text} {c.dots ? <span className="result-dots">{c.dots} ●</span> : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
      {loose.length > 0 ? (
        <section className="result-cluster">
          <h3>Nog niet geclusterd</h3>
          <ul>
            {loose.map((c) => (
              <li key={c.entryId}>
                {c.text} {c.dots ? <span className="result-dots">{c.dots} ●</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const brainstorm: WorkFormatView<'brainstorm'> = { Entry: BrainstormEntry, Results: BrainstormResults, board: true };
