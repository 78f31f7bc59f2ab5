import type { appChannels } from '../../../shared/channels/app';
import { countOrganisations } from '../../db/repositories/organisations';
import { getSetting, setSetting } from '../../db/repositories/settings';
import { loadDemoData } from '../../demo/demo-data';
import type { AreaHandlers, HandlerDeps } from './deps';

export function appHandlers({ db, modules, paths, config, emit }: HandlerDeps): AreaHandlers<typeof appChannels> {
  return {
    'app:info': () => ({
      version: config.appVersion ?? '0.0.0',
      dataDir: paths.dataDir,
      userModulesDir: paths.userModulesDir,
      databaseFile: paths.databaseFile,
      offerDemo: countOrganisations(db) === 0 && getSetting(db, 'demo.dismissed') !== '1',
      databaseError: null,
    }),
    'app:dismissDemo': () => setSetting(db, 'demo.dismissed', '1'),
    'demo:load': () => {
      const result = loadDemoData(db, modules, { today: (config.now ?? (() => new Date()))() });
      for (const area of ['organisations', 'participants', 'groups', 'sessions', 'attendance'] as const) {
        emit('data:changed', { area });
      }
      return result;
    },
  };
}
