// Every row of every table, for "nothing else changed" assertions. Rows are
// JSON strings (columns in schema order), ordered by all columns, so two
// dumps compare row by row and byte for byte (text compares exactly).

import type Database from 'better-sqlite3';

export type Dump = Record<string, string[]>;

export function dumpTables(db: Database.Database): Dump {
  const tables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  const dump: Dump = {};
  for (const table of tables) {
    const columns = db.prepare('SELECT count(*) AS n FROM pragma_table_info(?)').get(table) as { n: number };
    const order = Array.from({ length: columns.n }, (_, i) => i + 1).join(', ');
    dump[table] = (db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all() as Record<string, unknown>[]).map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? `blob:${v.toString('base64')}` : v)),
    );
  }
  return dump;
}

/** The rows of `after` that differ from `before`, per table (added and removed). */
export function dumpDiff(before: Dump, after: Dump): Record<string, { removed: string[]; added: string[] }> {
  const diff: Record<string, { removed: string[]; added: string[] }> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = new Set(before[table] ?? []);
    const b = new Set(after[table] ?? []);
    const removed = [...a].filter((r) => !b.has(r));
    const added = [...b].filter((r) => !a.has(r));
    if (removed.length || added.length) diff[table] = { removed, added };
  }
  return diff;
}
