// "Sessie afronden": ending is a deliberate step with a confirmation that
// says what is still open (results not shown to the room, actions without
// an owner). Esc or "Doorgaan" closes it and nothing changes; an ended
// session can be reopened.

import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { RunSummary } from '../../../shared/work-formats';

interface OpenPoint {
  key: string;
  text: string;
}

async function openPoints(sessionId: number): Promise<OpenPoint[]> {
  const runs: RunSummary[] = await api('runs:list', { sessionId });
  const points: OpenPoint[] = runs
    .filter((r) => r.entries > 0 && !r.revealed)
    .map((r) => ({ key: `r${r.id}`, text: `Resultaat niet getoond: ${r.prompt}` }));
  // Only action plans need their entries: one request per action plan, not per row.
  const plans = runs.filter((r) => r.type === 'actieplan' && r.entries > 0);
  const views = await Promise.all(plans.map((r) => api('runs:results', { runId: r.id })));
  for (const v of views) {
    if (v.results?.type !== 'actieplan') continue;
    const ownerless = v.results.actions.filter((a) => !a.who && !a.participantName);
    if (ownerless.length > 0) {
      points.push({
        key: `a${v.run.id}`,
        text: `${ownerless.length === 1 ? '1 actie' : `${ownerless.length} acties`} zonder eigenaar: ${ownerless
          .slice(0, 3)
          .map((a) => a.what)
          .join('; ')}${ownerless.length > 3 ? ' …' : ''}`,
      });
    }
  }
  return points;
}

export function EndDialog({ sessionId, onConfirm, onCancel }: { sessionId: number; onConfirm: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [points, setPoints] = useState<OpenPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
    openPoints(sessionId).then(setPoints, (e: Error) => setError(e.message));
  }, [sessionId]);
  return (
    <dialog
      ref={dialog}
      className="end-dialog"
      aria-labelledby="end-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="end-dialog-title">Sessie afronden?</h2>
      <p>De klokken stoppen en de bloktijden gaan naar het verslag. Je kunt de sessie daarna weer heropenen.</p>
      {points === null && !error ? <p>Controleren wat nog open staat…</p> : null}
      {error ? <p className="error">{error}</p> : null}
      {points && points.length > 0 ? (
        <>
          <h3>Nog open</h3>
          <ul className="end-open" aria-label="Nog open">
            {points.map((pt) => (
              <li key={pt.key}>{pt.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {points && points.length === 0 ? <p>Er staat niets meer open.</p> : null}
      <div className="row">
        <button type="button" className="primary" onClick={onConfirm}>
          Ja, sessie afronden
        </button>
        <button type="button" autoFocus onClick={onCancel}>
          Doorgaan met presenteren
        </button>
      </div>
    </dialog>
  );
}
