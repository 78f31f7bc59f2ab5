// A scale or poll result split per school (issue 12): one line per school with
// its number of answers and its mean or its votes, then "Zonder school" and
// "Niet gekoppeld". Main sends it only when two or more schools have linked
// entries, and only school names, never a participant's.

import type { SchoolSplit, SchoolSplitRow } from '../../../shared/work-formats';
import './by-school.css';

const decimal = (n: number) => n.toFixed(1).replace('.', ',');

function figures(type: SchoolSplit['type'], row: SchoolSplitRow): string {
  if (type === 'schaalvraag') {
    return `gemiddeld ${row.mean === null ? '–' : decimal(row.mean)} · ${row.n} ${row.n === 1 ? 'antwoord' : 'antwoorden'}`;
  }
  const votes = (row.tallies ?? []).filter((t) => t.count > 0).map((t) => `${t.option} ${t.count}`);
  return [...votes, `${row.n} ${row.n === 1 ? 'stem' : 'stemmen'}`].join(' · ');
}

export function BySchool({ split }: { split: SchoolSplit | null | undefined }) {
  if (!split) return null;
  return (
    <section className="by-school" aria-label="Per school">
      <h3>Per school</h3>
      <ul>
        {split.rows.map((row) => (
          <li key={`${row.school}:${row.label}`} data-school={row.school}>
            <b className="by-school-name">{row.label}</b> <span className="by-school-figures">{figures(split.type, row)}</span>
            {split.type === 'schaalvraag' && row.mean !== null ? (
              <span className="by-school-scale" aria-hidden="true">
                <span style={{ width: `${(row.mean / 10) * 100}%` }} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
