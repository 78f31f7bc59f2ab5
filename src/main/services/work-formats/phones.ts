// Answers from phones in the room (issue 16), on the database side: which
// question phones see now, storing an answer as ordinary entries (source
// 'phone', checked by the same checkEntry as typed entries, so both count in
// the same results), the facilitator opening and closing a run for phones,
// letting phone text through, and the privacy clean-up when the room server
// stops or the session ends. Which entries an answer becomes is decided per
// type's module (types/<type>.ts, `phone`). Every method is one transaction's worth of work;
// the caller (the room server, the IPC handler) wraps it in one.

import type { Db } from '../../db/open';
import type { PresentingService } from '../presenting';
import { AppError } from '../../../shared/errors';
import type { PhoneAnswerBody, PhonePrompt } from '../../../shared/phone';
import type { EntryKind, PhoneState, RunView } from '../../../shared/work-formats';
import type { EntryInput } from '../../../shared/channels/workformats';
import { foldClock } from '../../../shared/presenting/clock';
import { createWorkFormatRepo, type RunRow } from '../../db/repositories/work-formats';
import { createPhoneEntriesRepo } from '../../db/repositories/phone-entries';
import { checkEntry, type StoredEntry } from './entries';
import { createWorkFormatService } from './service';
import { phoneInputOf } from './types';
import type { DeviceEntry } from './types/phone';

/** A phone prompt before the room server stamps its revision on it. */
export type BarePrompt = PhonePrompt extends infer P ? (P extends unknown ? Omit<P, 'revision'> : never) : never;

export interface PhoneAnswerResult {
  sessionId: number;
  runId: number;
  status: 'opgeslagen' | 'wacht-op-begeleider';
}

export interface PhoneService {
  /** What phones see now. `questionKey` makes the opaque question id (room.ts). */
  prompt(sessionId: number, questionKey: (runId: number, state: PhoneState) => string): BarePrompt;
  /** Stores one answer from a phone; throws a Dutch AppError when it cannot be taken. */
  answer(sessionId: number, deviceKey: string, body: PhoneAnswerBody, questionKey: (runId: number, state: PhoneState) => string): PhoneAnswerResult;
  /** The same for a batch: the session's open question is looked up once; call the result per answer. */
  answerer(sessionId: number, questionKey: (runId: number, state: PhoneState) => string): (deviceKey: string, body: PhoneAnswerBody) => PhoneAnswerResult;
  /** Opens or closes a run for phones; returns the runs whose state changed (the run itself first). */
  setPhoneState(runId: number, state: PhoneState): { sessionId: number; runs: number[]; view: RunView };
  /** Lets a phone's text through (allow) or deletes it for good. */
  moderate(entryId: number, allow: boolean): { sessionId: number; runId: number; view: RunView };
  /** Device keys to NULL, never-approved phone text deleted, no run left open for phones. Returns the changed runs. */
  clearSession(sessionId: number): number[];
  /** Sessions clearSession would change: what a stopped server leaves behind only when the app was killed. */
  sessionsWithLeftovers(): number[];
  /** 'loopt' (planned or running), 'afgerond', or null when the session does not exist. */
  sessionState(sessionId: number): 'loopt' | 'afgerond' | null;
}

/** The adapter to the typed entries' checks: one place to follow when checkEntry moves per type. */
function checkAsTyped(run: RunRow, entry: EntryInput, others: StoredEntry[], presentCount: number): Record<string, unknown> {
  return checkEntry(run.declaration, entry, { entries: others, participantId: null, presentCount, participantName: null });
}

const CLOSED = 'Deze vraag is gesloten; wacht op de volgende.';

export function createPhoneService(db: Db, presenting: Pick<PresentingService, 'moduleOf' | 'state'>, now: () => number): PhoneService {
  const repo = createPhoneEntriesRepo(db);
  const runs = createWorkFormatRepo(db);
  const workFormats = createWorkFormatService(db, presenting, now);

  /** The run phones may answer now: open for phones and on the presenter's current slide (or added without a slide). */
  function currentRun(sessionId: number): RunRow | null {
    const runId = repo.openRun(sessionId);
    if (runId === null) return null;
    const run = runs.getRun(runId);
    if (run.slideId !== null) {
      const state = presenting.state(sessionId);
      const current = foldClock(state.agenda, state.events, state.serverNow).current;
      if (current?.slideId !== run.slideId) return null;
    }
    return phoneInputOf(run.type) ? run : null;
  }

  function answerer(sessionId: number, questionKey: (runId: number, state: PhoneState) => string): (deviceKey: string, body: PhoneAnswerBody) => PhoneAnswerResult {
    // Resolved once for a batch of answers: the session, its open run and the slide do not
    // change between answers of one batch (they change only through the facilitator's IPC).
    const ended = repo.sessionEnded(sessionId) !== false;
    const run = ended ? null : currentRun(sessionId);
    const question = run ? questionKey(run.id, run.phoneState) : null;
    return (deviceKey, body) => {
      if (ended) throw new AppError('conflict', 'De sessie is afgelopen; antwoorden kan niet meer.');
      if (!run || question !== body.question) throw new AppError('conflict', CLOSED);
      const mapping = phoneInputOf(run.type)!;
      const kinds: EntryKind[] = ['vote', 'argument', 'card', 'rating', 'rank', 'word', 'score'];
      const mine: DeviceEntry[] = repo.ofDevice(run.id, deviceKey, kinds);
      const { add, remove } = mapping.entries(run.declaration, run.phoneState, body.answer, mine);
      // Check against what the run holds without the entries this answer replaces;
      // votes on a brainstorm are checked against the cards let through and every other vote.
      const removed = new Set(remove);
      const needs = new Set<EntryKind>(add.flatMap(({ entry }) => (entry.kind === 'vote' && run.type === 'brainstorm' ? ['card', 'vote'] : [])));
      const others: StoredEntry[] = needs.size
        ? runs.entriesFor(run.id, [...needs], null).filter((e) => !removed.has(e.id) && !e.pending)
        : [];
      const presentCount = needs.size ? runs.presentCount(sessionId) : 0;
      const checked = add.map(({ entry, pending }) => {
        const payload = checkAsTyped(run, entry, others, presentCount);
        // Later entries of the same answer are checked with the earlier ones in place (dots add up).
        others.push({ id: -others.length - 1, kind: entry.kind, payload, participantId: null });
        return { kind: entry.kind, payload, pending };
      });
      // The entry checks matched options case-insensitively; the same option twice is still one choice.
      const options = checked.filter((c) => c.kind === 'vote' && c.payload.option !== undefined).map((c) => c.payload.option);
      if (new Set(options).size !== options.length) throw new AppError('ongeldige_invoer', 'Een keuze staat er twee keer in.');
      repo.deleteIds(remove);
      for (const c of checked) repo.insert(run.id, c.kind, c.payload, deviceKey, c.pending);
      return { sessionId, runId: run.id, status: checked.some((c) => c.pending) ? 'wacht-op-begeleider' : 'opgeslagen' };
    };
  }

  return {
    prompt(sessionId, questionKey) {
      const ended = repo.sessionEnded(sessionId);
      if (ended !== false) return { state: 'einde' };
      const run = currentRun(sessionId);
      if (!run) return { state: 'wachten' };
      const mapping = phoneInputOf(run.type)!;
      const state = run.phoneState;
      return {
        state: 'open',
        question: questionKey(run.id, state),
        type: run.type as Extract<PhonePrompt, { state: 'open' }>['type'],
        prompt: run.declaration.prompt,
        ...mapping.prompt(run.declaration, state, () => repo.approvedCards(run.id)),
      };
    },

    answerer,

    answer: (sessionId, deviceKey, body, questionKey) => answerer(sessionId, questionKey)(deviceKey, body),

    setPhoneState(runId, state) {
      const run = runs.getRun(runId);
      if (state !== 'off' && state !== 'closed') {
        const mapping = phoneInputOf(run.type);
        if (!mapping) {
          throw new AppError('ongeldige_invoer', 'Dit soort werkvorm blijft gesproken; telefoons kunnen hier niet antwoorden.');
        }
        if (!mapping.states.includes(state)) {
          throw new AppError('ongeldige_invoer', 'Stippen verdelen kan alleen bij een brainstorm.');
        }
        if (repo.sessionEnded(run.sessionId) !== false) {
          throw new AppError('conflict', 'Deze sessie is afgerond; open de vraag pas weer als de sessie opnieuw loopt (F5).');
        }
      }
      const changed = repo.setState(run.sessionId, runId, state);
      return { sessionId: run.sessionId, runs: changed, view: workFormats.view(runId) };
    },

    moderate(entryId, allow) {
      const entry = repo.entry(entryId);
      if (!entry) throw new AppError('niet_gevonden', 'Deze invoer bestaat niet (meer).');
      if (!entry.pending) throw new AppError('conflict', 'Deze invoer is al toegelaten.');
      const run = runs.getRun(entry.runId);
      if (allow) repo.approve(entryId);
      else runs.deleteEntry(runs.getEntry(entryId));
      return { sessionId: run.sessionId, runId: run.id, view: workFormats.view(run.id) };
    },

    clearSession: (sessionId) => repo.clearSession(sessionId),
    sessionsWithLeftovers: () => repo.sessionsWithLeftovers(),

    sessionState(sessionId) {
      const ended = repo.sessionEnded(sessionId);
      return ended === null ? null : ended ? 'afgerond' : 'loopt';
    },
  };
}
