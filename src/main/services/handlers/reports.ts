import type { reportChannels } from '../../../shared/channels/reports';
import * as sessions from '../../db/repositories/sessions';
import { getTrajectory } from '../../db/repositories/trajectories';
import { sessionSuspects, trajectorySuspects } from '../../reports/pseudonymise-data';
import { AppError } from '../../../shared/errors';
import {
  NOT_HAPPENED,
  buildPreparation,
  preparationFileName,
  sessionHappened,
  buildSessionReport,
  buildTrajectoryReport,
  gatherSessionReportData,
  gatherTrajectoryReportData,
  reportIdentity,
  previewOf,
  sessionReportFileName,
  sessionResultsCsv,
  trajectoryReportFileName,
} from '../reports';
import { saveWithDialog } from '../files';
import { countPdfPages } from '../pdf-pages';
import type { AreaHandlers, HandlerDeps } from './deps';

export function reportHandlers({ db, presenting, config, modules }: HandlerDeps): AreaHandlers<typeof reportChannels> {
  type Common = { pseudonymise?: boolean; showFacilitator?: boolean; extraNames?: string[] };
  const common = (input: Common) => ({
    pseudonymise: input.pseudonymise ?? false,
    showFacilitator: input.showFacilitator,
    extraNames: input.extraNames,
    fontsDir: config.fontsDir,
    identity: reportIdentity(db),
  });
  const sessionPdf = (input: Common & { sessionId: number; sections?: Parameters<typeof buildSessionReport>[3]['sections'] }) =>
    buildSessionReport(db, presenting, input.sessionId, { ...common(input), sections: input.sections });
  const trajectoryPdf = (input: Common & { trajectoryId: number; sections?: Parameters<typeof buildTrajectoryReport>[3]['sections'] }) =>
    buildTrajectoryReport(db, presenting, input.trajectoryId, { ...common(input), sections: input.sections }, modules);

  /** Main chooses the path with a dialog; the renderer never sends one. */
  async function save(data: Buffer | string, title: string, defaultName: string, pages: number) {
    return { ...(await saveWithDialog(config.host, { title, defaultName }, data)), pages };
  }

  return {
    'reports:exportSession': async (input) => {
      const session = sessions.getSession(db, input.sessionId);
      if (!sessionHappened(db, input.sessionId)) throw new AppError('ongeldige_invoer', NOT_HAPPENED);
      // Render first: a failure here must not cost the user a dialog.
      const pdf = await sessionPdf(input);
      return save(pdf, 'Sessieverslag opslaan', sessionReportFileName(session), countPdfPages(pdf));
    },
    'reports:exportTrajectory': async (input) => {
      const trajectory = getTrajectory(db, input.trajectoryId);
      const pdf = await trajectoryPdf(input);
      return save(pdf, 'Trajectverslag opslaan', trajectoryReportFileName(trajectory), countPdfPages(pdf));
    },
    'reports:previewSession': async (input) => {
      sessions.getSession(db, input.sessionId);
      if (!sessionHappened(db, input.sessionId)) throw new AppError('ongeldige_invoer', NOT_HAPPENED);
      return previewOf(await sessionPdf(input));
    },
    'reports:previewTrajectory': async (input) => {
      getTrajectory(db, input.trajectoryId);
      return previewOf(await trajectoryPdf(input));
    },
    'reports:sessionState': async ({ sessionId }) => ({ happened: sessionHappened(db, sessionId) }),
    'reports:previewPreparation': async ({ sessionId }) => {
      sessions.getSession(db, sessionId);
      return previewOf(await buildPreparation(db, presenting, sessionId, { fontsDir: config.fontsDir, identity: reportIdentity(db) }));
    },
    'reports:exportPreparation': async ({ sessionId }) => {
      const session = sessions.getSession(db, sessionId);
      const pdf = await buildPreparation(db, presenting, sessionId, { fontsDir: config.fontsDir, identity: reportIdentity(db) });
      return save(pdf, 'Agenda en presentielijst opslaan', preparationFileName(session), countPdfPages(pdf));
    },
    'reports:reviewSession': async (input) => {
      sessions.getSession(db, input.sessionId);
      return { suspects: sessionSuspects(gatherSessionReportData(db, presenting, input.sessionId), { ...common(input), pseudonymise: true }) };
    },
    'reports:reviewTrajectory': async (input) => {
      getTrajectory(db, input.trajectoryId);
      return {
        suspects: trajectorySuspects(gatherTrajectoryReportData(db, presenting, input.trajectoryId, modules), { ...common(input), pseudonymise: true }),
      };
    },
    'reports:exportResultsCsv': async ({ sessionId }) => {
      const csv = sessionResultsCsv(db, presenting, sessionId);
      return save(csv.text, 'Resultaten opslaan als CSV', csv.suggestedName, 0);
    },
  };
}
