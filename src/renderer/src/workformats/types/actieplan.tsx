// Actieplan: what, who and when per action; each becomes an agreed action.

import { useState } from 'react';
import type { EntryProps, ResultsProps, WorkFormatView } from './view';

function ActieplanEntry({ add }: EntryProps) {
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  const [due, setDue] = useState('');
  return (
    <form
      className="wf-entry wf-action"
      onSubmit={async (e) => {
        e.preventDefault();
        const entry = { kind: 'action' as const, what, who: who || null, due: due || null };
        setWhat('');
        setWho('');
        setDue('');
        if ((await add(entry)) === undefined) {
          // Put the action back so nothing typed is lost.
          setWhat(entry.what);
          setWho(entry.who ?? '');
          setDue(entry.due ?? '');
        }
      }}
    >
      <input value={what} onChange={(e) => setWhat(e.target.value)} aria-label="Wat" placeholder="Wat" />
      <input value={who} onChange={(e) => setWho(e.target.value)} aria-label="Wie" placeholder="Wie (rol of naam)" />
      <input type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-label="Wanneer" />
      <button type="submit">Actie toevoegen</button>
    </form>
  );
}

function ActieplanResults({ results, showNames }: ResultsProps<'actieplan'>) {
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
}

export const actieplan: WorkFormatView<'actieplan'> = { Entry: ActieplanEntry, Results: ActieplanResults };
