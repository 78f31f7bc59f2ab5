// Reads a CSV file the user chose in main's open dialog: a size cap and Dutch
// errors for a file that cannot be read or is not UTF-8 text.

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** Same cap as the pasted text (participants:importPreview). */
export const MAX_CSV_BYTES = 2_000_000;

export function readCsvFile(file: string): string {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new AppError('ongeldige_invoer', `"${name}" is geen bestand.`);
    if (stat.size > MAX_CSV_BYTES) {
      throw new AppError('ongeldige_invoer', `Het bestand "${name}" is te groot (hoogstens 2 MB).`);
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'het bestaat niet (meer)'
        : code === 'EACCES' || code === 'EPERM'
          ? 'je hebt geen leesrechten'
          : 'het kan niet worden gelezen';
    throw new AppError('schijf', `Het bestand "${name}" kon niet worden geopend: ${reason}.`);
  }
  if (bytes.length > MAX_CSV_BYTES) {
    throw new AppError('ongeldige_invoer', `Het bestand "${name}" is te groot (hoogstens 2 MB).`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'ongeldige_invoer',
      `Het bestand "${name}" is geen UTF-8-tekst. Sla het in Excel op als "CSV UTF-8 (door lijstscheidingsteken gescheiden)" en probeer het opnieuw.`,
    );
  }
  if (text.includes('\u0000')) {
    throw new AppError('ongeldige_invoer', `Het bestand "${name}" is geen tekstbestand.`);
  }
  return text.replace(/^\uFEFF/, '');
}
