// Results of a run as plain HTML bars: large, high-contrast and readable on
// a projector, and also used small in the presenter view.

import type { RunResults } from '../../../shared/work-formats';

function Bars({ rows, unit = '' }: { rows: { label: string; value: number; note?: string }[]; unit?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul className="result-bars">
      {rows.map((r) => (
        <li key={r.label}>
          <span className="result-label">{r.label}</span>
          <span className="result-track">
            <span className="result-fill" style={{ width: `${(r.value / max) * 100}%` }} />
          </span>
          <span className="result-value">
            {r.value}
            {unit}
            {r.note ? ` ${r.note}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Check-in and check-out words as a word cloud: the more often a word was said, the larger
 * (up to 2.4×), the most frequent in the middle, colours alternating for separation.
 */
function WordCloud({ words, audience }: { words: { word: string; count: number }[]; audience: boolean }) {
  const max = Math.max(1, ...words.map((w) => w.count));
  // Largest in the middle: alternate the sorted words to the left and the right.
  const sorted = [...words].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'nl'));
  const arranged: typeof words = [];
  sorted.forEach((w, i) => (i % 2 === 0 ? arranged.push(w) : arranged.unshift(w)));
  return (
    <ul className={`results result-words${audience ? ' word-cloud' : ''}`} aria-label="Woordwolk">
      {arranged.map((w, i) => (
        <li
          key={w.word}
          className={`word-tone-${i % 3}`}
          data-count={w.count}
          style={{ fontSize: `${max === 1 ? 1 : 1 + ((w.count - 1) / (max - 1)) * 1.4}em` }}
        >
          {w.word}
          {w.count > 1 ? <sub>×{w.count}</sub> : null}
        </li>
      ))}
    </ul>
  );
}

export function ResultsView({ results, showNames = false, audience = false }: { results: RunResults; showNames?: boolean; audience?: boolean }) {
  switch (results.type) {
    case 'peiling':
      return (
        <div className="results">
          <Bars rows={results.tallies.map((t) => ({ label: t.option, value: t.count }))} />
          <p className="result-total">{results.total} antwoorden</p>
        </div>
      );
    case 'stelling':
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
    case 'brainstorm': {
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
    case 'rondje':
    case 'opdracht':
      return (
        <ul className="results result-texts">
          {results.contributions.map((c) => (
            <li key={c.entryId}>
              {c.text}
              {showNames && c.participantName ? <span className="muted"> — {c.participantName}</span> : null}
            </li>
          ))}
        </ul>
      );
    case 'schaalvraag':
      return (
        <div className="results">
          <Bars rows={results.distribution.map((n, i) => ({ label: String(i + 1), value: n }))} />
          <p className="result-total">
            Gemiddeld {results.mean === null ? '–' : results.mean.toFixed(1).replace('.', ',')} · {results.n} antwoorden
            {results.labels ? ` · 1 = ${results.labels.low}, 10 = ${results.labels.high}` : ''}
          </p>
        </div>
      );
    case 'rangorde':
      return (
        <div className="results">
          <Bars rows={results.ranking.map((r) => ({ label: `${r.place}. ${r.option}`, value: r.points, note: 'ptn' }))} />
          <p className="result-total">{results.n} rangordes</p>
        </div>
      );
    case 'actieplan':
      return (
        <table className="results result-actions">
          <thead>
            <tr>
              <th>Wat</th>
              <th>Wie</th>
              <th>Wanneer</th>
            </tr>
          </thead>
          <tbody>
            {results.actions.map((a) => (
              <tr key={a.entryId}>
                <td>{a.what}</td>
                <td>{a.who ?? (showNames ? a.participantName : null) ?? a.schoolName ?? '—'}</td>
                <td>{a.due ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'check-in':
    case 'check-out':
      return results.answerKind === 'woord' ? (
        <WordCloud words={results.words} audience={audience} />
      ) : (
        <div className="results">
          <Bars rows={results.distribution.map((n, i) => ({ label: String(i + 1), value: n }))} />
          <p className="result-total">
            Gemiddeld {results.mean === null ? '–' : results.mean.toFixed(1).replace('.', ',')} · {results.n} antwoorden
          </p>
        </div>
      );
  }
}
