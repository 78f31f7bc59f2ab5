// A ten-year dataset for the benchmarks (issue 6): organisations, schools,
// participants, groups, trajectories over ten seasons, sessions, attendance,
// work-format runs with their entries, actions, interest registrations and
// stappenplan progress. The schema comes from the app's own openDatabase and
// migrations; the rows go in through raw prepared INSERTs in big
// transactions. Deterministic: the same seed gives the same file.
//
//   npx tsx bench/generate-dataset.ts [bestand]      (default: the cached file)

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/main/db/open';
import { MIGRATIONS } from '../src/main/db/migrations';
import { parseModule } from '../src/main/modules/parse';
import { PARTICIPANT_ROLES, type AttendanceStatus } from '../src/shared/domain';
import type { WorkFormat, WorkFormatType } from '../src/shared/module-format';
import { STAPPEN } from '../src/shared/stappenplan';
import { STATEMENT_SIDES } from '../src/shared/work-formats';

/** Bump when the generator's output changes: cached files with another version are not reused. */
export const DATASET_VERSION = 1;

export interface DatasetOptions {
  /** PRNG seed (default 20160901). */
  seed?: number;
  /** Multiplies every count (default 1; e.g. 0.01 for a quick test). */
  scale?: number;
  /** Prints progress to stderr. */
  verbose?: boolean;
}

export interface DatasetCounts {
  organisations: number;
  schools: number;
  participants: number;
  groups: number;
  groupMembers: number;
  trajectories: number;
  sessions: number;
  attendance: number;
  runs: number;
  entries: number;
  actions: number;
  interest: number;
  stepProgress: number;
}

export interface DatasetResult {
  file: string;
  counts: DatasetCounts;
  ms: number;
}

const BASE = {
  organisations: 320,
  participants: 10_000,
  sessions: 20_000,
  attendancePerSession: 20,
  runsPerSession: 5,
  entries: 1_000_000,
  interest: 3_000,
};

const FIRST_YEAR = 2016;
const SEASONS = 10; // 2016-2017 … 2025-2026

// --- PRNG -----------------------------------------------------------------

/** mulberry32: small, fast and deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number): boolean => next() < p;
  /** k distinct items (k ≤ list.length), in random order. */
  const sampleOf = <T>(list: readonly T[], k: number): T[] => {
    const copy = [...list];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, chance, sampleOf };
}
type Rng = ReturnType<typeof prng>;

// --- invented Dutch-looking names -----------------------------------------

const FIRST_NAMES = [
  'Anouk', 'Bram', 'Daan', 'Eline', 'Femke', 'Gijs', 'Hanneke', 'Iris', 'Jeroen', 'Joost', 'Karlijn', 'Lieke',
  'Maarten', 'Marloes', 'Niels', 'Noor', 'Pieter', 'Quinten', 'Roos', 'Sanne', 'Thijs', 'Ursula', 'Vera', 'Wouter',
  'Yara', 'Zoë', 'Ahmed', 'Fatima', 'Mehmet', 'Samira', 'Jasper', 'Ilse', 'Koen', 'Linda', 'Mirjam', 'Ruben',
  'Sven', 'Tamara', 'Wendy', 'Youssef', 'Esther', 'Floor', 'Hugo', 'Jelle', 'Nadia', 'Olaf', 'Petra', 'Rik',
];
const PREFIXES = ['', '', '', '', 'van ', 'de ', 'van der ', 'van den ', 'ter ', 'in \'t '];
const SURNAME_HEADS = ['Berg', 'Brink', 'Dijk', 'Hout', 'Kamp', 'Molen', 'Veld', 'Wal', 'Bosch', 'Meer', 'Horst', 'Linde', 'Vliet', 'Akker', 'Broek', 'Haar'];
const SURNAME_TAILS = ['', 'man', 'mans', 'stra', 'huis', 'kamp', 'ink', 'sma', 'er', 'ema', 'hof', 'ing'];
const PLACE_HEADS = ['Ooster', 'Wester', 'Noorder', 'Zuider', 'Hoog', 'Laag', 'Nieuw', 'Oud', 'Groen', 'Eiken', 'Beuken', 'Linden', 'Wilgen', 'Berken', 'Vlieder', 'Meren'];
const PLACE_TAILS = ['veld', 'dijk', 'broek', 'hoven', 'wijk', 'dam', 'horst', 'lo', 'rade', 'meer', 'burg', 'zand', 'vliet', 'beek', 'haven', 'weerd'];
const SCHOOL_KINDS = {
  po: ['Basisschool', 'Kindcentrum', 'Montessorischool', 'Daltonschool', 'Jenaplanschool'],
  vo: ['College', 'Lyceum', 'Scholengemeenschap', 'Gymnasium'],
  go: ['School voor speciaal onderwijs', 'Expertisecentrum'],
  mbo: ['Vakcollege', 'Techniek-mbo', 'Zorgcollege'],
} as const;
const SCHOOL_ADJ = ['De Regenboog', 'Het Kompas', 'De Wegwijzer', 'De Vlinder', 'Het Baken', 'De Sterrenkijker', 'De Horizon', 'Het Anker', 'De Klimboom', 'De Zeppelin'];
const GROUP_THEMES = ['Welbevinden', 'Zorgteam', 'Stuurgroep', 'Netwerk', 'Leerkring', 'Werkgroep Gezonde School'];
const WORDS = ['rust', 'verbinding', 'ruimte', 'energie', 'focus', 'vertrouwen', 'samen', 'moe', 'nieuwsgierig', 'trots', 'zorgen', 'hoop'];
const IDEAS = [
  'Vaste rustmomenten in de week', 'Mentoruur over stress', 'Ouderavond over welbevinden', 'Buddy voor nieuwe leerlingen',
  'Signaleringslijst bespreken in het zorgteam', 'Leerlingpanel instellen', 'Pauze buiten met beweging', 'Kort gesprek bij verzuim',
  'Teamscholing over groepsdynamiek', 'Afspraken met de GGD over de monitor', 'Stageplek bezoeken met mentor', 'Check-in bij de start van de les',
];

function personName(r: Rng): string {
  const surname = r.pick(SURNAME_HEADS) + r.pick(SURNAME_TAILS);
  const prefix = r.pick(PREFIXES);
  return `${r.pick(FIRST_NAMES)} ${prefix}${prefix ? surname.toLowerCase() : surname}`;
}
const place = (r: Rng) => r.pick(PLACE_HEADS) + r.pick(PLACE_TAILS);
const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '');
const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (iso: string, days: number) => isoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000));
const stamp = (iso: string, r: Rng) => `${iso}T${pad(r.int(7, 16))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}.000Z`;

// --- modules ---------------------------------------------------------------

interface ModuleInfo {
  id: string;
  version: string;
  title: string;
  formats: { slideId: string; format: WorkFormat }[];
}

function loadModules(): ModuleInfo[] {
  const root = path.resolve(__dirname, '..', 'modules');
  const out: ModuleInfo[] = [];
  for (const dir of fs.readdirSync(root).sort()) {
    const file = path.join(root, dir, 'module.md');
    if (!fs.existsSync(file)) continue;
    const parsed = parseModule(fs.readFileSync(file, 'utf8'), file, path.join(root, dir)).module;
    if (!parsed) continue;
    const formats = parsed.blocks.flatMap((b) => b.slides.flatMap((s) => (s.workFormat ? [{ slideId: s.id, format: s.workFormat }] : [])));
    out.push({ id: parsed.meta.id, version: parsed.meta.version, title: parsed.meta.title, formats });
  }
  if (out.length === 0) throw new Error(`Geen modules gevonden in ${root}.`);
  return out;
}

// --- generator ---------------------------------------------------------------

export function generateDataset(dbFile: string, options: DatasetOptions = {}): DatasetResult {
  const t0 = performance.now();
  const scale = options.scale ?? 1;
  const r = prng(options.seed ?? 20160901);
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  const log = (msg: string) => {
    if (options.verbose) process.stderr.write(`[dataset ${((performance.now() - t0) / 1000).toFixed(1)} s] ${msg}\n`);
  };

  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  // The app's own open path creates the schema.
  openDatabase(dbFile).close();

  const db = new Database(dbFile);
  // Bulk load: no journal, no fsync, no FK checks (rows are consistent by construction; checked at the end).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('secure_delete = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');

  const modules = loadModules();
  const inspiration = modules.find((m) => m.id === 'inspiratiesessie') ?? modules[0]!;
  const themeModules = modules.filter((m) => m !== inspiration);
  const counts: DatasetCounts = {
    organisations: 0, schools: 0, participants: 0, groups: 0, groupMembers: 0, trajectories: 0, sessions: 0,
    attendance: 0, runs: 0, entries: 0, actions: 0, interest: 0, stepProgress: 0,
  };
  const seasons = Array.from({ length: SEASONS }, (_, i) => `${FIRST_YEAR + i}-${FIRST_YEAR + i + 1}`);

  // Organisations and schools.
  interface Org { id: number; name: string; kind: string; schools: number[]; people: number[]; groups: number[] }
  const orgs: Org[] = [];
  const schoolOrg = new Map<number, number>();
  const schoolName = new Map<number, string>();
  db.transaction(() => {
    const insOrg = db.prepare('INSERT INTO organisations (id, name, kind, created_at) VALUES (?, ?, ?, ?)');
    const insSchool = db.prepare('INSERT INTO schools (id, organisation_id, name, sector) VALUES (?, ?, ?, ?)');
    const names = new Set<string>();
    let schoolId = 0;
    for (let i = 1; i <= n(BASE.organisations); i++) {
      const kind = i % 20 === 0 ? 'gemeente' : i % 29 === 0 ? 'ggd' : r.pick(['scholengroep', 'stichting', 'samenwerkingsverband'] as const);
      const label = { scholengroep: 'Scholengroep', stichting: 'Stichting', samenwerkingsverband: 'Samenwerkingsverband', gemeente: 'Gemeente', ggd: 'GGD' }[kind];
      let name = `${label} ${place(r)}`;
      for (let k = 2; names.has(name.toLowerCase()); k++) name = `${label} ${place(r)}${k > 3 ? ` ${k}` : ''}`;
      names.add(name.toLowerCase());
      insOrg.run(i, name, kind, stamp(`${FIRST_YEAR + r.int(0, 2)}-0${r.int(1, 9)}-1${r.int(0, 9)}`, r));
      const org: Org = { id: i, name, kind, schools: [], people: [], groups: [] };
      orgs.push(org);
      counts.organisations++;
      if (kind === 'gemeente' || kind === 'ggd') continue; // partners: no schools
      const sectorBias = r.pick(['po', 'vo', 'go', 'mbo'] as const);
      const schoolNames = new Set<string>();
      for (let s = 0, k = r.int(2, 6); s < k; s++) {
        const sector = r.chance(0.6) ? sectorBias : r.pick(['po', 'vo', 'go', 'mbo'] as const);
        let sname = `${r.pick(SCHOOL_KINDS[sector])} ${r.chance(0.5) ? r.pick(SCHOOL_ADJ) : place(r)}`;
        while (schoolNames.has(sname)) sname += ' II';
        schoolNames.add(sname);
        schoolId++;
        insSchool.run(schoolId, i, sname, sector);
        org.schools.push(schoolId);
        schoolOrg.set(schoolId, i);
        schoolName.set(schoolId, sname);
        counts.schools++;
      }
    }
  })();
  const eduOrgs = orgs.filter((o) => o.schools.length > 0);
  log(`${counts.organisations} organisaties, ${counts.schools} scholen`);

  // Participants.
  const personSchool = new Map<number, number | null>();
  const personNameOf: string[] = [];
  db.transaction(() => {
    const ins = db.prepare('INSERT INTO participants (id, organisation_id, school_id, name, role, email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let id = 1; id <= n(BASE.participants); id++) {
      const org = eduOrgs[(id - 1) % eduOrgs.length]!;
      const school = r.chance(0.93) ? r.pick(org.schools) : null;
      const name = personName(r);
      const email = r.chance(0.6) ? `${slug(name.split(' ')[0]!)}.${slug(name.split(' ').slice(1).join(''))}@${slug(org.name).slice(0, 24)}.nl` : null;
      ins.run(id, org.id, school, name, r.pick(PARTICIPANT_ROLES), email, stamp(`${FIRST_YEAR + r.int(0, 9)}-0${r.int(1, 9)}-0${r.int(1, 9)}`, r));
      org.people.push(id);
      personSchool.set(id, school);
      personNameOf[id] = name;
      counts.participants++;
    }
  })();
  log(`${counts.participants} deelnemers`);

  // Groups (a kernteam per school plus one or two wider groups) and their members.
  const groupOrg = new Map<number, Org>();
  const members = new Map<number, number[]>();
  db.transaction(() => {
    const ins = db.prepare('INSERT INTO groups (id, organisation_id, name, kind, school_id) VALUES (?, ?, ?, ?, ?)');
    const insMember = db.prepare('INSERT INTO group_members (group_id, participant_id) VALUES (?, ?)');
    let gid = 0;
    for (const org of eduOrgs) {
      const defs: { name: string; kind: 'groep' | 'kernteam'; school: number | null }[] = org.schools.map((s) => ({
        name: `Kernteam ${schoolName.get(s)}`,
        kind: 'kernteam',
        school: s,
      }));
      for (const theme of r.sampleOf(GROUP_THEMES, r.int(1, 2))) defs.push({ name: `${theme} ${org.name.split(' ').at(-1)}`, kind: 'groep', school: null });
      for (const def of defs) {
        gid++;
        ins.run(gid, org.id, def.name, def.kind, def.school);
        org.groups.push(gid);
        groupOrg.set(gid, org);
        const fromSchool = def.school === null ? org.people : org.people.filter((p) => personSchool.get(p) === def.school);
        const pool = fromSchool.length >= 20 ? fromSchool : org.people;
        const list = r.sampleOf(pool, r.int(20, 26));
        for (const p of list) insMember.run(gid, p);
        members.set(gid, list);
        counts.groups++;
        counts.groupMembers += list.length;
      }
    }
  })();
  log(`${counts.groups} groepen, ${counts.groupMembers} groepsleden`);

  // Trajectories, sessions, attendance, runs, entries, actions, step progress.
  const allGroups = [...groupOrg.keys()];
  const sessionsTotal = n(BASE.sessions);
  const entriesTotal = n(BASE.entries);
  const runsTotal = sessionsTotal * BASE.runsPerSession;
  const todayIso = '2026-03-01';
  const trajectoryOfSeason = new Map<string, number[]>();
  const insTraj = db.prepare(
    'INSERT INTO trajectories (id, organisation_id, group_id, name, season, status, themes, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insSession = db.prepare(
    `INSERT INTO sessions (id, group_id, module_id, module_version, module_title, date, start_time, location, facilitator, status, created_at, trajectory_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insAtt = db.prepare('INSERT INTO attendance (session_id, participant_id, status, walk_in, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insRun = db.prepare(
    `INSERT INTO work_format_runs (id, session_id, slide_id, work_format_id, module_version, type, ad_hoc, declaration, revealed, timer_started_at, timer_ms, timer_paused_ms, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  const insEntry = db.prepare('INSERT INTO entries (id, run_id, kind, payload, participant_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insAction = db.prepare(
    `INSERT INTO actions (id, group_id, session_id, trajectory_id, school_id, participant_id, step_key, slide_id, work_format_id, what, who, due, status, created_at, updated_at, entry_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insStep = db.prepare('INSERT INTO step_progress (trajectory_id, school_id, step_key, done_on, notes, updated_at) VALUES (?, ?, ?, ?, ?, ?)');

  let sessionId = 0;
  let trajectoryId = 0;
  let runId = 0;
  let entryId = 0;
  let actionId = 0;
  const FACILITATORS = ['M. de Wit', 'S. Bakker', 'R. Jansen', 'L. Visser', 'A. Smit'];

  const actionStatus = (date: string): 'open' | 'bezig' | 'gedaan' | 'vervallen' =>
    date >= '2025-09-01' ? r.pick(['open', 'open', 'bezig', 'gedaan'] as const) : r.chance(0.9) ? 'gedaan' : r.pick(['vervallen', 'open'] as const);

  function entriesFor(format: WorkFormat, slideId: string | null, count: number, run: number, session: number, date: string, present: number[], groupId: number, trajectory: number | null) {
    const created = stamp(date, r);
    const link = () => (present.length > 0 && r.chance(0.2) ? r.pick(present) : null);
    const put = (kind: string, payload: unknown, participant: number | null = null): number => {
      entryId++;
      insEntry.run(entryId, run, kind, JSON.stringify(payload), participant, created, created);
      counts.entries++;
      return entryId;
    };
    const type: WorkFormatType = format.type;
    const options = format.options.length > 0 ? format.options : ['Ja', 'Nee'];
    switch (type) {
      case 'peiling':
        for (let i = 0; i < count; i++) {
          if (i < options.length || r.chance(0.3)) put('count', { option: options[i % options.length], count: r.int(0, 25) });
          else put('vote', { option: r.pick(options) }, link());
        }
        break;
      case 'stelling':
        for (let i = 0; i < count; i++) {
          if (r.chance(0.6)) put('vote', { option: r.pick(STATEMENT_SIDES) }, link());
          else put('argument', { side: r.pick(STATEMENT_SIDES), text: r.pick(IDEAS) }, link());
        }
        break;
      case 'brainstorm': {
        const clusters: number[] = [];
        const cards: number[] = [];
        for (let i = 0; i < count; i++) {
          if (i > 0 && i % 6 === 0) clusters.push(put('cluster', { name: `Thema ${clusters.length + 1}` }));
          else if (cards.length === 0 || r.chance(0.55)) cards.push(put('card', { text: r.pick(IDEAS), clusterId: clusters.length > 0 && r.chance(0.5) ? r.pick(clusters) : null }, link()));
          else put('vote', { cardId: r.pick(cards), dots: r.int(1, 2) }, link());
        }
        break;
      }
      case 'rondje':
      case 'opdracht':
        for (let i = 0; i < count; i++) put('contribution', { text: r.pick(IDEAS) }, link());
        break;
      case 'schaalvraag':
        for (let i = 0; i < count; i++) put('rating', { value: r.int(3, 10), count: r.int(1, 4) });
        break;
      case 'rangorde':
        for (let i = 0; i < count; i++) put('rank', { order: r.sampleOf(options, options.length) }, link());
        break;
      case 'check-in':
      case 'check-out':
        for (let i = 0; i < count; i++) {
          if (format.answerKind === 'score') put('score', { value: r.int(4, 10) });
          else put('word', { text: r.pick(WORDS) });
        }
        break;
      case 'actieplan':
        for (let i = 0; i < count; i++) {
          const who = present.length > 0 && r.chance(0.5) ? r.pick(present) : null;
          const school = who !== null ? (personSchool.get(who) ?? null) : null;
          const due = addDays(date, r.int(14, 90));
          const what = r.pick(IDEAS);
          const eid = put('action', { what, who: who !== null ? personNameOf[who] : null, due, schoolId: school }, who);
          actionId++;
          const at = stamp(date, r);
          insAction.run(actionId, groupId, session, trajectory, school, who, null, slideId, format.id, what,
            who !== null ? personNameOf[who] : null, due, actionStatus(date), at, at, eid);
          counts.actions++;
        }
        break;
    }
  }

  let sessionsLeft = sessionsTotal;
  let batch = 0;
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  begin.run();
  while (sessionsLeft > 0) {
    // One trajectory: a group, a season, an inspiration session and 7–12 theme meetings.
    const groupId = allGroups[trajectoryId % allGroups.length]!;
    const org = groupOrg.get(groupId)!;
    const seasonIndex = (Math.floor(trajectoryId / allGroups.length) * 3 + (groupId % SEASONS)) % SEASONS;
    const season = seasons[seasonIndex]!;
    const year = FIRST_YEAR + seasonIndex;
    const meetings = Math.min(sessionsLeft, r.int(7, 12));
    const themes = r.sampleOf(themeModules, r.int(2, 4));
    trajectoryId++;
    const seasonStart = `${year}-09-01`;
    const status =
      year <= 2024 ? (r.chance(0.95) ? 'afgerond' : 'geannuleerd') : seasonStart > todayIso ? 'gepland' : 'lopend';
    // ~8 % of sessions are outside a trajectory (a group's one-off meeting).
    const inTrajectory = r.chance(0.92);
    if (inTrajectory) {
      insTraj.run(trajectoryId, org.id, groupId, `Begeleidingstraject ${org.name.split(' ').slice(1).join(' ')} ${season}`, season, status,
        JSON.stringify(themes.map((t) => t.id)), r.chance(0.3) ? 'Afspraken via de zorgcoördinator.' : null, stamp(addDays(seasonStart, -r.int(30, 120)), r));
      counts.trajectories++;
      (trajectoryOfSeason.get(season) ?? trajectoryOfSeason.set(season, []).get(season)!).push(trajectoryId);
    }
    const tid = inTrajectory ? trajectoryId : null;
    const dates = Array.from({ length: meetings }, () => addDays(seasonStart, r.int(0, 290))).sort();
    const groupMembers = members.get(groupId)!;
    const groupSchools = [...new Set(groupMembers.map((p) => personSchool.get(p)).filter((s): s is number => s != null))];
    for (let m = 0; m < meetings; m++) {
      sessionId++;
      sessionsLeft--;
      counts.sessions++;
      const module = m === 0 ? inspiration : themes[(m - 1) % themes.length]!;
      const date = dates[m]!;
      const sessionStatus = date < todayIso ? 'afgerond' : 'gepland';
      insSession.run(sessionId, groupId, module.id, module.version, module.title, date, `${pad(r.int(9, 15))}:${r.pick(['00', '30'])}`,
        r.chance(0.7) ? `${schoolName.get(r.pick(org.schools))}` : 'Online', r.pick(FACILITATORS), sessionStatus, stamp(addDays(date, -r.int(7, 60)), r), tid);
      // Attendance: exactly 20 rows; now and then a walk-in from the same organisation.
      const chosen = r.sampleOf(groupMembers, BASE.attendancePerSession);
      const present: number[] = [];
      for (let k = 0; k < chosen.length; k++) {
        let p = chosen[k]!;
        let walkIn = 0;
        if (k === chosen.length - 1 && r.chance(0.15)) {
          const other = r.pick(org.people);
          if (!groupMembers.includes(other) && !chosen.includes(other)) {
            p = other;
            walkIn = 1;
          }
        }
        const roll = r.next();
        const st: AttendanceStatus = walkIn ? 'aanwezig' : roll < 0.78 ? 'aanwezig' : roll < 0.86 ? 'te_laat' : roll < 0.95 ? 'afgemeld' : 'afwezig';
        insAtt.run(sessionId, p, st, walkIn, stamp(date, r));
        counts.attendance++;
        if (st === 'aanwezig' || st === 'te_laat') present.push(p);
      }
      // Work-format runs: five of the module's declared formats (or ad hoc ones).
      const picks = r.sampleOf(module.formats, BASE.runsPerSession);
      while (picks.length < BASE.runsPerSession) {
        picks.push({ slideId: '', format: { id: 'ter-plekke', type: 'rondje', prompt: 'Wat neem je mee?', options: [], multiple: false, minutes: 5, line: 0 } });
      }
      for (const { slideId, format } of picks) {
        runId++;
        counts.runs++;
        const adHoc = slideId === '' ? 1 : 0;
        const started = Date.parse(`${date}T10:00:00Z`);
        insRun.run(runId, sessionId, adHoc ? null : slideId, format.id, module.version, format.type, adHoc, JSON.stringify(format),
          r.chance(0.7) ? 1 : 0, sessionStatus === 'afgerond' ? started : null, sessionStatus === 'afgerond' ? format.minutes * 60_000 : null, stamp(date, r));
        const runsLeft = runsTotal - runId + 1;
        const avg = (entriesTotal - counts.entries) / runsLeft;
        const factor = format.type === 'actieplan' ? 0.4 : format.type === 'brainstorm' ? 1.5 : 1;
        const count = runsLeft === 1 ? Math.max(1, entriesTotal - counts.entries) : Math.max(1, Math.round(avg * factor * (0.7 + r.next() * 0.6)));
        entriesFor(format, adHoc ? null : slideId, count, runId, sessionId, date, present, groupId, tid);
      }
    }
    // Stappenplan progress and step actions per school of the trajectory.
    if (inTrajectory) {
      for (const school of groupSchools.slice(0, 4)) {
        const done = r.int(0, STAPPEN.length);
        for (let s = 0; s < STAPPEN.length; s++) {
          const step = STAPPEN[s]!;
          if (s < done) {
            insStep.run(trajectoryId, school, step.key, dates[Math.min(s, dates.length - 1)], r.chance(0.3) ? 'Besproken in het kernteam.' : null, stamp(dates[0]!, r));
            counts.stepProgress++;
          } else if (s === done && r.chance(0.6)) {
            insStep.run(trajectoryId, school, step.key, null, 'Loopt nog.', stamp(dates[0]!, r));
            counts.stepProgress++;
          }
          if (s <= done && r.chance(0.25)) {
            actionId++;
            const at = stamp(dates[0]!, r);
            insAction.run(actionId, groupId, null, trajectoryId, school, null, step.key, null, null, `${step.label}: ${r.pick(IDEAS)}`, null,
              addDays(dates[0]!, r.int(30, 200)), actionStatus(dates.at(-1)!), at, at, null);
            counts.actions++;
          }
        }
      }
    }
    if (++batch % 200 === 0) {
      commit.run();
      begin.run();
      log(`${counts.sessions} sessies, ${counts.entries} inbrengen`);
    }
  }
  commit.run();
  log(`${counts.trajectories} trajecten, ${counts.sessions} sessies, ${counts.entries} inbrengen`);

  // Capacity per season and interest registrations.
  db.transaction(() => {
    for (const season of seasons) db.prepare('INSERT INTO season_capacity (season, capacity) VALUES (?, ?)').run(season, 200 + r.int(0, 60));
    const ins = db.prepare(
      `INSERT INTO interest_registrations (id, organisation_name, organisation_id, contact_name, contact_email, received_on, deadline, season, modules, notes, status, trajectory_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let id = 1; id <= n(BASE.interest); id++) {
      const seasonIndex = r.int(0, SEASONS - 1);
      const season = seasons[seasonIndex]!;
      const year = FIRST_YEAR + seasonIndex;
      const known = r.chance(0.8) ? r.pick(eduOrgs) : null;
      const orgName = known?.name ?? `Stichting ${place(r)}`;
      const contact = personName(r);
      const deadline = `${year}-06-${r.pick(['01', '15', '30'])}`;
      const received = addDays(deadline, -r.int(5, 150));
      const trajectories = trajectoryOfSeason.get(season) ?? [];
      const status = r.pick(['nieuw', 'omgezet', 'omgezet', 'wachtlijst', 'afgewezen'] as const);
      const traj = status === 'omgezet' && trajectories.length > 0 ? r.pick(trajectories) : null;
      ins.run(id, orgName, known?.id ?? null, contact, r.chance(0.8) ? `${slug(contact)}@${slug(orgName).slice(0, 20)}.nl` : null, received, deadline, season,
        JSON.stringify(r.sampleOf(themeModules, r.int(1, 3)).map((m) => m.id)), r.chance(0.2) ? 'Graag na de herfstvakantie.' : null,
        traj === null && status === 'omgezet' ? 'nieuw' : status, traj, stamp(received, r));
      counts.interest++;
    }
  })();

  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`Dataset heeft ${broken.length} ongeldige verwijzingen, eerste: ${JSON.stringify(broken[0])}`);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const ms = performance.now() - t0;
  log(`klaar in ${(ms / 1000).toFixed(1)} s`);
  return { file: dbFile, counts, ms };
}

/** The cached dataset file for these options (in bench/results/, git-ignored). */
export function cachedDatasetPath(options: DatasetOptions = {}): string {
  // The schema's text is part of the key: an index added to an unshipped migration makes a new file.
  const schema = crypto.createHash('sha256').update(MIGRATIONS.map((m) => m.sql).join('\n')).digest('hex').slice(0, 10);
  const key = `v${DATASET_VERSION}-schema${MIGRATIONS.length}-${schema}-seed${options.seed ?? 20160901}-x${options.scale ?? 1}`;
  return path.resolve(__dirname, 'results', `dataset-${key}.sqlite`);
}

/** Generates the dataset once; later calls reuse the cached file. */
export function ensureDataset(options: DatasetOptions = {}): { file: string; generated: DatasetResult | null } {
  const file = cachedDatasetPath(options);
  if (fs.existsSync(file)) return { file, generated: null };
  const tmp = `${file}.tmp-${process.pid}`;
  const result = generateDataset(tmp, options);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${tmp}${suffix}`, { force: true });
  fs.renameSync(tmp, file);
  return { file, generated: { ...result, file } };
}

if (require.main === module) {
  const target = process.argv[2];
  if (target) {
    const result = generateDataset(target, { verbose: true });
    console.log(JSON.stringify(result, null, 2));
  } else {
    const { file, generated } = ensureDataset({ verbose: true });
    console.log(generated ? JSON.stringify(generated, null, 2) : `Bestaande dataset hergebruikt: ${file}`);
  }
}
