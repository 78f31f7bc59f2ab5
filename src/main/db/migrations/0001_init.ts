// Migration 1: the foundation schema. Personal data is kept minimal (AVG):
// a participant has a name and a role; email is optional.

export default /* sql */ `
CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind        TEXT NOT NULL CHECK (kind IN ('scholengroep','stichting','samenwerkingsverband','gemeente','ggd')),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

CREATE TABLE schools (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  sector           TEXT NOT NULL CHECK (sector IN ('po','vo','go','mbo')),
  UNIQUE (organisation_id, name)
);

CREATE TABLE participants (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  school_id        INTEGER REFERENCES schools(id) ON DELETE SET NULL,
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  role             TEXT NOT NULL,
  email            TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX participants_by_organisation ON participants(organisation_id, name);
CREATE INDEX participants_by_school ON participants(school_id);

CREATE TABLE groups (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind             TEXT NOT NULL CHECK (kind IN ('groep','kernteam')),
  UNIQUE (organisation_id, name)
);

CREATE TABLE group_members (
  group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX group_members_by_participant ON group_members(participant_id);

CREATE TABLE sessions (
  id              INTEGER PRIMARY KEY,
  group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE RESTRICT,
  module_id       TEXT NOT NULL,
  module_version  TEXT NOT NULL,
  module_title    TEXT NOT NULL,
  date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  start_time      TEXT,
  location        TEXT,
  facilitator     TEXT,
  status          TEXT NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland','bezig','afgerond')),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX sessions_by_group ON sessions(group_id, date);
CREATE INDEX sessions_by_date ON sessions(date);

CREATE TABLE attendance (
  session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  status          TEXT NOT NULL CHECK (status IN ('aanwezig','te_laat','afgemeld','afwezig')),
  walk_in         INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0,1)),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY (session_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX attendance_by_participant ON attendance(participant_id);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
`;
