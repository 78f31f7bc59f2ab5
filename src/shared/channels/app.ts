import { channel, none } from './define';

export interface AppInfo {
  version: string;
  dataDir: string;
  userModulesDir: string;
  databaseFile: string;
  /** True when the database holds no organisations and the demo offer was not dismissed. */
  offerDemo: boolean;
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
