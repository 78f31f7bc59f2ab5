import { channel, id, none, z } from './define';

export interface ExportResult {
  /** False when the user cancelled the save dialog. */
  saved: boolean;
  path: string | null;
  pages: number;
}

export interface PreviewResult {
  /** The PDF, base64-encoded, for an in-app preview. */
  base64: string;
  pages: number;
  bytes: number;
}

/** Largest PDF (in bytes) sent to the renderer as a preview. */
export const PREVIEW_MAX_BYTES = 20 * 1024 * 1024;

/** Sections of the session report that can be left out (the first page always stays). */
export const SESSION_SECTIONS = ['agenda', 'aanwezigheid', 'werkvormen', 'acties', 'volgende'] as const;
export type SessionSection = (typeof SESSION_SECTIONS)[number];
export const SESSION_SECTION_LABELS: Record<SessionSection, string> = {
  agenda: 'Agenda',
  aanwezigheid: 'Aanwezigheid',
  werkvormen: 'Resultaten van de werkvormen',
  acties: 'Actieplan',
  volgende: 'Volgende bijeenkomst',
};

/** Sections of the trajectory report that can be left out. */
export const TRAJECTORY_SECTIONS = ['bijeenkomsten', 'aanwezigheid', 'themas', 'stappenplan', 'acties'] as const;
export type TrajectorySection = (typeof TRAJECTORY_SECTIONS)[number];
export const TRAJECTORY_SECTION_LABELS: Record<TrajectorySection, string> = {
  bijeenkomsten: 'Bijeenkomsten',
  aanwezigheid: 'Aanwezigheid',
  themas: "Thema's",
  stappenplan: 'Stappenplan per school',
  acties: 'Acties',
};

const pseudonymise = z.boolean({ error: 'Pseudonimiseren is aan of uit.' }).optional();
/** The sections to include; leave out to get all of them. */
const sessionSections = z
  .array(z.enum(SESSION_SECTIONS, { error: `Kies onderdelen uit: ${SESSION_SECTIONS.join(', ')}.` }))
  .max(SESSION_SECTIONS.length, 'Te veel onderdelen.')
  .optional();
const trajectorySections = z
  .array(z.enum(TRAJECTORY_SECTIONS, { error: `Kies onderdelen uit: ${TRAJECTORY_SECTIONS.join(', ')}.` }))
  .max(TRAJECTORY_SECTIONS.length, 'Te veel onderdelen.')
  .optional();

/** Print the begeleider's name (default: yes in the named version, no when pseudonymised). */
const showFacilitator = z.boolean({ error: 'Begeleider tonen is aan of uit.' }).optional();
/** Words the user marked as names in the review before saving: replaced by "[naam]". */
const extraNames = z
  .array(z.string().trim().min(1, 'Een naam mag niet leeg zijn.').max(120, 'Een naam is hoogstens 120 tekens.'))
  .max(500, 'Te veel namen.')
  .optional();

const sessionInput = z.strictObject({ sessionId: id, pseudonymise, sections: sessionSections, showFacilitator, extraNames });
const trajectoryInput = z.strictObject({ trajectoryId: id, pseudonymise, sections: trajectorySections, showFacilitator, extraNames });

/** A word in the pseudonymised text that still looks like a name. */
export interface NameSuspect {
  word: string;
  context: string;
}

export interface ReviewResult {
  suspects: NameSuspect[];
}

/** Who drew up the reports: shown on every report's first page. */
export interface ReportIdentityView {
  organisation: string | null;
  contact: string | null;
  hasLogo: boolean;
  /** The logo as a data: URL for a small preview, or null. */
  logoDataUrl: string | null;
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is hoogstens ${max} tekens.`)
    .transform((v) => (v === '' ? null : v))
    .nullable();

const identityInput = z.strictObject({
  organisation: optionalText(120, 'De organisatie'),
  contact: optionalText(200, 'De contactgegevens'),
});

export const reportChannels = {
  'reports:getIdentity': channel(none).returns<ReportIdentityView>(),
  'reports:setIdentity': channel(identityInput).returns<ReportIdentityView>(),
  /** Main opens a file dialog for a PNG or JPEG logo (the renderer never sends a path). */
  'reports:chooseLogo': channel(none).returns<ReportIdentityView & { chosen: boolean }>(),
  'reports:clearLogo': channel(none).returns<ReportIdentityView>(),
  'reports:exportSession': channel(sessionInput).returns<ExportResult>(),
  'reports:exportTrajectory': channel(trajectoryInput).returns<ExportResult>(),
  'reports:previewSession': channel(sessionInput).returns<PreviewResult>(),
  'reports:previewTrajectory': channel(trajectoryInput).returns<PreviewResult>(),
  'reports:exportResultsCsv': channel(z.strictObject({ sessionId: id })).returns<ExportResult>(),
  /** Whether the session has happened (a report) or not yet (an agenda and presence list). */
  'reports:sessionState': channel(z.strictObject({ sessionId: id })).returns<{ happened: boolean }>(),
  /** Agenda and presentielijst for a planned meeting, to print beforehand. */
  'reports:previewPreparation': channel(z.strictObject({ sessionId: id })).returns<PreviewResult>(),
  'reports:exportPreparation': channel(z.strictObject({ sessionId: id })).returns<ExportResult>(),
  /** Before saving a pseudonymised report: what still looks like a name. */
  'reports:reviewSession': channel(sessionInput).returns<ReviewResult>(),
  'reports:reviewTrajectory': channel(trajectoryInput).returns<ReviewResult>(),
};
