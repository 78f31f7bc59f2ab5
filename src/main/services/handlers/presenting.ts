import type { presentingChannels } from '../../../shared/channels/presenting';
import type { AreaHandlers, HandlerDeps } from './deps';
import * as sessions from '../../db/repositories/sessions';
import type { Db } from '../../db/open';

/**
 * A slide change is committed without waiting for the disk (synchronous = NORMAL for this one
 * transaction): the room's screen should not wait 5–15 ms (more on a busy disk) for an fsync
 * after every key press (bench/presenting.bench.ts). In WAL mode the file stays consistent; a
 * power cut can lose only the last slide changes, and the next entry's commit (synchronous =
 * FULL, src/main/db/open.ts) syncs them along with itself. Entries keep their full durability.
 */
function withoutFsync<T>(db: Db, fn: () => T): T {
  const previous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma(`synchronous = ${Number(previous)}`);
  }
}

export function presentingHandlers({ db, presenting, emit, tx, config }: HandlerDeps): AreaHandlers<typeof presentingChannels> {
  return {
    'agenda:get': ({ sessionId }) => presenting.agendaView(sessionId),
    'agenda:set': ({ sessionId, items }) => {
      const view = tx(() => presenting.setAgenda(sessionId, items));
      emit('data:changed', { area: 'sessions' });
      return view;
    },
    'agenda:reset': ({ sessionId }) => tx(() => presenting.resetAgenda(sessionId)),
    'presenting:state': ({ sessionId }) => presenting.state(sessionId),
    // The audience window may not read sessions or lists (src/shared/audience.ts): it gets just this.
    'presenting:closing': ({ sessionId }) => {
      const s = sessions.getSession(db, sessionId);
      const later = sessions.listSessions(db, { groupId: s.groupId, from: s.date });
      const next = later
        .filter((o) => o.id !== s.id && !o.cancelledAt && (o.date > s.date || (o.date === s.date && o.id > s.id)))
        .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)[0];
      return { moduleTitle: s.moduleTitle, next: next ? { date: next.date, startTime: next.startTime ?? null } : null };
    },
    'presenting:command': ({ sessionId, command }) => {
      const state = withoutFsync(db, () => tx(() => presenting.command(sessionId, command)));
      emit('presenting:changed', state);
      return state;
    },
    // Displays and windows belong to the Electron shell; without one (CLI, tests) there is one screen.
    'displays:list': () => config.host.displays?.() ?? [{ id: 0, label: 'Dit scherm', primary: true, width: 1280, height: 720 }],
    'audience:open': async ({ sessionId, displayId }) => {
      presenting.state(sessionId); // the session must exist
      if (!config.host.openAudience) {
        return { open: false, displayId: null, note: 'Een tweede venster kan hier niet worden geopend; gebruik één scherm.' };
      }
      return config.host.openAudience(sessionId, displayId);
    },
    'audience:close': async () => {
      await config.host.closeAudience?.();
    },
  };
}
