import { format } from 'date-fns';
import type { sessionChannels } from '../../../shared/channels/sessions';
import * as sessions from '../../db/repositories/sessions';
import * as attendance from '../../db/repositories/attendance';
import type { AreaHandlers, HandlerDeps } from './deps';

export function sessionHandlers({ db, modules, presenting, emit, tx, config }: HandlerDeps): AreaHandlers<typeof sessionChannels> {
  const now = config.now ?? (() => new Date());
  const today = () => format(now(), 'yyyy-MM-dd');
  return {
    'sessions:list': (filter) => sessions.listSessions(db, filter ?? {}),
    'sessions:get': ({ id }) => sessions.getSession(db, id),
    'sessions:create': (input) => {
      // The session remembers the module version it was planned with.
      sessions.assertDateConfirmed(input.date, today(), input.confirmPast);
      const module = modules.get(input.moduleId);
      const created = tx(() => {
        const session = sessions.createSession(db, {
          groupId: input.groupId,
          module: { id: module.meta.id, version: module.meta.version, title: module.meta.title },
          date: input.date,
          startTime: input.startTime,
          location: input.location,
          facilitator: input.facilitator,
        });
        presenting.planSession(session.id, module.meta.id);
        return session;
      });
      emit('data:changed', { area: 'sessions' });
      return created;
    },
    'sessions:reschedule': ({ id, confirmPast, ...input }) => {
      if (input.date !== undefined) sessions.assertDateConfirmed(input.date, today(), confirmPast);
      const updated = tx(() => sessions.rescheduleSession(db, id, input));
      emit('data:changed', { area: 'sessions' });
      return updated;
    },
    'sessions:cancel': ({ id, cancelled, reason }) => {
      const updated = tx(() => sessions.setSessionCancelled(db, id, cancelled, now().toISOString(), reason));
      emit('data:changed', { area: 'sessions' });
      return updated;
    },
    'sessions:duplicate': ({ id, date, confirmPast }) => {
      sessions.assertDateConfirmed(date, today(), confirmPast);
      const created = tx(() => sessions.duplicateSession(db, id, date));
      emit('data:changed', { area: 'sessions' });
      return created;
    },
    'attendance:allPresent': ({ sessionId }) => {
      tx(() => attendance.markAllPresent(db, sessionId));
      emit('data:changed', { area: 'attendance' });
      return attendance.listAttendance(db, sessionId);
    },
    'attendance:list': ({ sessionId }) => attendance.listAttendance(db, sessionId),
    'attendance:set': (input) => {
      tx(() => attendance.setAttendance(db, input));
      emit('data:changed', { area: 'attendance' });
      return attendance.listAttendance(db, input.sessionId);
    },
  };
}
