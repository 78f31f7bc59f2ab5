// Electron entry. The shell's wiring lives in src/main/shell/ (tested with a
// fake `electron` module); all behaviour is in the core (src/main/core.ts),
// tested without Electron.

import { startShell } from './shell/app';

startShell({ mainDir: __dirname, env: process.env });
