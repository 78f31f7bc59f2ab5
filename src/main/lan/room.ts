// One room: what makes a running server belong to one session. The room code
// goes in the QR link (a new one every start, so an old photo of the
// projector opens nothing); the secret never leaves main's memory. Device
// keys and question keys are HMACs under that secret, so keys from two
// sessions (or two starts after a stop) cannot be linked to each other or to
// a phone's token, and a phone cannot guess the key of another question.

import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../shared/phone';
import type { PhoneState } from '../../shared/work-formats';

export interface Room {
  readonly sessionId: number;
  readonly code: string;
  /** Constant-time comparison, so the response time says nothing about how close a guess was. */
  matches(code: string): boolean;
  /** HMAC-SHA256(secret, device token) as hex: what entries.device_key stores. */
  deviceKey(token: string): string;
  /** The opaque key of a run in one phone state (cards and dot voting are different questions). */
  questionKey(runId: number, state: PhoneState): string;
  /** The same room (secret and keys) with a new code: the server moved to another address. */
  withNewCode(): Room;
}

export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

export function createRoom(sessionId: number, secret: Buffer = randomBytes(32)): Room {
  const code = newRoomCode();
  const mac = (text: string) => createHmac('sha256', secret).update(text).digest();
  return {
    sessionId,
    code,
    matches(candidate) {
      const a = Buffer.from(candidate);
      const b = Buffer.from(code);
      return a.length === b.length && timingSafeEqual(a, b);
    },
    deviceKey: (token) => mac(`toestel:${token}`).toString('hex'),
    questionKey: (runId, state) => mac(`vraag:${runId}:${state}`).toString('base64url').slice(0, 16),
    withNewCode: () => createRoom(sessionId, secret),
  };
}
