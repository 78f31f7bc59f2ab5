// Numbered, forward-only migrations. Migration N brings the schema from
// user_version N-1 to N. Never edit a migration that has shipped: add one.

import m0001 from './0001_init';
import m0002 from './0002_presenting';
import m0003 from './0003_trajectories';
import m0004 from './0004_entries';
import m0005 from './0005_application_id';
import m0006 from './0006_record_lifecycle';
import m0007 from './0007_work_format_registry';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: '0001_init', sql: m0001 },
  { version: 2, name: '0002_presenting', sql: m0002 },
  { version: 3, name: '0003_trajectories', sql: m0003 },
  { version: 4, name: '0004_entries', sql: m0004 },
  { version: 5, name: '0005_application_id', sql: m0005 },
  { version: 6, name: '0006_record_lifecycle', sql: m0006 },
  { version: 7, name: '0007_work_format_registry', sql: m0007 },
];

/** The schema version this build of the app writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
