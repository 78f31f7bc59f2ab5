// Attendance overview of a trajectory: participants × sessions, with rates
// per person, per school and in total. Present = aanwezig or te laat; a cell
// without a status (not ticked yet) does not count.

import type { AttendanceStatus, ParticipantRole } from '../../../shared/domain';
import type { AttendanceMatrix, MatrixSchool, Rate } from '../../../shared/trajectories';
import type { Db } from '../open';
import { getTrajectory } from './trajectories';

const rate = (present: number, counted: number): Rate => ({
  present,
  counted,
  rate: counted === 0 ? null : present / counted,
});

export function attendanceMatrix(db: Db, trajectoryId: number): AttendanceMatrix {
  const trajectory = getTrajectory(db, trajectoryId);
  const sessions = db
    .prepare('SELECT id, date, module_title FROM sessions WHERE trajectory_id = ? ORDER BY date, id')
    .all(trajectoryId) as { id: number; date: string; module_title: string }[];
  const people = db
    .prepare(
      `SELECT p.id, p.name, p.role, p.school_id, sc.name AS school_name, p.erased_at
       FROM participants p LEFT JOIN schools sc ON sc.id = p.school_id
       WHERE p.id IN (
         SELECT gm.participant_id FROM group_members gm WHERE gm.group_id = ?
         UNION
         SELECT a.participant_id FROM sessions s JOIN attendance a ON a.session_id = s.id WHERE s.trajectory_id = ?)
       ORDER BY sc.name COLLATE NOCASE, p.name COLLATE NOCASE, p.id`,
    )
    .all(trajectory.groupId ?? -1, trajectoryId) as {
    id: number;
    name: string;
    role: ParticipantRole;
    school_id: number | null;
    school_name: string | null;
    erased_at: string | null;
  }[];
  const marks = db
    .prepare(
      `SELECT a.session_id, a.participant_id, a.status
       FROM sessions s JOIN attendance a ON a.session_id = s.id WHERE s.trajectory_id = ?`,
    )
    .all(trajectoryId) as { session_id: number; participant_id: number; status: AttendanceStatus }[];
  const cell = new Map(marks.map((m) => [`${m.participant_id}:${m.session_id}`, m.status]));

  const schools = new Map<string, MatrixSchool>();
  let totalPresent = 0;
  let totalCounted = 0;
  const rows = people.map((p) => {
    const cells = sessions.map((s) => cell.get(`${p.id}:${s.id}`) ?? null);
    const counted = cells.filter((c) => c !== null).length;
    const present = cells.filter((c) => c === 'aanwezig' || c === 'te_laat').length;
    totalPresent += present;
    totalCounted += counted;
    const key = String(p.school_id);
    const school = schools.get(key) ?? {
      schoolId: p.school_id,
      schoolName: p.school_name ?? 'Zonder school',
      ...rate(0, 0),
    };
    Object.assign(school, rate(school.present + present, school.counted + counted));
    schools.set(key, school);
    return {
      participantId: p.id,
      name: p.name,
      role: p.role,
      schoolId: p.school_id,
      schoolName: p.school_name,
      erased: p.erased_at !== null,
      cells,
      ...rate(present, counted),
    };
  });
  return {
    trajectoryId,
    sessions: sessions.map((s) => ({ id: s.id, date: s.date, moduleTitle: s.module_title })),
    rows,
    schools: [...schools.values()],
    total: rate(totalPresent, totalCounted),
  };
}
