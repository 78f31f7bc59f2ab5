// Migration 2: a session's own agenda, the module text it was planned with,
// and the presenting event log (clocks are folded from it; see
// src/shared/presenting/clock.ts).

export default /* sql */ `
-- The module text per version, stored once, so a later edit of the module
-- file never changes a past or planned session.
-- Keyed by the SHA-256 of the text: an edit without a version bump is kept apart too.
CREATE TABLE module_snapshots (
  hash        TEXT PRIMARY KEY,
  module_id   TEXT NOT NULL,
  version     TEXT NOT NULL,
  source      TEXT NOT NULL,
  stored_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
) WITHOUT ROWID;
ALTER TABLE sessions ADD COLUMN module_snapshot TEXT REFERENCES module_snapshots(hash);

-- JSON (src/shared/presenting/agenda.ts); set when the session is planned.
ALTER TABLE sessions ADD COLUMN agenda TEXT;

CREATE TABLE presenting_events (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  at          INTEGER NOT NULL,               -- milliseconds since the epoch
  type        TEXT NOT NULL CHECK (type IN ('start','goto','pause','resume','extend','end')),
  item_key    TEXT,
  slide_id    TEXT,
  minutes     INTEGER
);
CREATE INDEX presenting_events_by_session ON presenting_events(session_id, id);
`;
