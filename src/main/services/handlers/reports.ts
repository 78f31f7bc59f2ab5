import type { reportChannels } from '../../../shared/channels/reports';
import * as sessions from '../../db/repositories/sessions';
import { buildSessionReport, sessionReportFileName } from '../reports';
import { writeFileAtomic } from '../files';
import { countPdfPages } from '../pdf-pages';
import type { AreaHandlers, HandlerDeps } from './deps';

export function reportHandlers({ db, presenting, config }: HandlerDeps): AreaHandlers<typeof reportChannels> {
  return {
    'reports:exportSession': async ({ sessionId, pseudonymise }) => {
      const session = sessions.getSession(db, sessionId);
      // Render first: a failure here must not cost the user a dialog.
      const pdf = await buildSessionReport(db, presenting, sessionId, {
        pseudonymise: pseudonymise ?? false,
        fontsDir: config.fontsDir,
      });
      const pages = countPdfPages(pdf);
      // Main chooses the path with a dialog; the renderer never sends one.
      const target = await config.host.chooseSavePath({
        title: 'Sessieverslag opslaan',
        defaultName: sessionReportFileName(session),
      });
      if (!target) return { saved: false, path: null, pages };
      writeFileAtomic(target, pdf);
      return { saved: true, path: target, pages };
    },
  };
}
