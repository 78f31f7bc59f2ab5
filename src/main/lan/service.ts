// The room server's life: started on request for one session, on the address
// the facilitator chose, stopped with the session (lan:stop, the session's
// end, the core closing). It hears the core's events to push a changed
// question to the phones, and tells the windows how many phones listen.
// At most one server runs; a start for another session stops the first.

import type { Db } from '../db/open';
import { AppError } from '../../shared/errors';
import type { LanInterface, LanStatus } from '../../shared/channels/lan';
import type { PhoneAnswerBody, PhonePrompt } from '../../shared/phone';
import type { PushEvent, PushEventName } from '../../shared/events';
import type { PhoneService, BarePrompt, PhoneAnswerResult } from '../services/work-formats/phones';
import { createRoom, type Room } from './room';
import { qrSvg } from './qr';
import { systemInterfaces } from './interfaces';
import { readParticipantFiles, startRoomServer, type RoomServer } from './server';

/** The fixed port first (the address on the projector stays the same), then the fallbacks. */
export const LAN_DEFAULT_PORT = 8787;
export const LAN_FALLBACK_PORTS = 12;

export interface LanOptions {
  db: Db;
  phones: PhoneService;
  /** Pushes to the windows (the core's emit, not the wrapped one the service itself hears). */
  emit: <E extends PushEventName>(event: E, payload: PushEvent[E]) => void;
  participantDir: string;
  /** Tests and the harness: 127.0.0.1 may be chosen. */
  allowLoopback?: boolean;
  /** First port to try (default 8787). */
  port?: number;
  interfaces?: () => LanInterface[];
}

export interface LanService {
  interfaces(): LanInterface[];
  start(sessionId: number, address: string): Promise<LanStatus>;
  stop(sessionId: number): Promise<LanStatus>;
  status(sessionId: number): LanStatus;
  /** The core emitted an event: a changed slide or run may change what phones see. */
  heard<E extends PushEventName>(event: E, payload: PushEvent[E]): void;
  /** The session ended (presenting): stop its server and clean up, synchronously for the database. */
  sessionEnded(sessionId: number): void;
  /**
   * At app start, once the database may be written: no server runs yet, so device keys, phone text
   * never let through and runs open for phones can only be left by an app that was killed while
   * phones took part. They are cleared as a stop would have; returns the sessions cleaned.
   */
  clearLeftovers(): number[];
  /** The core is closing: clean up the database and drop every connection now. */
  close(): void;
  /** Bench and tests only: the running room's keys (never reachable from a window or a phone). */
  runningRoom(): Room | null;
}

interface Running {
  room: Room;
  server: RoomServer;
  url: string;
  qr: string;
}

export function createLanService(options: LanOptions): LanService {
  const { db, phones, emit } = options;
  const firstPort = options.port ?? LAN_DEFAULT_PORT;
  const ports = Array.from({ length: LAN_FALLBACK_PORTS + 1 }, (_, i) => firstPort + i);
  const listInterfaces = options.interfaces ?? (() => systemInterfaces(options.allowLoopback ?? false));
  let running: Running | null = null;
  /** Serialises start/stop so two quick clicks never run two servers. */
  let queue: Promise<unknown> = Promise.resolve();
  // Grows across restarts of the server, so a phone never takes a fresh prompt for an old one.
  let revision = Date.now();
  let lastPrompt = '';
  let phoneCount = 0;

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next;
  };

  function bare(room: Room): BarePrompt {
    try {
      return phones.prompt(room.sessionId, room.questionKey);
    } catch (error) {
      // The session was deleted or its module is unreadable: phones see the end, not an error.
      if (error instanceof AppError) return { state: 'einde' };
      throw error;
    }
  }

  /** The prompt with its revision; the revision grows only when what phones see changes. */
  function prompt(room: Room): PhonePrompt {
    const p = bare(room);
    const json = JSON.stringify(p);
    if (json !== lastPrompt) {
      lastPrompt = json;
      revision++;
    }
    return { ...p, revision } as PhonePrompt;
  }

  function status(sessionId: number | null): LanStatus {
    const r = running && (sessionId === null || running.room.sessionId === sessionId) ? running : null;
    return {
      running: r !== null,
      sessionId: r?.room.sessionId ?? null,
      address: r?.server.address ?? null,
      port: r?.server.port ?? null,
      roomCode: r?.room.code ?? null,
      url: r?.url ?? null,
      qrSvg: r?.qr ?? null,
      phones: r?.server.phones() ?? 0,
      problem: null,
    };
  }

  // Group commit: answers that arrive together (a burst when a question opens) are stored in
  // one transaction, each in its own savepoint so a refused answer undoes only itself. One
  // fsync per batch instead of one per answer keeps the answer-stored time low under load
  // (bench/lan.bench.ts); a phone gets its 200 only after the commit, so nothing acknowledged is lost.
  let batch: { room: Room; body: PhoneAnswerBody; resolve: (s: PhoneAnswerResult['status']) => void; reject: (e: unknown) => void }[] = [];

  function enqueue(room: Room, body: PhoneAnswerBody): Promise<PhoneAnswerResult['status']> {
    return new Promise((resolve, reject) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push({ room, body, resolve, reject });
    });
  }

  function flush(): void {
    const items = batch;
    batch = [];
    if (items.length === 0) return;
    if (!db.open) {
      for (const item of items) item.reject(new AppError('conflict', 'De telefoonserver is gestopt; antwoorden kan niet meer.'));
      return;
    }
    const outcomes: ({ ok: true; result: PhoneAnswerResult } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        const answerers = new Map<Room, ReturnType<PhoneService['answerer']>>();
        for (const { room, body } of items) {
          try {
            let answer = answerers.get(room);
            if (!answer) answerers.set(room, (answer = phones.answerer(room.sessionId, room.questionKey)));
            const store = answer;
            outcomes.push({ ok: true, result: db.transaction(() => store(room.deviceKey(body.device), body))() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    // One push per run changed, not per answer: the presenter reloads its count once per batch.
    const changed = new Map<number, number>();
    for (const o of outcomes) if (o.ok) changed.set(o.result.runId, o.result.sessionId);
    for (const [runId, sessionId] of changed) emit('workformat:changed', { sessionId, runId });
    items.forEach((item, i) => {
      const o = outcomes[i]!;
      if (o.ok) item.resolve(o.result.status);
      else item.reject(o.error);
    });
  }

  /** Privacy clean-up of the session in one transaction; windows reload the runs it touched. */
  function clear(sessionId: number): void {
    if (!db.open) return;
    const runs = db.transaction(() => phones.clearSession(sessionId))();
    for (const runId of runs) emit('workformat:changed', { sessionId, runId });
  }

  async function stopRunning(): Promise<void> {
    const r = running;
    if (!r) return;
    flush(); // answers already received are stored, then cleaned up like the rest
    running = null;
    phoneCount = 0;
    clear(r.room.sessionId);
    await r.server.close();
    emit('lan:changed', { sessionId: r.room.sessionId });
  }

  return {
    interfaces: () => listInterfaces(),

    start(sessionId, address) {
      return serial(async () => {
        const state = phones.sessionState(sessionId);
        if (state === null) throw new AppError('niet_gevonden', 'Deze sessie bestaat niet (meer).');
        if (state === 'afgerond') throw new AppError('conflict', 'Deze sessie is afgerond; telefoons kunnen alleen meedoen terwijl de sessie loopt.');
        if (!listInterfaces().some((i) => i.address === address)) {
          throw new AppError('ongeldige_invoer', `Het netwerkadres ${address} hoort niet (meer) bij deze laptop. Kies een adres uit de lijst.`);
        }
        const files = readParticipantFiles(options.participantDir);
        // Moving to another address keeps the session's secret (one answer per phone still holds)
        // but gets a new room code; another session starts from scratch.
        let room: Room;
        if (running && running.room.sessionId === sessionId) {
          room = running.room.withNewCode();
          const old = running;
          running = null;
          // The phones reconnect to the new address and are counted afresh.
          phoneCount = 0;
          await old.server.close();
        } else {
          await stopRunning();
          // Left from a server that never stopped properly (the app was killed): its keys can
          // never be matched again under a new secret, and its waiting text has no queue any more.
          clear(sessionId);
          room = createRoom(sessionId);
        }
        const current = room;
        const server = await startRoomServer(address, ports, {
          files,
          roomMatches: (code) => current.matches(code),
          prompt: () => prompt(current),
          answer: (body) => enqueue(current, body),
          deviceKey: (token) => current.deviceKey(token),
          onPhones: (count) => {
            if (count === phoneCount) return;
            phoneCount = count;
            emit('lan:changed', { sessionId: current.sessionId });
          },
        });
        const url = `http://${address}:${server.port}/${room.code}`;
        running = { room, server, url, qr: await qrSvg(url) };
        emit('lan:changed', { sessionId });
        return status(sessionId);
      });
    },

    stop(sessionId) {
      return serial(async () => {
        if (running?.room.sessionId === sessionId) await stopRunning();
        else clear(sessionId); // nothing runs for it; still make sure nothing is left behind
        return status(sessionId);
      });
    },

    status: (sessionId) => status(sessionId),

    heard(event, payload) {
      const r = running;
      if (!r) return;
      if (event !== 'presenting:changed' && event !== 'workformat:changed') return;
      if ((payload as { sessionId: number }).sessionId !== r.room.sessionId) return;
      const before = revision;
      const p = prompt(r.room);
      if (p.revision !== before) r.server.broadcast(p);
    },

    clearLeftovers() {
      if (running || !db.open) return [];
      const sessions = phones.sessionsWithLeftovers();
      for (const sessionId of sessions) clear(sessionId);
      return sessions;
    },

    sessionEnded(sessionId) {
      if (running?.room.sessionId === sessionId) flush();
      // Runs inside the presenting transaction: the database clean-up commits with the end itself.
      for (const runId of phones.clearSession(sessionId)) emit('workformat:changed', { sessionId, runId });
      if (running?.room.sessionId !== sessionId) return;
      const r = running;
      running = null;
      phoneCount = 0;
      // Phones hear the end before the connection goes.
      r.server.broadcast({ state: 'einde', revision: ++revision });
      r.server.closeNow();
      emit('lan:changed', { sessionId });
    },

    close() {
      const r = running;
      if (!r) return;
      flush();
      running = null;
      clear(r.room.sessionId);
      r.server.closeNow();
      // A restore closes the core while windows stay open: their switch must show the server stopped.
      emit('lan:changed', { sessionId: r.room.sessionId });
    },

    runningRoom: () => running?.room ?? null,
  };
}
