// Migration 3: coaching trajectories (scholengroepbegeleidingstrajecten)
// with capacity per season, interest registrations, progress per school on
// the stappenplan, agreed actions, and erasure of participants (AVG).

export default /* sql */ `
-- An erased participant keeps their row (attendance counts stay right) but
-- loses name and email; see repositories/privacy.ts.
ALTER TABLE participants ADD COLUMN erased_at TEXT;

-- participants:list orders by name (NOCASE) without a filter; this index spares the sort.
CREATE INDEX participants_by_name ON participants(name COLLATE NOCASE);

-- A kernteam usually belongs to one school.
ALTER TABLE groups ADD COLUMN school_id INTEGER REFERENCES schools(id) ON DELETE SET NULL;

CREATE TABLE trajectories (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  group_id         INTEGER REFERENCES groups(id) ON DELETE SET NULL,
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  season           TEXT NOT NULL CHECK (season GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
  status           TEXT NOT NULL DEFAULT 'gepland'
                   CHECK (status IN ('wachtlijst','gepland','lopend','afgerond','geannuleerd')),
  themes           TEXT NOT NULL DEFAULT '[]',   -- JSON array of module ids chosen for this group
  notes            TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX trajectories_by_season ON trajectories(season, status);
CREATE INDEX trajectories_by_organisation ON trajectories(organisation_id);
CREATE INDEX trajectories_by_status ON trajectories(status);
CREATE INDEX trajectories_by_group ON trajectories(group_id);

-- "Vol = vol": how many trajectories fit in a season.
CREATE TABLE season_capacity (
  season    TEXT PRIMARY KEY,
  capacity  INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 1000)
) WITHOUT ROWID;

ALTER TABLE sessions ADD COLUMN trajectory_id INTEGER REFERENCES trajectories(id) ON DELETE SET NULL;
CREATE INDEX sessions_by_trajectory ON sessions(trajectory_id, date);

CREATE TABLE interest_registrations (
  id                 INTEGER PRIMARY KEY,
  organisation_name  TEXT NOT NULL,
  organisation_id    INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
  contact_name       TEXT NOT NULL,
  contact_email      TEXT,
  received_on        TEXT NOT NULL,
  deadline           TEXT NOT NULL,
  season             TEXT NOT NULL,
  modules            TEXT NOT NULL DEFAULT '[]',  -- JSON array of module ids of interest
  notes              TEXT,
  status             TEXT NOT NULL DEFAULT 'nieuw' CHECK (status IN ('nieuw','omgezet','wachtlijst','afgewezen')),
  trajectory_id      INTEGER REFERENCES trajectories(id) ON DELETE SET NULL,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
-- DESC on season: the list's ORDER BY season DESC, status, received_on, id walks this index without a sort.
CREATE INDEX interest_by_season ON interest_registrations(season DESC, status, received_on);
CREATE INDEX interest_by_status ON interest_registrations(status, received_on);
CREATE INDEX interest_by_trajectory ON interest_registrations(trajectory_id);
-- For a person's data export (AVG) and erasure.
CREATE INDEX interest_by_contact_name ON interest_registrations(contact_name COLLATE NOCASE);
CREATE INDEX interest_by_contact_email ON interest_registrations(contact_email COLLATE NOCASE);

-- Which steps of the Gezonde School-aanpak a school has taken within a trajectory.
CREATE TABLE step_progress (
  trajectory_id  INTEGER NOT NULL REFERENCES trajectories(id) ON DELETE CASCADE,
  school_id      INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  step_key       TEXT NOT NULL,
  done_on        TEXT,
  notes          TEXT,
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY (trajectory_id, school_id, step_key)
) WITHOUT ROWID;

-- Agreed actions (wat / wie / wanneer), from an actieplan in a session or a
-- stappenplan step; they carry over to the group's next session.
CREATE TABLE actions (
  id              INTEGER PRIMARY KEY,
  group_id        INTEGER REFERENCES groups(id) ON DELETE CASCADE,
  session_id      INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
  trajectory_id   INTEGER REFERENCES trajectories(id) ON DELETE CASCADE,
  school_id       INTEGER REFERENCES schools(id) ON DELETE SET NULL,
  participant_id  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  step_key        TEXT,
  slide_id        TEXT,
  work_format_id  TEXT,
  what            TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
  who             TEXT,
  due             TEXT,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','bezig','gedaan','vervallen')),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX actions_by_group ON actions(group_id, status);
CREATE INDEX actions_by_session ON actions(session_id);
CREATE INDEX actions_by_trajectory ON actions(trajectory_id, school_id);
CREATE INDEX actions_by_participant ON actions(participant_id);
`;
