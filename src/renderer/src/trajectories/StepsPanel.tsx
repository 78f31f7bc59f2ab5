// The stappenplan per school: an overview (steps × schools) and, for the
// school chosen, a checkbox, date and notes per step.

import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { Empty, ErrorMessage, Field, Panel } from '../ui/parts';
import { shortDate, todayIso } from '../ui/format';
import type { SchoolSteps, StepCell } from '../../../shared/trajectories';

export function StepsPanel({ trajectoryId }: { trajectoryId: number }) {
  const overview = useChannel('steps:get', { trajectoryId }, ['steps', 'groups', 'participants']);
  const [schoolId, setSchoolId] = useState<number | null>(null);
  const schools = overview.data?.schools ?? [];
  const active = schools.find((s) => s.schoolId === schoolId) ?? schools[0];
  return (
    <Panel title="Stappenplan per school">
      <ErrorMessage message={overview.error} />
      {overview.data && schools.length === 0 ? (
        <Empty>Nog geen scholen: voeg deelnemers van de scholen toe aan de groep van dit traject.</Empty>
      ) : null}
      {overview.data && schools.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="table steps-overview">
              <thead>
                <tr>
                  <th>Stap</th>
                  {schools.map((s) => (
                    <th key={s.schoolId}>
                      {s.schoolName}
                      <div className="muted small">
                        {s.done} van {overview.data!.steps.length}
                      </div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {overview.data.steps.map((step, i) => (
                  <tr key={step.key}>
                    <th scope="row">
                      {i + 1}. {step.label}
                    </th>
                    {schools.map((s) => {
                      const cell = s.steps[i]!;
                      return (
                        <td key={s.schoolId} className={cell.doneOn ? 'step-done' : 'step-open'}>
                          {cell.doneOn ? `✓ ${shortDate(cell.doneOn)}` : '—'}
                          {cell.openActions > 0 ? (
                            <span className="badge" title="Open acties">
                              {cell.openActions} open
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row" role="group" aria-label="School kiezen">
            <span className="field-label">Bijwerken voor</span>
            {schools.map((s) => (
              <button
                key={s.schoolId}
                type="button"
                className={s.schoolId === active?.schoolId ? 'choice-inline active' : 'choice-inline'}
                aria-pressed={s.schoolId === active?.schoolId}
                onClick={() => setSchoolId(s.schoolId)}
              >
                {s.schoolName}
              </button>
            ))}
          </div>
          {active ? <SchoolStepsEditor key={active.schoolId} trajectoryId={trajectoryId} school={active} onSaved={overview.reload} /> : null}
        </>
      ) : null}
    </Panel>
  );
}

function SchoolStepsEditor({ trajectoryId, school, onSaved }: { trajectoryId: number; school: SchoolSteps; onSaved: () => void }) {
  return (
    <ol className="steps-editor" aria-label={`Stappen van ${school.schoolName}`}>
      {school.steps.map((cell) => (
        <StepRow key={cell.key} trajectoryId={trajectoryId} schoolId={school.schoolId} schoolName={school.schoolName} cell={cell} onSaved={onSaved} />
      ))}
    </ol>
  );
}

function StepRow({
  trajectoryId,
  schoolId,
  schoolName,
  cell,
  onSaved,
}: {
  trajectoryId: number;
  schoolId: number;
  schoolName: string;
  cell: StepCell;
  onSaved: () => void;
}) {
  const [notes, setNotes] = useState(cell.notes ?? '');
  useEffect(() => setNotes(cell.notes ?? ''), [cell.notes]);
  // Shown at once; the overview from main follows.
  const [doneOn, setDoneOn] = useState(cell.doneOn);
  useEffect(() => setDoneOn(cell.doneOn), [cell.doneOn]);
  const action = useAction();
  const save = async (next: string | null, text = notes) => {
    setDoneOn(next);
    const saved = await action.run(() => api('steps:set', { trajectoryId, schoolId, stepKey: cell.key, doneOn: next, notes: text }));
    if (saved) onSaved();
    else setDoneOn(cell.doneOn);
  };
  return (
    <li className={doneOn ? 'step-row done' : 'step-row'}>
      <label className="inline-check step-check">
        <input
          type="checkbox"
          checked={doneOn !== null}
          onChange={(e) => save(e.target.checked ? todayIso() : null)}
          disabled={action.busy}
          aria-label={`${cell.label} gedaan (${schoolName})`}
        />
        <span>{cell.label}</span>
      </label>
      <Field label="Datum">
        <input
          type="date"
          value={doneOn ?? ''}
          onChange={(e) => save(e.target.value || null)}
          disabled={action.busy}
          aria-label={`Datum ${cell.label} (${schoolName})`}
        />
      </Field>
      <Field label="Notitie">
        <input
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          onBlur={() => {
            if (notes !== (cell.notes ?? '')) void save(doneOn, notes);
          }}
          aria-label={`Notitie ${cell.label} (${schoolName})`}
        />
      </Field>
      {cell.openActions > 0 ? <span className="badge">{cell.openActions} open acties</span> : <span />}
      <ErrorMessage message={action.error} />
    </li>
  );
}
