// Running work formats in a session: start a run (declared on a slide of the
// session's module snapshot, or added on the spot), record entries from the
// room, undo / edit / delete them, reveal results and run the timer.
// Every method is one user action; the handler wraps it in one transaction.

import type { Db } from '../../db/open';
import type { PresentingService } from '../presenting';
import { AppError } from '../../../shared/errors';
import type { WorkFormat } from '../../../shared/module-format';
import type { EntryKind, EntryView, RunSummary, RunView } from '../../../shared/work-formats';
import type { AdHocFormatInput, EntryInput, TimerCommand } from '../../../shared/channels/workformats';
import { createWorkFormatRepo, type EntryRow, type RunRow } from '../../db/repositories/work-formats';
import { checkDeclaration } from './declaration';
import { checkEntry } from './entries';
import { computeResults } from './results';
import { moduleOf } from './types';
import { applyTimer, timerState } from './timer';
import { schoolSplit } from './by-school';

export interface Changed<T> {
  sessionId: number;
  runId: number;
  value: T;
}

export interface WorkFormatService {
  start(sessionId: number, slideId: string, fresh?: boolean): RunView;
  startAdHoc(sessionId: number, slideId: string | null, format: AdHocFormatInput): RunView;
  list(sessionId: number): RunSummary[];
  view(runId: number, audience?: boolean): RunView;
  reveal(runId: number, revealed: boolean): RunView;
  timer(runId: number, command: TimerCommand): RunView;
  /** afterEnd: the session record's explicit edit path; without it an ended session takes no entries. */
  addEntry(runId: number, entry: EntryInput, participantId?: number | null, afterEnd?: boolean): Changed<EntryView>;
  undo(runId: number): Changed<EntryView | null>;
  updateEntry(entryId: number, entry: EntryInput, participantId?: number | null): Changed<EntryView>;
  deleteEntry(entryId: number): Changed<EntryView>;
}

export function createWorkFormatService(db: Db, presenting: Pick<PresentingService, 'moduleOf'>, now: () => number): WorkFormatService {
  const repo = createWorkFormatRepo(db);

  function summary(run: RunRow, entries: number): RunSummary {
    return {
      id: run.id,
      sessionId: run.sessionId,
      slideId: run.slideId,
      workFormatId: run.workFormatId,
      moduleVersion: run.moduleVersion,
      type: run.type,
      prompt: run.declaration.prompt,
      adHoc: run.adHoc,
      revealed: run.revealed,
      phoneState: run.phoneState,
      entries,
      createdAt: run.createdAt,
    };
  }

  function entryView(e: EntryRow, name: string | null): EntryView {
    return { ...e, participantName: e.participantId === null ? null : name };
  }

  function view(runId: number, audience = false): RunView {
    const run = repo.getRun(runId);
    const entries = repo.listEntries(runId);
    const names = audience ? new Map<number, string>() : repo.participantNames(runId);
    const nameOf = (id: number | null) => (id === null || audience ? null : (names.get(id) ?? null));
    const hidden = audience && !run.revealed;
    const actions = moduleOf(run.type).reads?.actions && !hidden ? repo.actionsOfRun(runId) : new Map();
    return {
      run: summary(run, entries.length),
      declaration: run.declaration,
      timer: timerState(run.timer, run.declaration.minutes, now()),
      // Phone text waiting for moderation counts nowhere until the facilitator lets it through.
      results: hidden
        ? null
        : computeResults(
            run.declaration,
            entries.filter((e) => !e.pending),
            { nameOf, actionOf: (id) => actions.get(id) },
          ),
      entries: audience ? [] : entries.map((e) => entryView(e, nameOf(e.participantId))),
      bySchool: hidden ? null : schoolSplit(db, runId, run.declaration, audience),
    };
  }

  /** Checks that a linked participant is present; returns their name and school. */
  function linked(sessionId: number, participantId: number | null): { name: string; schoolId: number | null } | null {
    if (participantId === null) return null;
    const p = repo.presentParticipant(sessionId, participantId);
    if (!p) throw new AppError('ongeldige_invoer', 'Deze deelnemer staat niet als aanwezig in deze sessie; koppel alleen wie er is.');
    return p;
  }

  function checked(run: RunRow, entry: EntryInput, participantId: number | null, except?: number) {
    const person = linked(run.sessionId, participantId);
    // Read back only what the checks compare with, so a long brainstorm or round stays fast:
    // votes (and the card voted on), clusters, or a linked person's earlier answers.
    const kinds: EntryKind[] =
      entry.kind === 'count' && entry.delta !== undefined
        ? ['count', 'vote'] // the tally the delta applies to
        : entry.kind === 'vote' || entry.kind === 'cluster'
          ? [entry.kind]
          : participantId !== null
            ? [entry.kind]
            : [];
    const alsoId = entry.kind === 'vote' ? (entry.cardId ?? null) : entry.kind === 'card' ? (entry.clusterId ?? null) : null;
    const others = kinds.length > 0 || alsoId !== null ? repo.entriesFor(run.id, kinds, alsoId).filter((e) => e.id !== except) : [];
    const needsCount = moduleOf(run.type).reads?.presentCountFor?.includes(entry.kind) === true;
    const payload = checkEntry(run.declaration, entry, {
      entries: others,
      participantId,
      presentCount: needsCount ? repo.presentCount(run.sessionId) : 0,
      participantName: person?.name ?? null,
    });
    if (entry.kind === 'action') {
      const schoolId = payload.schoolId as number | null;
      if (schoolId !== null && !repo.schoolInSession(run.sessionId, schoolId)) {
        throw new AppError('ongeldige_invoer', 'Deze school hoort niet bij de organisatie van deze groep.');
      }
    }
    return { payload, person };
  }

  function actionFields(payload: Record<string, unknown>, participantId: number | null, person: { schoolId: number | null } | null) {
    return {
      schoolId: (payload.schoolId as number | null) ?? person?.schoolId ?? null,
      participantId,
      what: payload.what as string,
      who: (payload.who as string | null) ?? null,
      due: (payload.due as string | null) ?? null,
    };
  }

  /** Entries come in while the session runs; afterwards only through the session record. */
  function assertOpen(sessionId: number): void {
    if (repo.session(sessionId).ended) {
      throw new AppError(
        'conflict',
        'Deze sessie is afgerond; hier kan niets meer bij. Corrigeer of vul aan in het sessieverslag (Sessies → de sessie), of start de sessie opnieuw (F5).',
      );
    }
  }

  return {
    start(sessionId, slideId, fresh = false) {
      const session = repo.session(sessionId);
      const module = presenting.moduleOf(sessionId);
      const slide = module.blocks.flatMap((b) => b.slides).find((s) => s.id === slideId);
      if (!slide) throw new AppError('niet_gevonden', `De dia "${slideId}" staat niet in de module van deze sessie.`);
      if (!slide.workFormat) throw new AppError('ongeldige_invoer', `Op de dia "${slide.title}" staat geen werkvorm.`);
      let declaration: WorkFormat;
      try {
        declaration = checkDeclaration(slide.workFormat);
      } catch (error) {
        const message = error instanceof AppError ? error.message : String(error);
        throw new AppError('module', `De werkvorm "${slide.workFormat.id}" in de module (regel ${slide.workFormat.line}) is fout: ${message}`);
      }
      if (!fresh) {
        const existing = repo.latestRun(sessionId, slideId, declaration.id);
        if (existing) return view(existing.id);
      }
      const run = repo.insertRun({
        sessionId,
        slideId,
        workFormatId: declaration.id,
        moduleVersion: session.moduleVersion,
        adHoc: false,
        declaration,
      });
      return view(run.id);
    },

    startAdHoc(sessionId, slideId, format) {
      const session = repo.session(sessionId);
      const used = repo.formatIds(sessionId);
      let fallback = 'ter-plekke-1';
      for (let n = 2; used.has(fallback); n++) fallback = `ter-plekke-${n}`;
      const declaration = checkDeclaration(format, fallback);
      const run = repo.insertRun({
        sessionId,
        slideId: slideId ?? null,
        workFormatId: declaration.id,
        moduleVersion: session.moduleVersion,
        adHoc: true,
        declaration,
      });
      return view(run.id);
    },

    list(sessionId) {
      repo.session(sessionId);
      return repo.listRuns(sessionId).map((r) => summary(r, r.entryCount));
    },

    view,

    reveal(runId, revealed) {
      repo.getRun(runId);
      repo.setRevealed(runId, revealed);
      return view(runId);
    },

    timer(runId, command) {
      const run = repo.getRun(runId);
      repo.setTimer(runId, applyTimer(run.timer, command, run.declaration.minutes, now()));
      return view(runId);
    },

    addEntry(runId, entry, participantId = null, afterEnd = false) {
      const run = repo.getRun(runId);
      if (!afterEnd) assertOpen(run.sessionId);
      const { payload, person } = checked(run, entry, participantId ?? null);
      const stored = repo.insertEntry(runId, entry.kind, payload, participantId ?? null);
      if (entry.kind === 'action') {
        const session = repo.session(run.sessionId);
        repo.insertAction({
          ...actionFields(payload, participantId ?? null, person),
          groupId: session.groupId,
          sessionId: run.sessionId,
          trajectoryId: session.trajectoryId,
          slideId: run.slideId,
          workFormatId: run.workFormatId,
          entryId: stored.id,
        });
      }
      return { sessionId: run.sessionId, runId, value: entryView(stored, person?.name ?? null) };
    },

    undo(runId) {
      const run = repo.getRun(runId);
      assertOpen(run.sessionId);
      const last = repo.lastEntry(runId);
      if (last) repo.deleteEntry(last);
      const name = last?.participantId ? repo.participantName(last.participantId) : null;
      return { sessionId: run.sessionId, runId, value: last ? entryView(last, name) : null };
    },

    updateEntry(entryId, entry, participantId = null) {
      const existing = repo.getEntry(entryId);
      if (existing.kind !== entry.kind) {
        throw new AppError('ongeldige_invoer', 'Een invoer kan niet van soort veranderen; verwijder hem en voer een nieuwe in.');
      }
      const run = repo.getRun(existing.runId);
      const { payload, person } = checked(run, entry, participantId ?? null, entryId);
      const stored = repo.updateEntry(entryId, payload, participantId ?? null);
      if (entry.kind === 'action') repo.updateAction(entryId, actionFields(payload, participantId ?? null, person));
      return { sessionId: run.sessionId, runId: run.id, value: entryView(stored, person?.name ?? null) };
    },

    deleteEntry(entryId) {
      const existing = repo.getEntry(entryId);
      const run = repo.getRun(existing.runId);
      const name = existing.participantId ? repo.participantName(existing.participantId) : null;
      repo.deleteEntry(existing);
      return { sessionId: run.sessionId, runId: run.id, value: entryView(existing, name) };
    },
  };
}
