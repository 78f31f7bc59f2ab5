// What people say in turn (rondje, opdracht): one line per contribution,
// optionally linked to a present participant, whose name only the facilitator sees.

import { TextEntry } from './parts';
import type { EntryProps, ResultsProps } from './view';

export function ContributionEntry({ present, add }: Pick<EntryProps, 'present' | 'add'>) {
  return <TextEntry label="Bijdrage" present={present} onSubmit={(text, p) => add({ kind: 'contribution', text }, p)} />;
}

export function ContributionResults({ results, showNames }: ResultsProps<'rondje' | 'opdracht'>) {
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
}
