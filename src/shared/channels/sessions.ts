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
    /** Needed when the date lies before today. */
    confirmPast: z.boolean({ error: 'Bevestigen is ja of nee.' }).optional(),
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
  // Life cycle (issue 11): reschedule, cancel (history stays), duplicate as a template.
  'sessions:reschedule': channel(
    z.strictObject({
      id,
      date: isoDate.optional(),
      startTime: time,
      location: optionalText('De locatie'),
      facilitator: optionalText('De naam van de begeleider', 120),
      confirmPast: z.boolean({ error: 'Bevestigen is ja of nee.' }).optional(),
    }),
  ).returns<Session>(),
  'sessions:cancel': channel(
    z.strictObject({
      id,
      cancelled: z.boolean({ error: 'Annuleren is ja of nee.' }),
      reason: optionalText('De reden', 500),
    }),
  ).returns<Session>(),
  'sessions:duplicate': channel(
    z.strictObject({ id, date: isoDate, confirmPast: z.boolean({ error: 'Bevestigen is ja of nee.' }).optional() }),
  ).returns<Session>(),

  'attendance:list': channel(z.strictObject({ sessionId: id })).returns<AttendanceRow[]>(),
  'attendance:set': channel(
    z.strictObject({
      sessionId: id,
      participantId: id,
      status: z.enum(ATTENDANCE_STATUSES, { error: 'Kies aanwezig, te laat, afgemeld of afwezig.' }).nullable(),
    }),
  ).returns<AttendanceRow[]>(),
  /** Every member without a status becomes present; the exceptions are then changed one by one. */
  'attendance:allPresent': channel(z.strictObject({ sessionId: id })).returns<AttendanceRow[]>(),
};
