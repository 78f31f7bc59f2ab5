// Pieces several types' entry and results components share: result bars, a
// text entry (Enter stores and keeps the focus), count inputs, 1–10 buttons
// and the word cloud.

import { useState, type FormEvent, type ReactNode } from 'react';
import { Choice } from '../../ui/parts';
import type { Add } from './view';
import type { RunView } from '../../../../shared/work-formats';

export function Bars({ rows, unit = '' }: { rows: { label: string; value: number; note?: string }[]; unit?: string }) {
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

/** Bars for the counts of 1..10 (index 0 is 1). */
export function ScoreBars({ distribution }: { distribution: number[] }) {
  return <Bars rows={distribution.map((n, i) => ({ label: String(i + 1), value: n }))} />;
}

/** "7,3"; a dash before anyone answered. */
export function meanText(mean: number | null): string {
  return mean === null ? '–' : mean.toFixed(1).replace('.', ',');
}

/**
 * Check-in and check-out words as a word cloud: the more often a word was said, the larger
 * (up to 2.4×), the most frequent in the middle, colours alternating for separation.
 */
export function WordCloud({ words, audience }: { words: { word: string; count: number }[]; audience: boolean }) {
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

export function TextEntry({
  label,
  onSubmit,
  present,
  children,
}: {
  label: string;
  onSubmit: (text: string, participantId: number | null) => Promise<unknown>;
  present?: { participantId: number; name: string }[];
  children?: ReactNode;
}) {
  const [text, setText] = useState('');
  const [who, setWho] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Clear at once so the next entry can be typed while main stores this one; clearing after the
    // acknowledgement would wipe what was typed in between. On an error the text comes back.
    const value = text;
    const participant = who ? Number(who) : null;
    setText('');
    setWho('');
    const stored = await onSubmit(value, participant);
    if (stored === undefined) setText((current) => (current === '' ? value : current));
  };
  return (
    <form className="wf-entry" onSubmit={submit}>
      {children}
      <input value={text} onChange={(e) => setText(e.target.value)} aria-label={label} placeholder={`${label} – Enter`} autoComplete="off" />
      {present ? (
        <Choice
          value={who}
          onChange={setWho}
          aria-label="Koppelen aan deelnemer"
          empty="Anoniem"
          options={present.map((p) => ({ value: p.participantId, label: p.name }))}
        />
      ) : null}
      <button type="submit">Toevoegen</button>
    </form>
  );
}

/** A number per option with − and + (peiling, stelling); + and − are resolved in main, so quick clicks all count. */
export function Counts({ options, view, add }: { options: string[]; view: RunView | null; add: Add }) {
  const counts = new Map(
    view?.results && (view.results.type === 'peiling' || view.results.type === 'stelling')
      ? view.results.tallies.map((t) => [t.option, t.count])
      : [],
  );
  return (
    <div className="wf-counts">
      {options.map((option) => (
        <CountInput key={option} option={option} value={counts.get(option) ?? 0} add={add} />
      ))}
    </div>
  );
}

function CountInput({ option, value, add }: { option: string; value: number; add: Add }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = async (n: number) => {
    setDraft(null);
    await add({ kind: 'count', option, count: n });
  };
  return (
    <label className="wf-count">
      <span>{option}</span>
      <span className="row">
        <button type="button" aria-label={`${option} min één`} onClick={() => { setDraft(null); void add({ kind: 'count', option, delta: -1 }); }}>
          −
        </button>
        <input
          type="number"
          value={draft ?? String(value)}
          aria-label={`Aantal ${option}`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => draft !== null && commit(Number(draft))}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft !== null) {
              e.preventDefault();
              void commit(Number(draft));
            }
          }}
        />
        <button type="button" aria-label={`${option} plus één`} onClick={() => { setDraft(null); void add({ kind: 'count', option, delta: 1 }); }}>
          +
        </button>
      </span>
    </label>
  );
}

/** Ten buttons, 1 to 10: one click stores one answer. */
export function ScoreButtons({ label, onScore }: { label: string; onScore: (value: number) => unknown }) {
  return (
    <div className="wf-scale" role="group" aria-label={label}>
      {Array.from({ length: 10 }, (_, i) => (
        <button key={i} type="button" onClick={() => onScore(i + 1)}>
          {i + 1}
        </button>
      ))}
    </div>
  );
}
