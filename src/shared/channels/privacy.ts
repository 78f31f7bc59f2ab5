// Erasing one participant (AVG): first a preview of exactly what will
// change, then the erasure itself with the preview's token (so nothing else
// is erased than what was shown). See db/repositories/privacy.ts.

import { channel, id, z } from './define';

export interface ErasureMention {
  /** What kind of text: 'sessie', 'bijdrage', 'actie', 'traject', 'stappenplan', 'aanmelding'. */
  kind: string;
  /** Where it is, for a person ("Sessie 1 oktober 2026 – Prestatiedruk"). */
  where: string;
  /** The text around the mention, shortened. */
  excerpt: string;
}

export interface ErasurePreview {
  participantId: number;
  name: string;
  counts: {
    /** Attendance rows kept, anonymously. */
    attendance: number;
    /** Group memberships removed. */
    groups: number;
    /** Entries linked to the person, kept anonymously. */
    entries: number;
    /** Agreed actions whose link to the person is removed. */
    actions: number;
    /** Interest registrations of the person whose name and email are removed. */
    interest: number;
    /** Free-text mentions of the name (or email) replaced. */
    mentions: number;
  };
  mentions: ErasureMention[];
  token: string;
}

export const privacyChannels = {
  'participants:erasePreview': channel(z.strictObject({ participantId: id })).returns<ErasurePreview>(),
};
