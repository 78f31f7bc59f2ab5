// The room code (from the address), this phone's device token and what it
// answered, kept in localStorage per room: a reload keeps one answer per
// phone, a new room (a new session) gets a new token. Nothing here leaves the
// phone except the token, which the server only hashes.

import type { PhoneAnswer } from '../../src/shared/phone';

/**
 * Copy of ROOM_CODE_ALPHABET / ROOM_CODE_LENGTH in src/shared/phone.ts (a unit test keeps
 * them equal): importing the values would pull zod into this bundle.
 */
export const ROOM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_LENGTH = 6;

/** The room code from `/<ROOM>/…`, upper-cased (people type addresses in lower case); null when the address has none. */
export function roomFromPath(pathname: string): string | null {
  const first = pathname.split('/').find((part) => part !== '');
  if (!first) return null;
  let code: string;
  try {
    code = decodeURIComponent(first).toUpperCase();
  } catch {
    return null;
  }
  if (code.length !== ROOM_LENGTH) return null;
  for (const ch of code) if (!ROOM_ALPHABET.includes(ch)) return null;
  return code;
}

/** 32 random bytes, base64url without padding (43 characters). */
export function newDeviceToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type SavedStatus = 'opgeslagen' | 'wacht-op-begeleider';
export interface SavedAnswer {
  answer: PhoneAnswer;
  status: SavedStatus;
}
export interface SavedCard {
  text: string;
  status: SavedStatus;
}

interface RoomRecord {
  device: string;
  /** Last use (ms), so rooms of past sessions can be forgotten. */
  used: number;
  /** Last sent answer per question (and brainstorm phase). */
  answers: Record<string, SavedAnswer>;
  /** Cards sent per brainstorm question. */
  cards: Record<string, SavedCard[]>;
}

const PREFIX = 'sessiewijzer.kamer.';
/** A session lasts hours; a day later its room is gone and its answers need not stay on the phone. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, settings): the page still works, a reload gets a new token
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Full or disabled storage: the record stays in memory for this page.
  }
}

function isRecord(value: unknown): value is RoomRecord {
  const r = value as RoomRecord | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.device === 'string' &&
    /^[A-Za-z0-9_-]{22,64}$/.test(r.device) &&
    typeof r.answers === 'object' &&
    r.answers !== null &&
    typeof r.cards === 'object' &&
    r.cards !== null
  );
}

/** This phone's memory for one room. */
export class RoomMemory {
  private record: RoomRecord;
  private forgotten = false;

  constructor(
    readonly room: string,
    now = Date.now(),
  ) {
    this.forgetOldRooms(now);
    let stored: unknown = null;
    try {
      stored = JSON.parse(readStorage(PREFIX + room) ?? 'null');
    } catch {
      stored = null;
    }
    this.record = isRecord(stored) ? { ...stored, used: now } : { device: newDeviceToken(), used: now, answers: {}, cards: {} };
    this.save();
  }

  get device(): string {
    return this.record.device;
  }

  answer(key: string): SavedAnswer | undefined {
    return this.record.answers[key];
  }

  rememberAnswer(key: string, saved: SavedAnswer): void {
    this.record.answers[key] = saved;
    this.save();
  }

  cards(key: string): SavedCard[] {
    return this.record.cards[key] ?? [];
  }

  rememberCard(key: string, card: SavedCard): void {
    this.record.cards[key] = [...this.cards(key), card];
    this.save();
  }

  /**
   * The session ended: take its token and answers off the phone (a school tablet may be
   * handed to the next person). Memory keeps working for this page without storage.
   */
  forget(): void {
    this.forgotten = true;
    writeStorage(PREFIX + this.room, null);
  }

  private save(): void {
    if (this.forgotten) return;
    writeStorage(PREFIX + this.room, JSON.stringify(this.record));
  }

  private forgetOldRooms(now: number): void {
    try {
      const stale: string[] = [];
      for (let i = 0; i < window.localStorage.length; i += 1) {
        const key = window.localStorage.key(i);
        if (!key || !key.startsWith(PREFIX) || key === PREFIX + this.room) continue;
        let used = 0;
        try {
          used = Number((JSON.parse(window.localStorage.getItem(key) ?? '{}') as { used?: unknown }).used) || 0;
        } catch {
          used = 0;
        }
        if (now - used > FORGET_AFTER_MS) stale.push(key);
      }
      for (const key of stale) writeStorage(key, null);
    } catch {
      // No storage: nothing to forget.
    }
  }
}
