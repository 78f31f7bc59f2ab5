// The session record: every work format run with its entries, to tidy up
// after the session (edit a typo, delete a wrong entry).

import { useEffect, useState } from 'react';
import { api, onPush } from '../api/client';
import { Empty, ErrorMessage, Panel } from '../ui/parts';
import { ResultsView } from './ResultsView';
import { WORK_FORMAT_LABELS } from '../../../shared/module-format';
import type { EntryView, RunView } from '../../../shared/work-formats';
import type { EntryInput } from '../../../shared/channels/workformats';

/** The text field of an entry that can be edited as text, if any. */
function textField(entry: EntryView): 'text' | 'name' | 'what' | null {
  if (['argument', 'card', 'contribution', 'word'].includes(entry.kind)) return 'text';
  if (entry.kind === 'cluster') return 'name';
  if (entry.kind === 'action') return 'what';
  return null;
}

function describe(entry: EntryView): string {
  const p = entry.payload;
  switch (entry.kind) {
    case 'count':
      return `${String(p.option)}: ${String(p.count)}`;
    case 'vote':
      return p.cardId ? `stip (${String(p.dots ?? 1)})` : `stem: ${String(p.option)}`;
    case 'rating':
    case 'score':
      return `cijfer ${String(p.value)}`;
    case 'rank':
      return (p.order as string[]).join(' › ');
    case 'action':
      return [p.what, p.who, p.due].filter(Boolean).join(' · ');
    case 'cluster':
      return `cluster: ${String(p.name)}`;
    default:
      return String(p.text ?? '');
  }
}

export function SessionRecord({ sessionId }: { sessionId: number }) {
  const [runs, setRuns] = useState<RunView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const list = await api('runs:list', { sessionId });
      setRuns(await Promise.all(list.map((r) => api('runs:results', { runId: r.id }))));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    void load();
    return onPush('workformat:changed', (e) => {
      if (e.sessionId === sessionId) void load();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId]);

  return (
    <Panel title="Werkvormen en inbreng">
      <ErrorMessage message={error} />
      {runs.length === 0 ? <Empty>Nog niets vastgelegd. Werkvormen vul je in tijdens het presenteren.</Empty> : null}
      {runs.map((view) => (
        <section key={view.run.id} className="record-run" aria-label={`Werkvorm ${view.run.prompt}`}>
          <h3>
            {WORK_FORMAT_LABELS[view.run.type]}: {view.run.prompt}
            {view.run.adHoc ? <span className="muted"> (ter plekke)</span> : null}
          </h3>
          {view.results ? <ResultsView results={view.results} showNames /> : null}
          <details className="record-details">
            <summary>Invoer aanpassen of verwijderen ({view.entries.length})</summary>
            <ul className="record-entries">
              {view.entries.map((entry) => (
                <EntryRow key={entry.id} entry={entry} onError={setError} />
              ))}
            </ul>
          </details>
        </section>
      ))}
    </Panel>
  );
}

function EntryRow({ entry, onError }: { entry: EntryView; onError: (m: string | null) => void }) {
  const field = textField(entry);
  const [editing, setEditing] = useState<string | null>(null);
  const save = async () => {
    if (editing === null || !field) return;
    try {
      const { participantId } = entry;
      await api('entries:update', {
        entryId: entry.id,
        entry: { kind: entry.kind, ...entry.payload, [field]: editing } as EntryInput,
        participantId,
      });
      setEditing(null);
      onError(null);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const remove = async () => {
    try {
      await api('entries:delete', { entryId: entry.id });
      onError(null);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <li>
      {editing !== null ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input value={editing} onChange={(e) => setEditing(e.target.value)} aria-label="Tekst aanpassen" />
          <button type="submit">Opslaan</button>
          <button type="button" onClick={() => setEditing(null)}>
            Annuleren
          </button>
        </form>
      ) : (
        <span className="row">
          <span>{describe(entry)}</span>
          {entry.participantName ? <span className="muted">— {entry.participantName}</span> : null}
          {field ? (
            <button type="button" onClick={() => setEditing(String(entry.payload[field] ?? ''))} aria-label={`Aanpassen: ${describe(entry)}`}>
              Aanpassen
            </button>
          ) : null}
          <button type="button" onClick={remove} aria-label={`Verwijderen: ${describe(entry)}`}>
            Verwijderen
          </button>
        </span>
      )}
    </li>
  );
}
