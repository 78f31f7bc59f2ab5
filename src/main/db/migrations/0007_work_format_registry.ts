// Migration 7: work-format types and entry kinds become rows of two small
// tables instead of CHECK lists, so adding a type is an INSERT in a later
// migration, never another table rebuild (issue 16). The same rebuild adds
// what answers from phones need:
// - entries.source: who typed the entry (the facilitator, or a phone in the room);
// - entries.device_key: a per-session hash of a phone's random token, only to keep
//   one answer per phone per question; cleared when the session ends (AVG);
// - entries.pending: free text from a phone waits for the facilitator before it
//   counts or reaches the projector;
// - work_format_runs.phone_state: whether phones may answer this run now ('voting':
//   a brainstorm's dot voting).
// Runs with foreign keys off (see migrate() in open.ts) and ends with a
// foreign_key_check, as SQLite's documented table-rebuild procedure asks.

const TYPES = ['peiling', 'stelling', 'brainstorm', 'rondje', 'schaalvraag', 'rangorde', 'opdracht', 'actieplan', 'check-in', 'check-out'];
const KINDS = ['count', 'vote', 'argument', 'card', 'cluster', 'contribution', 'rating', 'rank', 'word', 'score', 'action'];
const values = (list: string[]) => list.map((v) => `('${v}')`).join(', ');

export default /* sql */ `
CREATE TABLE work_format_types (type TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO work_format_types (type) VALUES ${values(TYPES)};
CREATE TABLE entry_kinds (kind TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO entry_kinds (kind) VALUES ${values(KINDS)};

CREATE TABLE work_format_runs_new (
  id                INTEGER PRIMARY KEY,
  session_id        INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  slide_id          TEXT,
  work_format_id    TEXT NOT NULL,
  module_version    TEXT NOT NULL,
  type              TEXT NOT NULL REFERENCES work_format_types(type),
  ad_hoc            INTEGER NOT NULL DEFAULT 0 CHECK (ad_hoc IN (0,1)),
  declaration       TEXT NOT NULL CHECK (json_valid(declaration)),
  revealed          INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0,1)),
  timer_started_at  INTEGER,
  timer_ms          INTEGER,
  timer_paused_at   INTEGER,
  timer_paused_ms   INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  phone_state       TEXT NOT NULL DEFAULT 'off' CHECK (phone_state IN ('off','open','voting','closed'))
);
INSERT INTO work_format_runs_new (id, session_id, slide_id, work_format_id, module_version, type, ad_hoc, declaration,
                                  revealed, timer_started_at, timer_ms, timer_paused_at, timer_paused_ms, created_at)
  SELECT id, session_id, slide_id, work_format_id, module_version, type, ad_hoc, declaration,
         revealed, timer_started_at, timer_ms, timer_paused_at, timer_paused_ms, created_at
  FROM work_format_runs;

CREATE TABLE entries_new (
  id              INTEGER PRIMARY KEY,
  run_id          INTEGER NOT NULL REFERENCES work_format_runs(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL REFERENCES entry_kinds(kind),
  payload         TEXT NOT NULL CHECK (json_valid(payload)),
  participant_id  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  source          TEXT NOT NULL DEFAULT 'facilitator' CHECK (source IN ('facilitator','phone')),
  device_key      TEXT CHECK (device_key IS NULL OR length(device_key) BETWEEN 16 AND 128),
  pending         INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0,1))
);
INSERT INTO entries_new (id, run_id, kind, payload, participant_id, created_at, updated_at)
  SELECT id, run_id, kind, payload, participant_id, created_at, updated_at FROM entries;

DROP TABLE entries;
DROP TABLE work_format_runs;
ALTER TABLE work_format_runs_new RENAME TO work_format_runs;
ALTER TABLE entries_new RENAME TO entries;

CREATE INDEX work_format_runs_by_session ON work_format_runs(session_id, id);
CREATE INDEX work_format_runs_by_slide ON work_format_runs(session_id, slide_id, work_format_id);
CREATE INDEX entries_by_run ON entries(run_id, id);
CREATE INDEX entries_by_participant ON entries(participant_id);
CREATE INDEX entries_by_device ON entries(run_id, device_key) WHERE device_key IS NOT NULL;
CREATE INDEX entries_pending ON entries(run_id) WHERE pending = 1;
`;
