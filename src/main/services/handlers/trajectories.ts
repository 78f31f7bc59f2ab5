import path from 'node:path';
import { format } from 'date-fns';
import { AppError } from '../../../shared/errors';
import type { trajectoryChannels } from '../../../shared/channels/trajectories';
import * as trajectories from '../../db/repositories/trajectories';
import * as interest from '../../db/repositories/interest';
import * as steps from '../../db/repositories/steps';
import * as actions from '../../db/repositories/actions';
import { attendanceMatrix } from '../../db/repositories/attendance-matrix';
import { exportPerson, previewRetention } from '../../db/repositories/privacy';
import { getParticipant } from '../../db/repositories/participants';
import { createOrganisation } from '../../db/repositories/organisations';
import * as csv from '../csv';
import * as privacy from '../privacy';
import { saveWithDialog } from '../files';
import { readCsvFile } from '../csv-file';
import type { TextExport } from '../../../shared/trajectories';
import type { AreaHandlers, HandlerDeps } from './deps';

/** YYYY-MM-DD in local time. */
const localDay = (d: Date) => format(d, 'yyyy-MM-dd');

export function trajectoryHandlers({ db, emit, tx, config, backup }: HandlerDeps): AreaHandlers<typeof trajectoryChannels> {
  const now = config.now ?? (() => new Date());
  const changed = (...areas: ('trajectories' | 'interest' | 'steps' | 'actions' | 'participants' | 'groups' | 'sessions' | 'attendance')[]) => {
    for (const area of areas) emit('data:changed', { area });
  };
  const personExport = (participantId: number): TextExport => {
    const person = getParticipant(db, participantId);
    const data = exportPerson(db, participantId, now().toISOString());
    const slug = person.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '-') || 'deelnemer';
    return { suggestedName: `gegevens-${slug}.json`, text: `${JSON.stringify(data, null, 2)}\n` };
  };
  const saveText = (title: string, file: TextExport, filter: { name: string; extensions: string[] }) =>
    saveWithDialog(config.host, { title, defaultName: file.suggestedName, filters: [filter] }, file.text);
  const CSV_FILTER = { name: 'CSV', extensions: ['csv'] };
  return {
    'participants:importFile': async ({ organisationId, groupId, commit, ...options }) => {
      if (!config.host.chooseOpenFile) {
        throw new AppError('ongeldige_invoer', 'Een bestand kiezen kan hier niet; plak de CSV-tekst in het tekstvak.');
      }
      const chosen = await config.host.chooseOpenFile({ title: 'Deelnemers inlezen uit CSV', filters: [CSV_FILTER, { name: 'Tekst', extensions: ['txt'] }] });
      if (!chosen) return { chosen: false, fileName: null, csv: null, preview: null, result: null };
      const text = readCsvFile(chosen);
      const preview = csv.previewImport(db, organisationId, text, options);
      let result = null;
      if (commit && (preview.ok || (options.onlyGoodRows && preview.rows.some((r) => r.errors.length === 0)))) {
        await backup('voor-import');
        result = tx(() => csv.commitImport(db, organisationId, text, groupId, { ...options, fileName: path.basename(chosen) }));
        changed('participants', 'groups');
      }
      return { chosen: true, fileName: path.basename(chosen), csv: text, preview, result };
    },
    'participants:saveCsv': (filter) =>
      saveText('Deelnemers exporteren', csv.exportParticipantsCsv(db, filter ?? {}), CSV_FILTER),
    'participants:saveExport': ({ participantId }) =>
      saveText('Gegevens van een deelnemer exporteren', personExport(participantId), { name: 'JSON', extensions: ['json'] }),
    'attendance:saveMatrixCsv': ({ trajectoryId }) =>
      saveText(
        'Aanwezigheid exporteren',
        csv.exportMatrixCsv(attendanceMatrix(db, trajectoryId), trajectories.getTrajectory(db, trajectoryId).name),
        CSV_FILTER,
      ),
    'trajectories:list': (filter) => trajectories.listTrajectories(db, { hideArchived: true, ...filter }),
    'trajectories:create': (input) => {
      const result = tx(() => trajectories.createTrajectory(db, input));
      changed('trajectories');
      return result;
    },
    'trajectories:get': ({ id }) => trajectories.getTrajectoryDetail(db, id),
    'trajectories:update': ({ id, season, ...input }) => {
      const result = tx(() => {
        if (season !== undefined) trajectories.moveTrajectorySeason(db, id, season);
        return trajectories.updateTrajectory(db, id, input);
      });
      changed('trajectories');
      return result;
    },
    'trajectories:setStatus': ({ id, status }) => {
      const result = tx(() => trajectories.setTrajectoryStatus(db, id, status));
      changed('trajectories');
      return result;
    },
    'trajectories:linkSession': ({ sessionId, trajectoryId }) => {
      const result = tx(() => trajectories.linkSession(db, sessionId, trajectoryId));
      changed('trajectories', 'sessions');
      return result;
    },
    'capacity:get': ({ season }) => trajectories.getCapacity(db, season),
    'capacity:set': ({ season, capacity }) => {
      const result = tx(() => trajectories.setCapacity(db, season, capacity));
      changed('trajectories');
      return result;
    },
    'interest:list': (filter) => interest.listInterest(db, filter ?? {}),
    'interest:create': (input) => {
      const result = tx(() => interest.createInterest(db, input));
      changed('interest');
      return result;
    },
    'interest:update': ({ id, ...input }) => {
      const result = tx(() => interest.updateInterest(db, id, input));
      changed('interest');
      return result;
    },
    'interest:link': ({ id, organisationId, newOrganisation }) => {
      if ((organisationId === undefined) === (newOrganisation === undefined)) {
        throw new AppError('ongeldige_invoer', 'Kies een bestaande organisatie of maak een nieuwe aan.');
      }
      const result = tx(() => {
        const orgId = organisationId ?? createOrganisation(db, newOrganisation!).id;
        return interest.linkInterest(db, id, orgId);
      });
      changed('interest');
      if (newOrganisation) emit('data:changed', { area: 'organisations' });
      return result;
    },
    'interest:convert': (input) => {
      const result = tx(() => interest.convertInterest(db, input));
      changed('interest', 'trajectories');
      return result;
    },
    'steps:get': ({ trajectoryId }) => steps.getSteps(db, trajectoryId),
    'steps:set': (input) => {
      const result = tx(() => steps.setStep(db, input));
      changed('steps');
      return result;
    },
    'actions:list': (filter) => actions.listActions(db, filter),
    'actions:create': (input) => {
      const result = tx(() => actions.createAction(db, input));
      changed('actions', 'steps');
      return result;
    },
    'actions:update': (input) => {
      const result = tx(() => actions.updateAction(db, input));
      changed('actions', 'steps');
      return result;
    },
    'attendance:matrix': ({ trajectoryId }) => attendanceMatrix(db, trajectoryId),
    'attendance:exportCsv': ({ trajectoryId }) =>
      csv.exportMatrixCsv(attendanceMatrix(db, trajectoryId), trajectories.getTrajectory(db, trajectoryId).name),
    'participants:erase': async ({ participantId, token }) => {
      getParticipant(db, participantId);
      await backup('voor-wissen');
      const result = privacy.eraseParticipant(db, participantId, now(), token);
      changed('participants', 'groups', 'attendance', 'actions');
      return result;
    },
    'participants:export': ({ participantId }) => personExport(participantId),
    'participants:importPreview': ({ organisationId, csv: text, groupId: _groupId, ...options }) =>
      csv.previewImport(db, organisationId, text, options),
    'participants:importCommit': async ({ organisationId, csv: text, groupId, ...options }) => {
      await backup('voor-import');
      const result = tx(() => csv.commitImport(db, organisationId, text, groupId, options));
      changed('participants', 'groups');
      return result;
    },
    'participants:exportCsv': (filter) => csv.exportParticipantsCsv(db, filter ?? {}),
    'retention:preview': ({ years }) => previewRetention(db, years, localDay(now())),
    'retention:apply': async ({ years, token }) => {
      // The token check runs inside the transaction; a stale token costs one needless backup, nothing else.
      await backup('voor-bewaartermijn');
      const result = privacy.applyRetention(db, years, localDay(now()), token);
      changed('sessions', 'attendance', 'trajectories', 'interest', 'actions', 'participants', 'groups');
      return result;
    },
  };
}
