import { channel, id, z } from './define';

export interface ExportResult {
  /** False when the user cancelled the save dialog. */
  saved: boolean;
  path: string | null;
  pages: number;
}

export const reportChannels = {
  'reports:exportSession': channel(
    z.strictObject({ sessionId: id, pseudonymise: z.boolean().optional() }),
  ).returns<ExportResult>(),
};
