import type { Db } from '../../db/open';
import type { CoreConfig, CorePaths } from '../../core';
import type { ModuleService } from '../modules';
import type { PresentingService } from '../presenting';
import type { PhoneService } from '../work-formats/phones';
import type { LanService } from '../../lan/service';
import type { Handlers } from '../../ipc/dispatch';
import type { PushEvent, PushEventName } from '../../../shared/events';
import type { BackupKind } from '../../../shared/channels/backup';

export interface HandlerDeps {
  db: Db;
  modules: ModuleService;
  paths: CorePaths;
  config: CoreConfig;
  presenting: PresentingService;
  phones: PhoneService;
  lan: LanService;
  emit: <E extends PushEventName>(event: E, payload: PushEvent[E]) => void;
  /** A backup in the backups folder before a destructive step; throws (Dutch) when it cannot be made. */
  backup: (kind: BackupKind) => Promise<void>;
  /** Runs fn in one transaction: a user action is committed whole or not at all. */
  tx: <T>(fn: () => T) => T;
}

/** The handlers for the channels of one area file. */
export type AreaHandlers<Channels> = Pick<Handlers, keyof Channels & keyof Handlers>;
