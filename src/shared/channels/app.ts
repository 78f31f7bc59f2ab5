import { channel, none } from './define';

export interface AppInfo {
  version: string;
  dataDir: string;
  userModulesDir: string;
  databaseFile: string;
  /** True when the database holds no organisations and the demo offer was not dismissed. */
  offerDemo: boolean;
  /** Why the database could not be opened (Dutch); the start screen then offers a restore. Null when open. */
  databaseError?: string | null;
}

export interface DemoResult {
  organisations: number;
  participants: number;
  sessions: number;
}

export const appChannels = {
  'app:info': channel(none).returns<AppInfo>(),
  'app:dismissDemo': channel(none).returns<void>(),
  'demo:load': channel(none).returns<DemoResult>(),
};
