// Phones over the room's own network (issue 16): the facilitator's side.
// The room server itself runs in main (src/main/lan/) and speaks only the
// narrow phone contract (src/shared/phone.ts); these channels let the
// presenter start and stop it, choose the network, open a question for
// phones and let phone text through to the room.

import type { RunView } from '../work-formats';
import { PHONE_STATES } from '../work-formats';
import { channel, id, z } from './define';

/** A network address the laptop has, as the facilitator picks it. */
export interface LanInterface {
  /** The operating system's name for the adapter (wlan0, Wi-Fi, en0). */
  name: string;
  address: string;
  /** Dutch hint: "Wi-Fi", "Ethernet", "hotspot?"; null when unknown. */
  label: string | null;
}

export interface LanStatus {
  running: boolean;
  /** The session the server answers for (null when stopped). */
  sessionId: number | null;
  address: string | null;
  port: number | null;
  roomCode: string | null;
  /** The address to type: http://192.168.1.20:8787/K7M4Q2 */
  url: string | null;
  /** The QR code for `url`, as an SVG document (no external requests). */
  qrSvg: string | null;
  /** Phones connected now: distinct devices with an open event stream or a poll within the last few seconds. */
  phones: number;
  /** Dutch explanation when the server could not start or stopped by itself. */
  problem: string | null;
}

const address = z
  .string({ error: 'Kies een netwerkadres.' })
  .max(64, 'Dit netwerkadres is te lang.')
  .regex(/^(\d{1,3}\.){3}\d{1,3}$|^127\.0\.0\.1$/, 'Kies een netwerkadres uit de lijst.');

export const lanChannels = {
  'lan:interfaces': channel(z.strictObject({})).returns<LanInterface[]>(),
  /** Starts (or moves) the room server for this session on the chosen address; a new room code every start. */
  'lan:start': channel(z.strictObject({ sessionId: id, address })).returns<LanStatus>(),
  'lan:stop': channel(z.strictObject({ sessionId: id })).returns<LanStatus>(),
  /** Audience-safe: no names, only the address, room code, QR and phone count. */
  'lan:status': channel(z.strictObject({ sessionId: id })).returns<LanStatus>(),
  /** Opens or closes a run for phones (only one run is open for phones at a time; opening one closes the other). */
  'runs:phones': channel(
    z.strictObject({ runId: id, state: z.enum(PHONE_STATES, { error: 'Kies uit, open, stippen of dicht.' }) }),
  ).returns<RunView>(),
  /** Lets phone text through to the room (allow) or removes it for good. */
  'entries:moderate': channel(z.strictObject({ entryId: id, allow: z.boolean({ error: 'Toelaten is ja of nee.' }) })).returns<RunView>(),
};
