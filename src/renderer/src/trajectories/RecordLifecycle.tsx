// The life cycle of a record in the screens (issue 11): a delete that first
// shows what it removes (or what depends on the record, then offers archive),
// an "Ongedaan maken" bar after every destructive step, and the archive list
// with "Terugzetten". Main does the work; these parts only ask and show.

import { useState, useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { ErrorMessage } from '../ui/parts';
import type { RecordImpact, RecordKind } from '../../../shared/records';
import './record-lifecycle.css';

// --- the undo notice: one at a time, shown by every screen's UndoBar -------------

interface Notice {
  message: string;
  undoToken: string | null;
}
let notice: Notice | null = null;
const listeners = new Set<() => void>();
const setNotice = (next: Notice | null) => {
  notice = next;
  for (const l of listeners) l();
};
/** After a destructive step: show its message with "Ongedaan maken". */
export function announceUndoable(message: string, undoToken: string | null): void {
  setNotice({ message, undoToken });
}

export function UndoBar() {
  const current = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => notice,
  );
  const action = useAction();
  if (!current) return null;
  const undo = async () => {
    const result = await action.run(() => api('records:undo', { token: current.undoToken! }));
    if (result) setNotice({ message: result.message, undoToken: null });
  };
  return (
    <div className="undo-bar" role="status">
      <span>{current.message}</span>
      {current.undoToken ? (
        <button type="button" onClick={undo} disabled={action.busy}>
          Ongedaan maken
        </button>
      ) : null}
      <button type="button" className="link-button" onClick={() => setNotice(null)} aria-label="Melding sluiten">
        Sluiten
      </button>
      <ErrorMessage message={action.error} />
    </div>
  );
}

// --- delete (or archive) ----------------------------------------------------------

const lines = (list: { what: string; count: number }[]) => list.map((l) => `${l.count} ${l.what}`).join(', ');

/** "Verwijderen" for one record: asks main what it would remove, then confirms. */
export function DeleteRecord({
  kind,
  id,
  label,
  onDeleted,
  buttonLabel,
}: {
  kind: RecordKind;
  id: number;
  label: string;
  onDeleted?: () => void;
  /** Where the record's name is the screen's heading: "Organisatie verwijderen" instead of the name. */
  buttonLabel?: string;
}) {
  const [impact, setImpact] = useState<RecordImpact | null>(null);
  const action = useAction();
  const open = async () => {
    const result = await action.run(() => api('records:impact', { kind, id }));
    if (result) setImpact(result);
  };
  const remove = async () => {
    const result = await action.run(() => api('records:delete', { kind, id }));
    if (result) {
      setImpact(null);
      announceUndoable(result.message, result.undoToken);
      onDeleted?.();
    }
  };
  const archive = async () => {
    const result = await action.run(() => api('records:archive', { kind, id, archived: true }));
    if (result) {
      setImpact(null);
      announceUndoable(`${label} is gearchiveerd. Terugzetten kan bij Archief.`, null);
      onDeleted?.();
    }
  };
  if (!impact) {
    return (
      <>
        <button type="button" className="link-button danger-link" onClick={open} disabled={action.busy} aria-label={buttonLabel ?? `${label} verwijderen`}>
          Verwijderen
        </button>
        <ErrorMessage message={action.error} />
      </>
    );
  }
  return (
    <div className="confirm-box" role="group" aria-label={`${label} verwijderen?`}>
      {impact.canDelete ? (
        <p>
          Dit verwijdert {impact.noun} <strong>{impact.label}</strong>
          {impact.removes.length > 0 ? ` en ${lines(impact.removes)}` : ''}. Je kunt dit direct daarna ongedaan maken.
        </p>
      ) : (
        <p>
          <strong>{impact.label}</strong> kan niet worden verwijderd: er hangen nog {lines(impact.blockers)} aan.
          {impact.canArchive ? ' Archiveren verbergt het uit de lijsten en bewaart alle geschiedenis.' : ''}
        </p>
      )}
      <div className="row">
        {impact.canDelete ? (
          <button type="button" className="danger" onClick={remove} disabled={action.busy}>
            Ja, verwijderen
          </button>
        ) : null}
        {!impact.canDelete && impact.canArchive ? (
          <button type="button" onClick={archive} disabled={action.busy}>
            Archiveren
          </button>
        ) : null}
        <button type="button" onClick={() => setImpact(null)}>
          Annuleren
        </button>
      </div>
      <ErrorMessage message={action.error} />
    </div>
  );
}

const AREA_OF = { organisation: 'organisations', school: 'organisations', group: 'groups', participant: 'participants', session: 'sessions', trajectory: 'trajectories', interest: 'interest', action: 'actions' } as const;

/**
 * The archived records of a kind, each with "Terugzetten". Loaded when opened
 * (one call), so a screen does not pay for it on every visit or change.
 */
export function ArchiveList({ kind, organisationId, title }: { kind: RecordKind; organisationId?: number; title: string }) {
  const [open, setOpen] = useState(false);
  const archived = useChannel('records:archived', { kind, organisationId }, [AREA_OF[kind]], open);
  const action = useAction();
  const restore = (id: number) => action.run(() => api('records:archive', { kind, id, archived: false }));
  return (
    <details className="archive-list" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{title}</summary>
      {open && archived.data?.length === 0 ? <p className="muted">Niets gearchiveerd.</p> : null}
      <ul className="list">
        {(open ? archived.data ?? [] : []).map((r) => (
          <li key={r.id}>
            {r.label}{' '}
            <button type="button" className="link-button" onClick={() => restore(r.id)} aria-label={`${r.label} terugzetten`}>
              Terugzetten
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage message={action.error ?? archived.error} />
    </details>
  );
}
