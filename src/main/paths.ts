// Where the app finds its data, modules and fonts. Pure: Electron-specific
// inputs (userData path, packaged or not) are passed in.

import path from 'node:path';

export interface AppLocations {
  dataDir: string;
  builtinModulesDir: string;
  fontsDir: string;
}

export function appLocations(input: {
  env: NodeJS.ProcessEnv;
  userDataDir: string;
  /** Folder holding `modules/` and `resources/`: the app folder, or process.resourcesPath when packaged. */
  baseDir: string;
}): AppLocations {
  return {
    // Tests, the harness and admins can point the app at another folder.
    dataDir: input.env.SESSIEWIJZER_DATA_DIR || input.userDataDir,
    builtinModulesDir: path.join(input.baseDir, 'modules'),
    fontsDir: path.join(input.baseDir, 'resources', 'fonts'),
  };
}
