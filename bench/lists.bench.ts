// Lists and overviews on the ten-year dataset (issue 6): the time to open the
// database through the app's real open path (target ≤ 200 ms) and, for each
// list and overview screen's query, median and p95 over varying parameters
// (target p95 ≤ 20 ms). Calls the real repository and service functions.
//
//   npx tsx bench/lists.bench.ts
//
// The dataset is generated once into bench/results/ (see generate-dataset.ts).

import { openDatabase, type Db } from '../src/main/db/open';
import { listActions } from '../src/main/db/repositories/actions';
import { listAttendance } from '../src/main/db/repositories/attendance';
import { attendanceMatrix } from '../src/main/db/repositories/attendance-matrix';
import { listGroups } from '../src/main/db/repositories/groups';
import { listInterest } from '../src/main/db/repositories/interest';
import { listOrganisations, listSchools } from '../src/main/db/repositories/organisations';
import { listParticipants } from '../src/main/db/repositories/participants';
import { listSessions } from '../src/main/db/repositories/sessions';
import { getSteps } from '../src/main/db/repositories/steps';
import { getTrajectoryDetail, listTrajectories } from '../src/main/db/repositories/trajectories';
import { createWorkFormatService } from '../src/main/services/work-formats';
import type { TrajectoryStatus } from '../src/shared/trajectories';
import { ensureDataset } from './generate-dataset';
import { figures, printFigures, sample, type Figures } from './stats';

const OPEN_RUNS = 20;
const OPEN_TARGET_MS = 200;
const RUNS = 200;
const TARGET_MS = 20;

function ids(db: Db, sql: string): number[] {
  return (db.prepare(sql).all() as { id: number }[]).map((r) => r.id);
}

/** Rows a screen shows: a list's length, or an overview's rows (matrix), schools (steps) or entries (run). */
function rowCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const o = result as Record<string, unknown>;
  for (const key of ['rows', 'schools', 'entries']) if (Array.isArray(o[key])) return (o[key] as unknown[]).length;
  return 1;
}

/** Deterministic spread over a list of parameters. */
const spread = <T>(list: T[]) => (i: number): T => list[(i * 7919) % list.length]!;

async function main(): Promise<void> {
  const t0 = performance.now();
  const { file, generated } = ensureDataset({ verbose: true });
  console.log(
    generated
      ? `Dataset gegenereerd in ${(generated.ms / 1000).toFixed(1)} s: ${JSON.stringify(generated.counts)}`
      : `Dataset hergebruikt (${((performance.now() - t0) / 1000).toFixed(1)} s): ${file}`,
  );

  const rows: Figures[] = [];
  rows.push(figures('database openen + sluiten', await sample(() => openDatabase(file).close(), OPEN_RUNS, 3), OPEN_TARGET_MS));

  const db = openDatabase(file);
  try {
    const orgs = spread(ids(db, "SELECT id FROM organisations WHERE kind NOT IN ('gemeente','ggd')"));
    const groups = spread(ids(db, 'SELECT id FROM groups'));
    const sessions = spread(ids(db, 'SELECT id FROM sessions'));
    const trajectories = spread(ids(db, 'SELECT id FROM trajectories'));
    const runs = spread(ids(db, 'SELECT id FROM work_format_runs'));
    const seasons = spread((db.prepare('SELECT DISTINCT season FROM trajectories ORDER BY season').all() as { season: string }[]).map((r) => r.season));
    const statuses = spread<TrajectoryStatus>(['lopend', 'afgerond', 'gepland', 'wachtlijst']);
    const searches = spread(['an', 'de', 'berg', 'Sanne', 'veld', 'kamp', 'Joost', 'x', 'stra', 'van der']);
    const service = createWorkFormatService(
      db,
      { moduleOf: () => { throw new Error('niet nodig voor lijsten'); } },
      () => Date.parse('2026-03-01T10:00:00Z'),
    );

    const measure = async (name: string, fn: (i: number) => unknown[] | object) => {
      let i = 0;
      let total = 0;
      let calls = 0;
      const samples = await sample(() => {
        const result = fn(i++);
        total += rowCount(result);
        calls++;
      }, RUNS);
      const avg = Math.round(total / calls);
      rows.push(figures(`${name} (~${avg} rijen)`, samples, TARGET_MS));
    };

    await measure('organisations:list', () => listOrganisations(db));
    await measure('schools:list per organisatie', (i) => listSchools(db, orgs(i)));
    // Screens always filter or page (only the CLI and exports read every row, and they are not screens).
    await measure('participants:list eerste 500 (scherm)', () => listParticipants(db, { limit: 500 }));
    await measure('participants:list per organisatie', (i) => listParticipants(db, { organisationId: orgs(i) }));
    await measure('participants:list per groep', (i) => listParticipants(db, { groupId: groups(i) }));
    await measure('participants:list zoeken, eerste 500', (i) => listParticipants(db, { search: searches(i), limit: 500 }));
    await measure('participants:list org + zoeken', (i) => listParticipants(db, { organisationId: orgs(i), search: searches(i) }));
    await measure('groups:list alle', () => listGroups(db));
    await measure('groups:list per organisatie', (i) => listGroups(db, { organisationId: orgs(i) }));
    await measure('sessions:list nieuwste 200 (scherm Sessies)', () => listSessions(db, { limit: 200 }));
    await measure('sessions:list volgende pagina', (i) => listSessions(db, { limit: 200, offset: 200 * (1 + (i % 20)) }));
    await measure('sessions:list komende 5 (scherm Start)', () => listSessions(db, { from: '2026-11-26', limit: 5 }));
    await measure('sessions:list per groep', (i) => listSessions(db, { groupId: groups(i) }));
    await measure('attendance:list per sessie', (i) => listAttendance(db, sessions(i)));
    await measure('attendance:matrix per traject', (i) => attendanceMatrix(db, trajectories(i)));
    await measure('trajectories:list eerste 200 (scherm Trajecten)', () => listTrajectories(db, { limit: 200 }));
    await measure('trajectories:list seizoen + status', (i) => listTrajectories(db, { season: seasons(i), status: statuses(i) }));
    await measure('trajectories:list zoeken', (i) => listTrajectories(db, { search: searches(i) }));
    await measure('trajectories:get (detail)', (i) => getTrajectoryDetail(db, trajectories(i)));
    await measure('interest:list alle', () => listInterest(db));
    await measure('interest:list per seizoen', (i) => listInterest(db, { season: seasons(i) }));
    await measure('interest:list zoeken', (i) => listInterest(db, { search: searches(i) }));
    await measure('actions:list per sessie', (i) => listActions(db, { sessionId: sessions(i) }));
    await measure('actions:list per groep', (i) => listActions(db, { groupId: groups(i) }));
    await measure('actions:list per traject', (i) => listActions(db, { trajectoryId: trajectories(i) }));
    await measure('steps:get per traject', (i) => getSteps(db, trajectories(i)));
    await measure('runs:list per sessie', (i) => service.list(sessions(i)));
    await measure('runs:view (resultaten)', (i) => service.view(runs(i)));
    await measure('runs:view publiek', (i) => service.view(runs(i), true));
  } finally {
    db.close();
  }
  printFigures(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
