// Migration 4: interactive work formats. A run is one use of a work format in
// a session (declared in the module or added on the spot); entries are what
// the facilitator records from the room, each stored in its own transaction.

export default /* sql */ `
CREATE TABLE work_format_runs (
  id                INTEGER PRIMARY KEY,
  session_id        INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  slide_id          TEXT,
  work_format_id    TEXT NOT NULL,
  module_version    TEXT NOT NULL,
  type              TEXT NOT NULL CHECK (type IN ('peiling','stelling','brainstorm','rondje','schaalvraag',
                                                  'rangorde','opdracht','actieplan','check-in','check-out')),
  ad_hoc            INTEGER NOT NULL DEFAULT 0 CHECK (ad_hoc IN (0,1)),
  -- JSON: the WorkFormat as declared (src/shared/module-format.ts), also for ad-hoc runs.
  declaration       TEXT NOT NULL CHECK (json_valid(declaration)),
  revealed          INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0,1)),
  -- Timer (milliseconds since the epoch / durations in ms); NULL when not started.
  timer_started_at  INTEGER,
  timer_ms          INTEGER,
  timer_paused_at   INTEGER,
  timer_paused_ms   INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX work_format_runs_by_session ON work_format_runs(session_id, id);
CREATE INDEX work_format_runs_by_slide ON work_format_runs(session_id, slide_id, work_format_id);

-- Anonymous by default: participant_id is set only when the facilitator links a
-- present participant. Deleting an entry is a real delete (AVG; secure_delete is on).
CREATE TABLE entries (
  id              INTEGER PRIMARY KEY,
  run_id          INTEGER NOT NULL REFERENCES work_format_runs(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('count','vote','argument','card','cluster','contribution',
                                                'rating','rank','word','score','action')),
  payload         TEXT NOT NULL CHECK (json_valid(payload)),
  participant_id  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX entries_by_run ON entries(run_id, id);
CREATE INDEX entries_by_participant ON entries(participant_id);

-- An actieplan entry also writes an agreed action (migration 3); the action
-- outlives the entry's run if the session is deleted, so the link is SET NULL
-- and the service deletes the action when the entry is undone or deleted.
ALTER TABLE actions ADD COLUMN entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL;
CREATE INDEX actions_by_entry ON actions(entry_id);
`;
