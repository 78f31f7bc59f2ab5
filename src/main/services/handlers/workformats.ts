import type { workFormatChannels } from '../../../shared/channels/workformats';
import { createWorkFormatService } from '../work-formats/service';
import type { AreaHandlers, HandlerDeps } from './deps';

export function workFormatHandlers({ db, presenting, config, emit, tx }: HandlerDeps): AreaHandlers<typeof workFormatChannels> {
  const now = config.now ?? (() => new Date());
  const workFormats = createWorkFormatService(db, presenting, () => now().getTime());
  const changed = (sessionId: number, runId: number) => emit('workformat:changed', { sessionId, runId });
  /** Runs a change in its own transaction, then tells every window. */
  const write = <T>(fn: () => { sessionId: number; runId: number; value: T }): T => {
    const result = tx(fn);
    changed(result.sessionId, result.runId);
    return result.value;
  };
  const run = (fn: () => ReturnType<typeof workFormats.view>) =>
    write(() => {
      const view = fn();
      return { sessionId: view.run.sessionId, runId: view.run.id, value: view };
    });

  return {
    'runs:start': ({ sessionId, slideId, fresh }) => run(() => workFormats.start(sessionId, slideId, fresh)),
    'runs:startAdHoc': ({ sessionId, slideId, format }) => run(() => workFormats.startAdHoc(sessionId, slideId ?? null, format)),
    'runs:list': ({ sessionId }) => workFormats.list(sessionId),
    'runs:results': ({ runId, audience }) => workFormats.view(runId, audience),
    'runs:reveal': ({ runId, revealed }) => run(() => workFormats.reveal(runId, revealed)),
    'runs:timer': ({ runId, command }) => run(() => workFormats.timer(runId, command)),
    'entries:add': ({ runId, entry, participantId, afterEnd }) => write(() => workFormats.addEntry(runId, entry, participantId, afterEnd)),
    'entries:undo': ({ runId }) => ({ undone: write(() => workFormats.undo(runId)) }),
    'entries:update': ({ entryId, entry, participantId }) => write(() => workFormats.updateEntry(entryId, entry, participantId)),
    'entries:delete': ({ entryId }) => ({ deleted: write(() => workFormats.deleteEntry(entryId)) }),
  };
}
