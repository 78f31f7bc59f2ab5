// Attendance over a trajectory: participants × meetings with rates per
// person and per school; export as CSV through main's save dialog.

import { useState } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { Empty, ErrorMessage, Panel } from '../ui/parts';
import { shortDate } from '../ui/format';
import { ATTENDANCE_LABELS, type AttendanceStatus } from '../../../shared/domain';
import { percent } from './season';

const SHORT: Record<AttendanceStatus, string> = { aanwezig: '✓', te_laat: 'L', afgemeld: 'A', afwezig: '✗' };

export function MatrixPanel({ trajectoryId }: { trajectoryId: number }) {
  const matrix = useChannel('attendance:matrix', { trajectoryId }, ['attendance', 'sessions', 'participants', 'groups', 'trajectories']);
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const save = async () => {
    setSaved(null);
    const result = await action.run(() => api('attendance:saveMatrixCsv', { trajectoryId }));
    if (result?.saved) setSaved(result.path);
  };
  const m = matrix.data;
  return (
    <Panel
      title="Aanwezigheid"
      actions={
        <button type="button" onClick={save} disabled={action.busy || !m || m.sessions.length === 0}>
          Exporteren (CSV)
        </button>
      }
    >
      <ErrorMessage message={matrix.error ?? action.error} />
      {saved ? <p className="success">Opgeslagen in {saved}</p> : null}
      {m && (m.sessions.length === 0 || m.rows.length === 0) ? <Empty>Nog geen aanwezigheid om te tonen.</Empty> : null}
      {m && m.sessions.length > 0 && m.rows.length > 0 ? (
        <>
          <p className="legend small muted">
            {Object.entries(SHORT)
              .map(([k, v]) => `${v} = ${ATTENDANCE_LABELS[k as AttendanceStatus].toLowerCase()}`)
              .join(' · ')}{' '}
            · leeg = niet ingevuld. Aanwezigheid telt aanwezig en te laat mee.
          </p>
          <div className="table-scroll">
            <table className="table matrix" aria-label="Aanwezigheid per deelnemer">
              <thead>
                <tr>
                  <th>Deelnemer</th>
                  <th>School</th>
                  {m.sessions.map((s, i) => (
                    <th key={s.id} title={s.moduleTitle} className="matrix-session">
                      {i + 1}
                      <div className="muted small">{shortDate(s.date)}</div>
                    </th>
                  ))}
                  <th>Aanwezig</th>
                </tr>
              </thead>
              <tbody>
                {m.rows.map((r) => (
                  <tr key={r.participantId}>
                    <td>{r.erased ? <span className="muted">{r.name}</span> : r.name}</td>
                    <td className="small">{r.schoolName ?? '—'}</td>
                    {r.cells.map((c, i) => (
                      <td
                        key={m.sessions[i]!.id}
                        className={c ? `cell cell-${c}` : 'cell'}
                        title={c ? ATTENDANCE_LABELS[c] : 'Niet ingevuld'}
                        aria-label={c ? ATTENDANCE_LABELS[c] : 'Niet ingevuld'}
                      >
                        {c ? SHORT[c] : ''}
                      </td>
                    ))}
                    <td className="rate">
                      {percent(r.rate)} <span className="muted small">({r.present}/{r.counted})</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <table className="table rates" aria-label="Aanwezigheid per school">
            <thead>
              <tr>
                <th>School</th>
                <th>Aanwezig</th>
              </tr>
            </thead>
            <tbody>
              {m.schools.map((s) => (
                <tr key={s.schoolId ?? 'geen'}>
                  <td>{s.schoolName}</td>
                  <td className="rate">
                    {percent(s.rate)} <span className="muted small">({s.present}/{s.counted})</span>
                  </td>
                </tr>
              ))}
              <tr className="total">
                <th scope="row">Totaal</th>
                <td className="rate">
                  {percent(m.total.rate)} <span className="muted small">({m.total.present}/{m.total.counted})</span>
                </td>
              </tr>
            </tbody>
          </table>
        </>
      ) : null}
    </Panel>
  );
}
