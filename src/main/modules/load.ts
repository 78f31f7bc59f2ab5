// The file-system edge of the module parser: finds `<dir>/<id>/module.md`
// in the built-in and the facilitator's own module folders. A broken module
// is reported and skipped; the others load.

import fs from 'node:fs';
import path from 'node:path';
import type { ModuleLibrary, ModuleProblem, ModuleSummary, ParsedModule } from '../../shared/module-format';
import { parseModule, summarise } from './parse';

export const MODULE_FILE = 'module.md';
/** A module text larger than this is surely not a deck (and would slow the app down). */
const MAX_MODULE_BYTES = 1_000_000;

export interface ModuleDir {
  path: string;
  origin: 'ingebouwd' | 'eigen';
}

export interface LoadedLibrary {
  modules: ParsedModule[];
  library: ModuleLibrary;
}

export function loadModuleLibrary(dirs: ModuleDir[]): LoadedLibrary {
  const modules: ParsedModule[] = [];
  const summaries: ModuleSummary[] = [];
  const errors: ModuleProblem[] = [];
  const warnings: ModuleProblem[] = [];
  const seenIds = new Map<string, string>();

  for (const dir of dirs) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir.path, { withFileTypes: true });
    } catch (e) {
      // The facilitator's own folder need not exist; a missing built-in folder is a real problem.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && dir.origin === 'eigen') continue;
      errors.push({ file: dir.path, line: 0, message: `De modulemap kan niet worden gelezen (${(e as Error).message}).` });
      continue;
    }
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const folder = path.join(dir.path, entry.name);
      const file = path.join(folder, MODULE_FILE);
      let source: string;
      try {
        const size = fs.statSync(file).size;
        if (size > MAX_MODULE_BYTES) {
          errors.push({ file, line: 0, message: `Het bestand is te groot (${Math.round(size / 1000)} kB); een module is hoogstens 1000 kB.` });
          continue;
        }
        source = fs.readFileSync(file, 'utf8');
      } catch (e) {
        const message =
          (e as NodeJS.ErrnoException).code === 'ENOENT'
            ? `De map "${entry.name}" bevat geen ${MODULE_FILE}.`
            : `Het bestand kan niet worden gelezen (${(e as Error).message}).`;
        errors.push({ file, line: 0, message });
        continue;
      }
      const { module, problems, warnings: found } = parseModule(source, file, folder);
      errors.push(...problems);
      warnings.push(...found);
      if (!module) continue;
      if (module.meta.id !== entry.name) {
        errors.push({ file, line: 2, message: `De id "${module.meta.id}" moet gelijk zijn aan de mapnaam "${entry.name}".` });
        continue;
      }
      const earlier = seenIds.get(module.meta.id);
      if (earlier) {
        errors.push({ file, line: 2, message: `Er is al een module met id "${module.meta.id}" (${earlier}).` });
        continue;
      }
      seenIds.set(module.meta.id, file);
      modules.push(module);
      const { subtitle } = module.meta;
      summaries.push({
        id: module.meta.id,
        title: module.meta.title,
        ...(subtitle ? { subtitle } : {}),
        version: module.meta.version,
        sectors: module.meta.sectors,
        minutes: module.meta.minutes,
        ...summarise(module),
        file,
        origin: dir.origin,
      });
    }
  }
  return { modules, library: { modules: summaries, errors, warnings } };
}
