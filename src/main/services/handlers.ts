// One handler per contract channel. Input is already validated by
// dispatch(); each handler is one user action and, where it writes, one
// SQLite transaction committed before it returns (autosave).

import type { Handlers } from '../ipc/dispatch';
import type { Db } from '../db/open';
import type { CoreConfig, CorePaths } from '../core';
import type { ModuleService } from './modules';
import * as orgs from '../db/repositories/organisations';
import * as people from '../db/repositories/participants';
import * as groups from '../db/repositories/groups';
import * as sessions from '../db/repositories/sessions';
import * as attendance from '../db/repositories/attendance';
import { getSetting, setSetting } from '../db/repositories/settings';
import { loadDemoData } from '../demo/demo-data';
import { buildSessionReport, sessionReportFileName } from './reports';
import { writeFileAtomic } from './files';
import { countPdfPages } from './pdf-pages';

export function createHandlers(deps: {
  db: Db;
  modules: ModuleService;
  paths: CorePaths;
  config: CoreConfig;
}): Handlers {
  const { db, modules, paths, config } = deps;
  const emit = config.emit ?? (() => {});
  const tx = <T>(fn: () => T): T => db.transaction(fn)();

  return {
    'app:info': () => ({
      version: config.appVersion ?? '0.0.0',
      dataDir: paths.dataDir,
      userModulesDir: paths.userModulesDir,
      databaseFile: paths.databaseFile,
      offerDemo: orgs.countOrganisations(db) === 0 && getSetting(db, 'demo.dismissed') !== '1',
    }),
    'app:dismissDemo': () => setSetting(db, 'demo.dismissed', '1'),
    'demo:load': () => {
      const result = loadDemoData(db, modules, { today: (config.now ?? (() => new Date()))() });
      emit('data:changed', { area: 'organisations' });
      return result;
    },

    'modules:list': () => modules.library(),
    'modules:reload': () => {
      const library = modules.reload();
      emit('data:changed', { area: 'modules' });
      return library;
    },
    'modules:get': ({ id }) => modules.get(id),

    'organisations:list': () => orgs.listOrganisations(db),
    'organisations:create': (input) => {
      const created = tx(() => orgs.createOrganisation(db, input));
      emit('data:changed', { area: 'organisations' });
      return created;
    },
    'schools:list': ({ organisationId }) => orgs.listSchools(db, organisationId),
    'schools:create': (input) => {
      const created = tx(() => orgs.createSchool(db, input));
      emit('data:changed', { area: 'organisations' });
      return created;
    },

    'participants:list': (filter) => people.listParticipants(db, filter ?? {}),
    'participants:create': (input) => {
      const created = tx(() => people.createParticipant(db, input));
      emit('data:changed', { area: 'participants' });
      return created;
    },

    'groups:list': (filter) => groups.listGroups(db, filter ?? {}),
    'groups:create': (input) => {
      const created = tx(() => groups.createGroup(db, input));
      emit('data:changed', { area: 'groups' });
      return created;
    },
    'groups:addMember': ({ groupId, participantId }) => {
      tx(() => groups.addGroupMember(db, groupId, participantId));
      emit('data:changed', { area: 'groups' });
    },
    'groups:removeMember': ({ groupId, participantId }) => {
      tx(() => groups.removeGroupMember(db, groupId, participantId));
      emit('data:changed', { area: 'groups' });
    },

    'sessions:list': (filter) => sessions.listSessions(db, filter ?? {}),
    'sessions:get': ({ id }) => sessions.getSession(db, id),
    'sessions:create': (input) => {
      // The session remembers the module version it was planned with.
      const module = modules.get(input.moduleId);
      const created = tx(() =>
        sessions.createSession(db, {
          groupId: input.groupId,
          module: { id: module.meta.id, version: module.meta.version, title: module.meta.title },
          date: input.date,
          startTime: input.startTime,
          location: input.location,
          facilitator: input.facilitator,
        }),
      );
      emit('data:changed', { area: 'sessions' });
      return created;
    },

    'attendance:list': ({ sessionId }) => attendance.listAttendance(db, sessionId),
    'attendance:set': (input) => {
      tx(() => attendance.setAttendance(db, input));
      emit('data:changed', { area: 'attendance' });
      return attendance.listAttendance(db, input.sessionId);
    },

    'reports:exportSession': async ({ sessionId, pseudonymise }) => {
      const session = sessions.getSession(db, sessionId);
      // Render first: a failure here must not cost the user a dialog.
      const pdf = await buildSessionReport(db, modules, sessionId, {
        pseudonymise: pseudonymise ?? false,
        fontsDir: config.fontsDir,
      });
      const target = await config.host.chooseSavePath({
        title: 'Sessieverslag opslaan',
        defaultName: sessionReportFileName(session),
      });
      if (!target) return { saved: false, path: null, pages: countPdfPages(pdf) };
      writeFileAtomic(target, pdf);
      return { saved: true, path: target, pages: countPdfPages(pdf) };
    },
  };
}
