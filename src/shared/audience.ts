// What the audience window (the projector) may do: read the presenting state
// and the revealed results, and hear when they change. Its own preload exposes
// only these, and main refuses any other channel from that window, so a
// compromised or confused audience page cannot edit data or read names.
// Kept free of zod so the small audience preload stays small.

export const AUDIENCE_CHANNELS = ['agenda:get', 'presenting:state', 'presenting:closing', 'runs:list', 'runs:results', 'lan:status'] as const;
export type AudienceChannel = (typeof AUDIENCE_CHANNELS)[number];

export const AUDIENCE_EVENTS = ['presenting:changed', 'data:changed', 'workformat:changed', 'lan:changed'] as const;
export type AudienceEvent = (typeof AUDIENCE_EVENTS)[number];
