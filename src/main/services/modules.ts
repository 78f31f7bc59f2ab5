// Keeps the loaded module library in memory; reload on request (a
// facilitator edited a file). Broken modules are reported, never fatal.

import type { ModuleLibrary, ParsedModule } from '../../shared/module-format';
import { AppError } from '../../shared/errors';
import { loadModuleLibrary } from '../modules/load';

export interface ModuleService {
  library(): ModuleLibrary;
  reload(): ModuleLibrary;
  get(id: string): ParsedModule;
  find(id: string): ParsedModule | undefined;
}

export function createModuleService(dirs: { path: string; origin: 'ingebouwd' | 'eigen' }[]): ModuleService {
  let loaded = loadModuleLibrary(dirs);
  return {
    library: () => loaded.library,
    reload() {
      loaded = loadModuleLibrary(dirs);
      return loaded.library;
    },
    find: (id) => loaded.modules.find((m) => m.meta.id === id),
    get(id) {
      const found = loaded.modules.find((m) => m.meta.id === id);
      if (!found) {
        throw new AppError('niet_gevonden', `De module "${id}" is niet gevonden of bevat fouten (zie Modules).`);
      }
      return found;
    },
  };
}
