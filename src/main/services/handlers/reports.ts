import type { reportChannels } from '../../../shared/channels/reports';
import * as sessions from '../../db/repositories/sessions';
import { getTrajectory } from '../../db/repositories/trajectories';
import { sessionSuspects, trajectorySuspects } from '../../reports/pseudonymise-data';
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { ReportIdentityView } from '../../../shared/channels/reports';
import { setSetting } from '../../db/repositories/settings';
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
  IDENTITY_KEYS,
  previewOf,
  sessionReportFileName,
  sessionResultsCsv,
  trajectoryReportFileName,
} from '../reports';
import { saveWithDialog } from '../files';
import { countPdfPages } from '../pdf-pages';
import type { AreaHandlers, HandlerDeps } from './deps';

const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/** A PNG or JPEG file of at most 2 MB; anything else gets a Dutch error and nothing is stored. */
export function readLogo(file: string): Buffer {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > LOGO_MAX_BYTES) throw new AppError('ongeldige_invoer', 'Het logo is groter dan 2 MB; kies een kleinere afbeelding.');
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('ongeldige_invoer', 'Het logo kon niet worden gelezen.');
  }
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) throw new AppError('ongeldige_invoer', 'Kies een PNG- of JPEG-afbeelding als logo.');
  return bytes;
}

function identityView(db: HandlerDeps['db']): ReportIdentityView {
  const identity = reportIdentity(db);
  const logo = identity.logo;
  const mime = logo && logo[0] === 0x89 ? 'image/png' : 'image/jpeg';
  return {
    organisation: identity.organisation,
    contact: identity.contact,
    hasLogo: logo !== null,
    logoDataUrl: logo ? `data:${mime};base64,${logo.toString('base64')}` : null,
  };
}

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
    'reports:getIdentity': async () => identityView(db),
    'reports:setIdentity': async ({ organisation, contact }) => {
      db.transaction(() => {
        for (const [key, value] of [
          [IDENTITY_KEYS.organisation, organisation],
          [IDENTITY_KEYS.contact, contact],
        ] as const) {
          if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
          else setSetting(db, key, value);
        }
      })();
      return identityView(db);
    },
    'reports:chooseLogo': async () => {
      if (!config.host.chooseOpenFile) throw new AppError('ongeldige_invoer', 'Een logo kiezen kan alleen in de app.');
      const file = await config.host.chooseOpenFile({ title: 'Logo kiezen', filters: [{ name: 'Afbeelding (PNG of JPEG)', extensions: ['png', 'jpg', 'jpeg'] }] });
      if (!file) return { ...identityView(db), chosen: false };
      const bytes = readLogo(file);
      setSetting(db, IDENTITY_KEYS.logo, bytes.toString('base64'));
      return { ...identityView(db), chosen: true };
    },
    'reports:clearLogo': async () => {
      db.prepare('DELETE FROM settings WHERE key = ?').run(IDENTITY_KEYS.logo);
      return identityView(db);
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
