// Migration 5: mark the file as Sessiewijzer's own. db/open.ts reads
// PRAGMA application_id before it writes anything, so another program's
// SQLite file is refused untouched instead of getting our tables added.
// The number is "SWZR" in ASCII (0x53575A52); see APPLICATION_ID in db/open.ts.

export default /* sql */ `
PRAGMA application_id = 1398233682;
`;
