// Sessions and their attendance.

import type { AttendanceRow, Session } from '../domain';
import { ATTENDANCE_STATUSES } from '../domain';
import { channel, id, isoDate, optionalText, requiredText, time, z } from './define';

export const sessionInputs = {
  session: z.strictObject({
    groupId: id,
    moduleId: requiredText('De module'),
    date: isoDate,
    startTime: time,
    location: optionalText('De locatie'),
    facilitator: optionalText('De naam van de begeleider', 120),
  }),
};

export const sessionChannels = {
  'sessions:list': channel(
    z
      .strictObject({
        groupId: id.optional(),
        from: isoDate.optional(),
        limit: z.number().int().min(1).max(5000, 'Hoogstens 5000 sessies per keer.').optional(),
        offset: z.number().int().min(0).optional(),
      })
      .optional(),
  ).returns<Session[]>(),
  'sessions:create': channel(sessionInputs.session).returns<Session>(),
  'sessions:get': channel(z.strictObject({ id })).returns<Session>(),

  'attendance:list': channel(z.strictObject({ sessionId: id })).returns<AttendanceRow[]>(),
  'attendance:set': channel(
    z.strictObject({
      sessionId: id,
      participantId: id,
      status: z.enum(ATTENDANCE_STATUSES, { error: 'Kies aanwezig, te laat, afgemeld of afwezig.' }).nullable(),
    }),
  ).returns<AttendanceRow[]>(),
};
