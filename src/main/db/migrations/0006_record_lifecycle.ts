// Migration 5: the life cycle of records (issue 11). Records with history are
// archived instead of deleted; a cancelled session keeps its history; a CSV
// import has an id so everything it added can be removed again; a late
// interest registration can be accepted with a visible note.

export default /* sql */ `
ALTER TABLE organisations ADD COLUMN archived_at TEXT;
ALTER TABLE groups ADD COLUMN archived_at TEXT;
ALTER TABLE participants ADD COLUMN archived_at TEXT;
ALTER TABLE trajectories ADD COLUMN archived_at TEXT;

ALTER TABLE sessions ADD COLUMN cancelled_at TEXT;
ALTER TABLE sessions ADD COLUMN cancel_reason TEXT;

CREATE TABLE imports (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  file_name        TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
ALTER TABLE participants ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
CREATE INDEX participants_by_import ON participants(import_id);

ALTER TABLE interest_registrations ADD COLUMN late_note TEXT;
`;
