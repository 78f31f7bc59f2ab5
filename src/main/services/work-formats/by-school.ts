// Scale and poll results split per school (the module notes ask for it: "als
// deelnemers van verschillende scholen komen, laat de cijfers dan per school
// zien"). An entry belongs to a school through the participant the
// facilitator linked to it; anonymous entries stay together in "Niet
// gekoppeld". Only schools and counts leave this file, never names.
//
// One query per run (entries → participants → schools), prepared once per
// database. Kept apart from results.ts so the per-type refactor of the work
// formats and this split do not touch the same lines.

import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { WorkFormat } from '../../../shared/module-format';
import type { EntryKind, SchoolSplit, SchoolSplitRow, Tally } from '../../../shared/work-formats';
import { optionsOf } from './entries';
import { tallies } from './results';

/** An entry of the run with the school of its linked participant (all null when anonymous). */
export interface SchoolEntry {
  id: number;
  kind: EntryKind;
  payload: Record<string, unknown>;
  participantId: number | null;
  schoolId: number | null;
  schoolName: string | null;
}

interface Raw {
  id: number;
  kind: EntryKind;
  payload: string;
  participant_id: number | null;
  school_id: number | null;
  school_name: string | null;
}

const SPLIT_TYPES = new Set(['schaalvraag', 'peiling', 'stelling']);

const statements = new WeakMap<Db, Statement<[number], Raw>>();
function statement(db: Db): Statement<[number], Raw> {
  let s = statements.get(db);
  if (!s) {
    s = db.prepare<[number], Raw>(
      `SELECT e.id, e.kind, e.payload, e.participant_id, p.school_id, sc.name AS school_name
       FROM entries e
       LEFT JOIN participants p ON p.id = e.participant_id
       LEFT JOIN schools sc ON sc.id = p.school_id
       WHERE e.run_id = ? AND e.pending = 0 AND e.kind IN ('rating', 'count', 'vote')
       ORDER BY e.id`,
    );
    statements.set(db, s);
  }
  return s;
}

/**
 * The run's split per school, or null when the type has none or fewer than two schools have linked entries.
 * audience: the room's screen gets only rows of at least MIN_ROOM_ROW answers (see protectSmallRows).
 */
export function schoolSplit(db: Db, runId: number, format: WorkFormat, audience = false): SchoolSplit | null {
  if (!SPLIT_TYPES.has(format.type)) return null;
  const entries = statement(db)
    .all(runId)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      participantId: r.participant_id,
      schoolId: r.school_id,
      schoolName: r.school_name,
    }));
  const split = splitBySchool(format, entries);
  return audience ? protectSmallRows(split) : split;
}

/** A row on the projector needs at least this many answers, so nobody's answer is recognisable. */
export const MIN_ROOM_ROW = 3;
const SMALL_SCHOOLS = `Andere scholen (samen)`;

/**
 * The room must not be able to read one person's answer from a school row of one or two people
 * ("Sint-Jan: 1 antwoord, gemiddeld 3"). Schools below MIN_ROOM_ROW are added together into one
 * row; if that row is still too small it joins "Niet gekoppeld". With fewer than two school rows
 * left the split is not shown in the room at all. The facilitator's own view keeps every row.
 */
export function protectSmallRows(split: SchoolSplit | null): SchoolSplit | null {
  if (!split) return null;
  const big = split.rows.filter((r) => r.school && r.n >= MIN_ROOM_ROW);
  const small = split.rows.filter((r) => r.school && r.n < MIN_ROOM_ROW);
  if (small.length === 0) return split;
  if (big.length < 2) return null;
  const others = split.rows.filter((r) => !r.school);
  const merged = addRows(SMALL_SCHOOLS, true, small);
  if (merged.n >= MIN_ROOM_ROW && small.length > 1) return { ...split, rows: [...big, merged, ...others] };
  const anonymous = others.find((r) => r.label === ANONYMOUS);
  const rest = others.filter((r) => r !== anonymous);
  return { ...split, rows: [...big, ...rest, addRows(ANONYMOUS, false, anonymous ? [...small, anonymous] : small)] };
}

function addRows(label: string, school: boolean, rows: SchoolSplitRow[]): SchoolSplitRow {
  const n = rows.reduce((sum, r) => sum + r.n, 0);
  const weighted = rows.reduce((sum, r) => sum + (r.mean ?? 0) * r.n, 0);
  const tallies = rows[0]?.tallies
    ? rows[0].tallies.map((t): Tally => ({ option: t.option, count: rows.reduce((sum, r) => sum + (r.tallies?.find((x) => x.option === t.option)?.count ?? 0), 0) }))
    : null;
  return { label, school, n, mean: rows[0]?.tallies || n === 0 ? null : Math.round((weighted / n) * 100) / 100, tallies };
}

const NO_SCHOOL = 'Zonder school';
const ANONYMOUS = 'Niet gekoppeld';

interface Group {
  label: string;
  school: boolean;
  n: number;
  sum: number;
  counts: Map<string, number>;
}

/** Pure: the split of a schaalvraag, peiling or stelling from its entries in the order entered. */
export function splitBySchool(format: WorkFormat, entries: SchoolEntry[]): SchoolSplit | null {
  if (format.type !== 'schaalvraag' && format.type !== 'peiling' && format.type !== 'stelling') return null;
  const groups = new Map<string, Group>();
  const groupOf = (e: SchoolEntry): Group => {
    const key = e.participantId === null ? 'anonymous' : e.schoolId === null ? 'no-school' : `school-${e.schoolId}`;
    let g = groups.get(key);
    if (!g) {
      const label = e.participantId === null ? ANONYMOUS : (e.schoolName ?? NO_SCHOOL);
      g = { label, school: e.participantId !== null && e.schoolId !== null, n: 0, sum: 0, counts: new Map() };
      groups.set(key, g);
    }
    return g;
  };

  if (format.type === 'schaalvraag') {
    for (const e of entries) {
      if (e.kind !== 'rating') continue;
      const value = Number(e.payload.value);
      const count = Number(e.payload.count ?? 1);
      if (!(value >= 1 && value <= 10)) continue;
      const g = groupOf(e);
      g.n += count;
      g.sum += value * count;
    }
  } else {
    // A count sets an option's total (what the facilitator counted in the room) and absorbs the
    // votes before it; a vote after it adds one. So a linked vote counts for its school only
    // when no count for its option came later; whatever the schools do not account for of the
    // overall tally is "Niet gekoppeld". The rows then always add up to the overall result.
    const options = optionsOf(format);
    const lastCount = new Map<string, number>();
    for (const e of entries) if (e.kind === 'count') lastCount.set(String(e.payload.option), e.id);
    const linked = new Map(options.map((o) => [o, 0]));
    for (const e of entries) {
      const option = String(e.payload.option);
      if (e.kind !== 'vote' || e.participantId === null || !linked.has(option)) continue;
      if ((lastCount.get(option) ?? 0) > e.id) continue;
      const g = groupOf(e);
      g.counts.set(option, (g.counts.get(option) ?? 0) + 1);
      g.n++;
      linked.set(option, linked.get(option)! + 1);
    }
    const anonymous = groupOf({ id: 0, kind: 'vote', payload: {}, participantId: null, schoolId: null, schoolName: null });
    for (const t of tallies(options, entries)) {
      const rest = Math.max(0, t.count - linked.get(t.option)!);
      anonymous.counts.set(t.option, rest);
      anonymous.n += rest;
    }
  }

  const all = [...groups.values()].filter((g) => g.n > 0);
  const schools = all.filter((g) => g.school).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  if (schools.length < 2) return null;
  const rest = [all.find((g) => !g.school && g.label === NO_SCHOOL), all.find((g) => !g.school && g.label === ANONYMOUS)];
  const options = format.type === 'schaalvraag' ? [] : optionsOf(format);
  const row = (g: Group): SchoolSplitRow => ({
    label: g.label,
    school: g.school,
    n: g.n,
    mean: format.type === 'schaalvraag' && g.n > 0 ? Math.round((g.sum / g.n) * 100) / 100 : null,
    tallies: format.type === 'schaalvraag' ? null : options.map((option): Tally => ({ option, count: g.counts.get(option) ?? 0 })),
  });
  return { type: format.type, rows: [...schools, ...rest.filter((g): g is Group => g !== undefined)].map(row) };
}
