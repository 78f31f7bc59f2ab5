// All channel handlers, one file per contract area (src/shared/channels/).
// Input arrives validated by dispatch(); each handler is one user action.

import type { Handlers } from '../../ipc/dispatch';
import type { Db } from '../../db/open';
import type { CoreConfig, CorePaths } from '../../core';
import type { ModuleService } from '../modules';
import type { HandlerDeps } from './deps';
import { appHandlers } from './app';
import { moduleHandlers } from './modules';
import { peopleHandlers } from './people';
import { sessionHandlers } from './sessions';
import { reportHandlers } from './reports';
import { presentingHandlers } from './presenting';
import { trajectoryHandlers } from './trajectories';
import { workFormatHandlers } from './workformats';
import { recordHandlers } from './records';
import type { PresentingService } from '../presenting';
import type { PhoneService } from '../work-formats/phones';
import type { LanService } from '../../lan/service';
import { backupHandlers } from './backup';
import { privacyHandlers } from './privacy';
import { lanHandlers } from './lan';
import { createBackup } from '../backup';

export function createHandlers(input: {
  db: Db;
  modules: ModuleService;
  presenting: PresentingService;
  phones: PhoneService;
  lan: LanService;
  paths: CorePaths;
  config: CoreConfig;
}): Handlers {
  const deps: HandlerDeps = {
    ...input,
    emit: input.config.emit ?? (() => {}),
    tx: (fn) => input.db.transaction(fn)(),
    backup: async (kind) => {
      const now = input.config.now ?? (() => new Date());
      await createBackup(input.db, input.paths.backupsDir, kind, now(), input.config.backupWriter);
    },
  };
  return {
    ...appHandlers(deps),
    ...moduleHandlers(deps),
    ...peopleHandlers(deps),
    ...sessionHandlers(deps),
    ...reportHandlers(deps),
    ...presentingHandlers(deps),
    ...trajectoryHandlers(deps),
    ...workFormatHandlers(deps),
    ...backupHandlers(deps),
    ...privacyHandlers(deps),
    ...recordHandlers(deps),
    ...lanHandlers(deps),
  };
}
