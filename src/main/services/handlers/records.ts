import type { recordChannels } from '../../../shared/channels/records';
import type { PushEvent } from '../../../shared/events';
import type { RecordKind } from '../../../shared/records';
import * as records from '../../db/repositories/records';
import * as imports from '../../db/repositories/imports';
import { createUndoStore } from '../undo';
import type { AreaHandlers, HandlerDeps } from './deps';

type Area = PushEvent['data:changed']['area'];

/** Which screens show a kind: they reload after a delete, archive or undo. */
const AREAS: Record<RecordKind, Area[]> = {
  organisation: ['organisations', 'participants', 'groups'],
  school: ['organisations', 'participants'],
  group: ['groups', 'sessions'],
  participant: ['participants', 'groups', 'attendance'],
  session: ['sessions', 'attendance', 'trajectories'],
  trajectory: ['trajectories', 'sessions', 'interest'],
  interest: ['interest', 'trajectories'],
  action: ['actions'],
};

export function recordHandlers({ db, emit, tx, config }: HandlerDeps): AreaHandlers<typeof recordChannels> {
  const now = config.now ?? (() => new Date());
  const undo = createUndoStore();
  const changed = (areas: Area[]) => {
    for (const area of new Set(areas)) emit('data:changed', { area });
  };
  return {
    'records:impact': ({ kind, id }) => records.recordImpact(db, kind, id),
    'records:delete': ({ kind, id }) => {
      const { snapshot, impact } = tx(() => records.deleteRecord(db, kind, id));
      const name = `${impact.noun.replace(/^./, (c) => c.toUpperCase())} ${impact.label}`;
      const undoToken = undo.put({ restoredMessage: `${name} is teruggezet.`, snapshots: [snapshot], areas: AREAS[kind] });
      changed(AREAS[kind]);
      return { message: `${name} is verwijderd.`, undoToken };
    },
    'records:archive': ({ kind, id, archived }) => {
      const impact = tx(() => records.setArchived(db, kind, id, archived, now().toISOString()));
      changed(AREAS[kind]);
      return impact;
    },
    'records:archived': ({ kind, organisationId }) => records.listArchived(db, kind, organisationId),
    'records:undo': ({ token }) => {
      const entry = undo.take(token);
      try {
        // Newest delete last in, first back: restore in reverse order.
        tx(() => {
          for (const snapshot of [...entry.snapshots].reverse()) records.restoreSnapshot(db, snapshot);
        });
      } catch (e) {
        undo.keep(token, entry);
        throw e;
      }
      changed(entry.areas as Area[]);
      return { message: entry.restoredMessage };
    },
    'imports:list': ({ organisationId }) => imports.listImports(db, organisationId),
    'imports:remove': ({ importId }) => {
      const result = tx(() => imports.removeImport(db, importId));
      const undoToken = undo.put({
        restoredMessage: `${result.removed === 1 ? '1 deelnemer' : `${result.removed} deelnemers`} uit de import teruggezet.`,
        snapshots: result.snapshots,
        areas: ['participants', 'groups'],
      });
      changed(['participants', 'groups']);
      const kept = result.kept > 0 ? ` ${result.kept} ${result.kept === 1 ? 'deelnemer is' : 'deelnemers zijn'} gebleven: daar hangt al aanwezigheid, een bijdrage of een actie aan.` : '';
      return {
        message: `${result.removed === 1 ? '1 deelnemer' : `${result.removed} deelnemers`} uit de import verwijderd.${kept}`,
        undoToken,
        removed: result.removed,
        kept: result.kept,
      };
    },
  };
}
