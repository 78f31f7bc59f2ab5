import type { reportChannels } from '../../../shared/channels/reports';
import * as sessions from '../../db/repositories/sessions';
import { getTrajectory } from '../../db/repositories/trajectories';
import {
  buildSessionReport,
  buildTrajectoryReport,
  previewOf,
  sessionReportFileName,
  sessionResultsCsv,
  trajectoryReportFileName,
} from '../reports';
import { saveWithDialog } from '../files';
import { countPdfPages } from '../pdf-pages';
import type { AreaHandlers, HandlerDeps } from './deps';

export function reportHandlers({ db, presenting, config, modules }: HandlerDeps): AreaHandlers<typeof reportChannels> {
  const sessionPdf = (input: { sessionId: number; pseudonymise?: boolean; sections?: Parameters<typeof buildSessionReport>[3]['sections'] }) =>
    buildSessionReport(db, presenting, input.sessionId, {
      pseudonymise: input.pseudonymise ?? false,
      sections: input.sections,
      fontsDir: config.fontsDir,
    });
  const trajectoryPdf = (input: { trajectoryId: number; pseudonymise?: boolean; sections?: Parameters<typeof buildTrajectoryReport>[3]['sections'] }) =>
    buildTrajectoryReport(
      db,
      presenting,
      input.trajectoryId,
      { pseudonymise: input.pseudonymise ?? false, sections: input.sections, fontsDir: config.fontsDir },
      modules,
    );

  /** Main chooses the path with a dialog; the renderer never sends one. */
  async function save(data: Buffer | string, title: string, defaultName: string, pages: number) {
    return { ...(await saveWithDialog(config.host, { title, defaultName }, data)), pages };
  }

  return {
    'reports:exportSession': async (input) => {
      const session = sessions.getSession(db, input.sessionId);
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
      return previewOf(await sessionPdf(input));
    },
    'reports:previewTrajectory': async (input) => {
      getTrajectory(db, input.trajectoryId);
      return previewOf(await trajectoryPdf(input));
    },
    'reports:exportResultsCsv': async ({ sessionId }) => {
      const csv = sessionResultsCsv(db, presenting, sessionId);
      return save(csv.text, 'Resultaten opslaan als CSV', csv.suggestedName, 0);
    },
  };
}
