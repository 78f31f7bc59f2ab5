// Agenda and presenting for one session. Commands become events in the
// database (one insert each), so a reloaded window or restarted app resumes
// on the same slide with the same clocks.

import fs from 'node:fs';
import type { Db } from '../db/open';
import type { ModuleService } from './modules';
import type { ParsedModule } from '../../shared/module-format';
import { AppError } from '../../shared/errors';
import { getSession } from '../db/repositories/sessions';
import * as repo from '../db/repositories/presenting';
import { parseModule } from '../modules/parse';
import { agendaFromModule, agendaSlides, checkBudget, validateAgenda, type Agenda, type AgendaItem } from '../../shared/presenting/agenda';
import { assertCanApply, ClockError, foldClock, type PresentEvent } from '../../shared/presenting/clock';
import type { AgendaView, PresentingCommand, PresentingState, ScreenMode } from '../../shared/channels/presenting';

export interface PresentingService {
  /** Called when a session is planned: keeps the module text and the default agenda. */
  planSession(sessionId: number, moduleId: string): void;
  moduleOf(sessionId: number): ParsedModule;
  agendaView(sessionId: number): AgendaView;
  setAgenda(sessionId: number, items: AgendaItem[]): AgendaView;
  resetAgenda(sessionId: number): AgendaView;
  state(sessionId: number): PresentingState;
  command(sessionId: number, command: PresentingCommand): PresentingState;
  /** Called (inside the command's transaction) when a session ends: the room server for phones stops with it. */
  onEnded(listener: (sessionId: number) => void): void;
}

export function createPresentingService(db: Db, modules: ModuleService, now: () => number): PresentingService {
  const screens = new Map<number, ScreenMode>();
  // Monotonic across restarts of main (seeded from the clock), so a window that stayed open
  // never mistakes a fresh state for an old one.
  let revision = now();
  const bump = () => {
    revision = Math.max(revision + 1, now());
  };
  const parsedCache = new Map<string, ParsedModule>();
  const endListeners: ((sessionId: number) => void)[] = [];

  function moduleOf(sessionId: number): ParsedModule {
    const snapshot = repo.getSessionModuleSource(db, sessionId);
    if (!snapshot) {
      // Sessions planned before snapshots existed: fall back to the loaded module of the same version.
      const session = getSession(db, sessionId);
      const loaded = modules.find(session.moduleId);
      if (loaded && loaded.meta.version === session.moduleVersion) return loaded;
      throw new AppError('module', `De module "${session.moduleTitle}" (versie ${session.moduleVersion}) is niet meer beschikbaar.`);
    }
    const cached = parsedCache.get(snapshot.hash);
    if (cached) return cached;
    const { module, problems } = parseModule(snapshot.source, `opgeslagen:${snapshot.hash.slice(0, 8)}`);
    if (!module) {
      throw new AppError('module', `De opgeslagen moduletekst van deze sessie bevat fouten: ${problems[0]?.message ?? 'onbekend'}`);
    }
    parsedCache.set(snapshot.hash, module);
    return module;
  }

  function agendaOf(sessionId: number): Agenda {
    return repo.getAgenda(db, sessionId) ?? agendaFromModule(moduleOf(sessionId));
  }

  function agendaView(sessionId: number): AgendaView {
    const agenda = agendaOf(sessionId);
    return {
      sessionId,
      agenda,
      budget: checkBudget(agenda),
      module: moduleOf(sessionId),
      editable: repo.listEvents(db, sessionId).length === 0,
    };
  }

  function assertEditable(sessionId: number): void {
    if (repo.listEvents(db, sessionId).length > 0) {
      throw new AppError('conflict', 'De sessie is al gestart; de agenda ligt vast.');
    }
  }

  function state(sessionId: number): PresentingState {
    getSession(db, sessionId);
    return {
      sessionId,
      agenda: agendaOf(sessionId),
      events: repo.listEvents(db, sessionId),
      screen: screens.get(sessionId) ?? 'normaal',
      serverNow: now(),
      revision,
    };
  }

  function toEvent(command: PresentingCommand, agenda: Agenda, events: PresentEvent[], at: number): PresentEvent | null {
    const slides = agendaSlides(agenda);
    const clock = foldClock(agenda, events, at);
    const index = clock.current ? slides.findIndex((s) => s.slideId === clock.current!.slideId) : -1;
    const gotoIndex = (i: number): PresentEvent | null => {
      const target = slides[Math.min(Math.max(i, 0), slides.length - 1)];
      if (!target || (clock.current && target.slideId === clock.current.slideId)) return null;
      return { type: 'goto', at, ...target };
    };
    switch (command.type) {
      case 'reopen':
        // Stored as 'resume' after 'end' (the clock folds that as a reopen).
        if (clock.status !== 'afgelopen') throw new AppError('conflict', 'De sessie is niet afgerond.');
        return { type: 'resume', at };
      case 'start': {
        if (clock.status === 'afgelopen') return { type: 'resume', at }; // F5 after the end: continue
        const target = command.slideId ? slides.find((s) => s.slideId === command.slideId) : slides[0];
        if (!target) throw new AppError('ongeldige_invoer', `De dia "${command.slideId}" staat niet in de agenda.`);
        return { type: 'start', at, ...target };
      }
      case 'next':
        return gotoIndex(index + 1);
      case 'prev':
        return gotoIndex(index - 1);
      case 'gotoIndex':
        return gotoIndex(command.index);
      case 'goto': {
        const target = slides.find((s) => s.slideId === command.slideId);
        if (!target) throw new AppError('ongeldige_invoer', `De dia "${command.slideId}" staat niet in de agenda.`);
        return target.slideId === clock.current?.slideId ? null : { type: 'goto', at, ...target };
      }
      case 'pause':
      case 'resume':
      case 'end':
        return { type: command.type, at };
      case 'extend':
        return { type: 'extend', at, minutes: command.minutes };
      case 'screen':
        return null;
    }
  }

  return {
    moduleOf,
    agendaView,
    state,
    onEnded(listener) {
      endListeners.push(listener);
    },
    planSession(sessionId, moduleId) {
      const module = modules.get(moduleId);
      const source = fs.readFileSync(module.file, 'utf8');
      const hash = repo.storeModuleSnapshot(db, { id: module.meta.id, version: module.meta.version, source });
      repo.linkSessionSnapshot(db, sessionId, hash);
      repo.setAgenda(db, sessionId, agendaFromModule(module));
    },
    setAgenda(sessionId, items) {
      assertEditable(sessionId);
      const module = moduleOf(sessionId);
      const agenda: Agenda = { moduleId: module.meta.id, moduleVersion: module.meta.version, items };
      const problems = validateAgenda(agenda, module);
      if (problems.length > 0) throw new AppError('ongeldige_invoer', problems[0]!);
      repo.setAgenda(db, sessionId, agenda);
      return agendaView(sessionId);
    },
    resetAgenda(sessionId) {
      assertEditable(sessionId);
      repo.setAgenda(db, sessionId, agendaFromModule(moduleOf(sessionId)));
      return agendaView(sessionId);
    },
    command(sessionId, command) {
      getSession(db, sessionId);
      if (command.type === 'screen') {
        screens.set(sessionId, command.mode);
        bump();
        return state(sessionId);
      }
      const agenda = agendaOf(sessionId);
      const events = repo.listEvents(db, sessionId);
      // Never let the log go back in time (a changed system clock): clamp to the last event.
      const last = events[events.length - 1];
      const at = Math.max(now(), last?.at ?? 0);
      const event = toEvent(command, agenda, events, at);
      if (event) {
        try {
          assertCanApply(events, event, agenda);
        } catch (error) {
          if (error instanceof ClockError) throw new AppError('conflict', error.message);
          throw error;
        }
        const wasEnded = foldClock(agenda, events, at).status === 'afgelopen';
        repo.appendEvent(db, sessionId, event);
        bump();
        if (event.type === 'start' || event.type === 'end' || (event.type === 'resume' && wasEnded)) {
          repo.setSessionStatus(db, sessionId, event.type === 'end' ? 'afgerond' : 'bezig');
        }
        if (event.type === 'end') for (const listener of endListeners) listener(sessionId);
      }
      return state(sessionId);
    },
  };
}
