// Progress per school on the stappenplan of the Gezonde School-aanpak within a trajectory.

import { AppError } from '../../../shared/errors';
import { STAPPEN, STAP_LABELS, type StapKey } from '../../../shared/stappenplan';
import type { StepsOverview } from '../../../shared/trajectories';
import type { Db } from '../open';
import { getSchool } from './organisations';
import { getTrajectory, trajectorySchools } from './trajectories';

export function getSteps(db: Db, trajectoryId: number): StepsOverview {
  const trajectory = getTrajectory(db, trajectoryId);
  const schools = trajectorySchools(db, trajectory);
  const progress = db
    .prepare('SELECT school_id, step_key, done_on, notes FROM step_progress WHERE trajectory_id = ?')
    .all(trajectoryId) as { school_id: number; step_key: string; done_on: string | null; notes: string | null }[];
  const open = db
    .prepare(
      `SELECT school_id, step_key, count(*) AS n FROM actions
       WHERE trajectory_id = ? AND step_key IS NOT NULL AND status IN ('open','bezig')
       GROUP BY school_id, step_key`,
    )
    .all(trajectoryId) as { school_id: number | null; step_key: string; n: number }[];
  const key = (schoolId: number | null, step: string) => `${schoolId}:${step}`;
  const byKey = new Map(progress.map((p) => [key(p.school_id, p.step_key), p]));
  const openByKey = new Map(open.map((o) => [key(o.school_id, o.step_key), o.n]));
  return {
    trajectoryId,
    steps: STAPPEN.map((s) => ({ key: s.key, label: s.label })),
    schools: schools.map((school) => {
      const steps = STAPPEN.map((s) => {
        const p = byKey.get(key(school.id, s.key));
        return {
          key: s.key,
          label: s.label,
          doneOn: p?.done_on ?? null,
          notes: p?.notes ?? null,
          openActions: openByKey.get(key(school.id, s.key)) ?? 0,
        };
      });
      return { schoolId: school.id, schoolName: school.name, steps, done: steps.filter((s) => s.doneOn).length };
    }),
  };
}

/** Sets when a school took a step (null: not yet) and the notes. */
export function setStep(
  db: Db,
  input: { trajectoryId: number; schoolId: number; stepKey: StapKey; doneOn?: string | null; notes?: string | null },
): StepsOverview {
  const trajectory = getTrajectory(db, input.trajectoryId);
  const school = getSchool(db, input.schoolId);
  if (school.organisationId !== trajectory.organisationId) {
    throw new AppError('ongeldige_invoer', `${school.name} hoort niet bij ${trajectory.organisationName}.`);
  }
  if (!(input.stepKey in STAP_LABELS)) throw new AppError('ongeldige_invoer', 'Onbekende stap in het stappenplan.');
  const current = db
    .prepare('SELECT done_on, notes FROM step_progress WHERE trajectory_id = ? AND school_id = ? AND step_key = ?')
    .get(input.trajectoryId, input.schoolId, input.stepKey) as { done_on: string | null; notes: string | null } | undefined;
  const doneOn = input.doneOn !== undefined ? input.doneOn : (current?.done_on ?? null);
  const notes = input.notes !== undefined ? input.notes : (current?.notes ?? null);
  db.prepare(
    `INSERT INTO step_progress (trajectory_id, school_id, step_key, done_on, notes) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (trajectory_id, school_id, step_key)
     DO UPDATE SET done_on = excluded.done_on, notes = excluded.notes,
                   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
  ).run(input.trajectoryId, input.schoolId, input.stepKey, doneOn, notes);
  return getSteps(db, input.trajectoryId);
}
