// Organisations, schools, participants and groups.

import type { Group, Organisation, Participant, School } from '../domain';
import { GROUP_KINDS, ORGANISATION_KINDS, PARTICIPANT_ROLES, SCHOOL_SECTORS } from '../domain';
import { channel, email, id, none, requiredText, z } from './define';

export const peopleInputs = {
  organisation: z.strictObject({
    name: requiredText('De naam van de organisatie'),
    kind: z.enum(ORGANISATION_KINDS, { error: 'Kies een soort organisatie.' }),
  }),
  school: z.strictObject({
    organisationId: id,
    name: requiredText('De naam van de school'),
    sector: z.enum(SCHOOL_SECTORS, { error: 'Kies een sector: po, vo, go of mbo.' }),
  }),
  participant: z.strictObject({
    organisationId: id,
    schoolId: id.nullable().optional(),
    name: requiredText('De naam van de deelnemer', 120),
    role: z.enum(PARTICIPANT_ROLES, { error: 'Kies een rol uit de lijst.' }),
    email,
    /** Added by hand while a group is selected: the new person joins that group. */
    groupId: id.nullable().optional(),
  }),
  group: z.strictObject({
    organisationId: id,
    name: requiredText('De naam van de groep'),
    kind: z.enum(GROUP_KINDS, { error: 'Kies groep of kernteam.' }),
  }),
};

export const peopleChannels = {
  'organisations:list': channel(none).returns<Organisation[]>(),
  'organisations:create': channel(peopleInputs.organisation).returns<Organisation>(),
  'organisations:update': channel(peopleInputs.organisation.partial().extend({ id })).returns<Organisation>(),

  'schools:list': channel(z.strictObject({ organisationId: id })).returns<School[]>(),
  'schools:create': channel(peopleInputs.school).returns<School>(),
  'schools:update': channel(peopleInputs.school.omit({ organisationId: true }).partial().extend({ id })).returns<School>(),

  'participants:list': channel(
    z
      .strictObject({
        organisationId: id.optional(),
        groupId: id.optional(),
        schoolId: id.optional(),
        search: z.string().trim().max(120, 'De zoekterm is te lang (hoogstens 120 tekens).').optional(),
        limit: z.number().int().min(1).max(5000, 'Hoogstens 5000 rijen per keer.').optional(),
        offset: z.number().int().min(0).optional(),
      })
      .optional(),
  ).returns<Participant[]>(),
  'participants:create': channel(peopleInputs.participant).returns<Participant>(),
  'participants:update': channel(
    peopleInputs.participant.omit({ organisationId: true, groupId: true }).partial().extend({ id }),
  ).returns<Participant>(),

  'groups:list': channel(z.strictObject({ organisationId: id.optional() }).optional()).returns<Group[]>(),
  'groups:create': channel(peopleInputs.group).returns<Group>(),
  'groups:update': channel(peopleInputs.group.omit({ organisationId: true }).partial().extend({ id })).returns<Group>(),
  'groups:addMember': channel(z.strictObject({ groupId: id, participantId: id })).returns<void>(),
  'groups:removeMember': channel(z.strictObject({ groupId: id, participantId: id })).returns<void>(),
  // One call for a group's whole membership (the Groepen table ticks its rows from it).
  'groups:memberIds': channel(z.strictObject({ groupId: id })).returns<number[]>(),
  'groups:addMembers': channel(
    z.strictObject({
      groupId: id,
      participantIds: z.array(id, { error: 'Kies een of meer deelnemers.' }).min(1, 'Kies eerst een of meer deelnemers.').max(5000),
    }),
  ).returns<{ added: number }>(),
};
