// Attendance in the presenter's side panel: tick who is there and add a
// walk-in without leaving the presentation. One list query; main pushes
// 'attendance' changes.

import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { ErrorMessage } from '../ui/parts';
import { WalkIn } from '../trajectories/WalkIn';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../shared/domain';

export function AttendancePanel({ sessionId }: { sessionId: number }) {
  const session = useChannel('sessions:get', { id: sessionId }, ['sessions']);
  const attendance = useChannel('attendance:list', { sessionId }, ['attendance', 'groups']);
  const action = useAction();
  const rows = attendance.data ?? [];
  const present = rows.filter((r) => r.status === 'aanwezig' || r.status === 'te_laat').length;
  const set = async (participantId: number, status: AttendanceStatus | null) => {
    await action.run(() => api('attendance:set', { sessionId, participantId, status }));
    attendance.reload();
  };
  return (
    <section className="presenter-attendance" aria-label="Aanwezigheid">
      <h2>
        Aanwezig: <span data-present-count>{present}</span> van {rows.length}
      </h2>
      <ErrorMessage message={attendance.error ?? action.error} />
      <ul className="attendance-list">
        {rows.map((r) => (
          <li key={r.participantId}>
            <span className="attendance-name">
              {r.name}
              {r.schoolName ? <span className="muted-dark"> · {r.schoolName}</span> : null}
              {r.walkIn ? <span className="muted-dark"> · inloper</span> : null}
            </span>
            <span className="attendance-choices" role="group" aria-label={`Aanwezigheid ${r.name}`}>
              {ATTENDANCE_STATUSES.map((st) => (
                <button
                  key={st}
                  type="button"
                  aria-pressed={r.status === st}
                  aria-label={`${r.name}: ${ATTENDANCE_LABELS[st]}`}
                  onClick={() => set(r.participantId, r.status === st ? null : st)}
                >
                  {ATTENDANCE_LABELS[st]}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {session.data ? <WalkIn sessionId={sessionId} groupId={session.data.groupId} /> : null}
    </section>
  );
}
