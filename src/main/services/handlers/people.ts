import type { peopleChannels } from '../../../shared/channels/people';
import * as orgs from '../../db/repositories/organisations';
import * as people from '../../db/repositories/participants';
import * as groups from '../../db/repositories/groups';
import type { AreaHandlers, HandlerDeps } from './deps';

export function peopleHandlers({ db, emit, tx }: HandlerDeps): AreaHandlers<typeof peopleChannels> {
  return {
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
    'participants:list': (filter) => people.listParticipants(db, { hideArchived: true, ...filter }),
    'participants:create': (input) => {
      const { groupId, ...person } = input;
      const created = tx(() => {
        const p = people.createParticipant(db, person);
        if (groupId != null) groups.addGroupMember(db, groupId, p.id);
        return p;
      });
      emit('data:changed', { area: 'participants' });
      if (groupId != null) emit('data:changed', { area: 'groups' });
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
    'organisations:update': ({ id, ...input }) => {
      const updated = tx(() => orgs.updateOrganisation(db, id, input));
      emit('data:changed', { area: 'organisations' });
      emit('data:changed', { area: 'groups' });
      return updated;
    },
    'schools:update': ({ id, ...input }) => {
      const updated = tx(() => orgs.updateSchool(db, id, input));
      emit('data:changed', { area: 'organisations' });
      emit('data:changed', { area: 'participants' });
      return updated;
    },
    'participants:update': ({ id, ...input }) => {
      const updated = tx(() => people.updateParticipant(db, id, input));
      emit('data:changed', { area: 'participants' });
      return updated;
    },
    'groups:update': ({ id, ...input }) => {
      const updated = tx(() => groups.updateGroup(db, id, input));
      emit('data:changed', { area: 'groups' });
      emit('data:changed', { area: 'sessions' });
      return updated;
    },
    'groups:memberIds': ({ groupId }) => groups.listMemberIds(db, groupId),
    'groups:addMembers': ({ groupId, participantIds }) => {
      const added = tx(() => groups.addGroupMembers(db, groupId, participantIds));
      emit('data:changed', { area: 'groups' });
      return { added };
    },
  };
}
