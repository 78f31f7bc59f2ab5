// Output of `modules check`: one line per valid module, `file:line: message`
// per problem, and the Markdown table of decks kept in modules/README.md.

import path from 'node:path';
import type { ModuleLibrary } from '../../shared/module-format';

export interface CheckReportJson {
  modules: { id: string; title: string; minutes: number; slides: number; workFormats: number; sectors: string[] }[];
  errors: { file: string; line: number; message: string }[];
  warnings: { file: string; line: number; message: string }[];
}

function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function formatCheckReport(library: ModuleLibrary): string {
  const out: string[] = [];
  for (const m of library.modules) {
    out.push(
      `ok  ${m.id} — ${m.title}: ${m.blocks} blokken, ${m.slides} dia's, ${m.minutes} minuten, ` +
        `${m.workFormats} werkvormen (${m.sectors.join(', ')})`,
    );
  }
  for (const e of library.errors) out.push(`${shown(e.file)}:${e.line}: ${e.message}`);
  const warnings = library.warnings ?? [];
  // Warnings come after the errors and are marked, so a grep for "fout" or the exit code is unaffected.
  for (const w of warnings) out.push(`${shown(w.file)}:${w.line}: waarschuwing: ${w.message}`);
  const files = new Set(library.errors.map((e) => e.file)).size;
  const warned = warnings.length === 0 ? '' : `; ${warnings.length} waarschuwing(en)`;
  out.push(
    library.errors.length === 0
      ? `${library.modules.length} modules in orde, 0 fouten${warned}.`
      : `${library.modules.length} modules in orde; ${library.errors.length} problemen in ${files} bestand(en)${warned}.`,
  );
  return out.join('\n');
}

export function checkReportJson(library: ModuleLibrary): CheckReportJson {
  return {
    modules: library.modules.map((m) => ({
      id: m.id,
      title: m.title,
      minutes: m.minutes,
      slides: m.slides,
      workFormats: m.workFormats,
      sectors: [...m.sectors],
    })),
    errors: library.errors.map((e) => ({ file: shown(e.file), line: e.line, message: e.message })),
    warnings: (library.warnings ?? []).map((w) => ({ file: shown(w.file), line: w.line, message: w.message })),
  };
}

export const TABLE_START = '<!-- modules-tabel:start -->';
export const TABLE_END = '<!-- modules-tabel:end -->';

/** The table of decks in modules/README.md, generated from the same data as the check. */
export function modulesTableMarkdown(library: ModuleLibrary): string {
  const rows = library.modules
    .filter((m) => m.origin === 'ingebouwd')
    .map((m) => `| \`${m.id}\` | ${m.title} | ${m.sectors.join(', ')} | ${m.minutes} | ${m.blocks} | ${m.slides} | ${m.workFormats} |`);
  return ['| id | titel | sectoren | minuten | blokken | dia\'s | werkvormen |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** Replaces the text between the table markers; returns the document unchanged when they are missing. */
export function withModulesTable(readme: string, table: string): string {
  const a = readme.indexOf(TABLE_START);
  const b = readme.indexOf(TABLE_END);
  if (a < 0 || b < a) return readme;
  return `${readme.slice(0, a + TABLE_START.length)}\n${table}\n${readme.slice(b)}`;
}
