// The life cycle of records: impact, delete with undo, archive, and the
// removal of everything one CSV import added.

import { RECORD_KINDS, type RecordImpact, type UndoableResult } from '../records';
import { channel, id, z } from './define';

const kind = z.enum(RECORD_KINDS, { error: 'Onbekend soort gegeven.' });
const token = z.string({ error: 'Er is niets om ongedaan te maken.' }).regex(/^[0-9a-f-]{36}$/, 'Er is niets om ongedaan te maken.');

export const recordChannels = {
  'records:impact': channel(z.strictObject({ kind, id })).returns<RecordImpact>(),
  'records:delete': channel(z.strictObject({ kind, id })).returns<UndoableResult>(),
  'records:archive': channel(z.strictObject({ kind, id, archived: z.boolean({ error: 'Archiveren is ja of nee.' }) })).returns<RecordImpact>(),
  'records:archived': channel(z.strictObject({ kind, organisationId: id.optional() })).returns<{ id: number; label: string }[]>(),
  'records:undo': channel(z.strictObject({ token })).returns<{ message: string }>(),
  'imports:list': channel(z.strictObject({ organisationId: id })).returns<ImportSummary[]>(),
  'imports:remove': channel(z.strictObject({ importId: id })).returns<UndoableResult & { removed: number; kept: number }>(),
};

export interface ImportSummary {
  id: number;
  fileName: string | null;
  createdAt: string;
  /** Participants this import added that are still there. */
  participants: number;
}
