// Actieplan (action plan): what, who and when. Each entry also writes an
// agreed action (service.ts), whose school and status the results show; the
// report lists the actions in its own section, so here it only counts them.

import { plural } from '../../../reports/charts';
import { checkAction } from './checks';
import type { WorkFormatTypeModule } from './module';
import { DECLARATION_RULES } from '../../../../shared/work-format-declarations';

export const actieplan: WorkFormatTypeModule<'actieplan'> = {
  type: 'actieplan',
  declaration: DECLARATION_RULES.actieplan,
  entries: { action: checkAction },
  // Each entry wrote an agreed action; its school and status are read from there.
  reads: { actions: true },
  results: (_format, entries, ctx) => ({
    type: 'actieplan',
    actions: entries
      .filter((e) => e.kind === 'action')
      .map((e) => {
        const action = ctx.actionOf?.(e.id);
        return {
          entryId: e.id,
          actionId: action?.actionId ?? null,
          what: String(e.payload.what),
          who: (e.payload.who as string | null) ?? null,
          due: (e.payload.due as string | null) ?? null,
          schoolName: action?.schoolName ?? null,
          participantName: ctx.nameOf?.(e.participantId) ?? null,
          status: action?.status ?? null,
        };
      }),
  }),
  csvRows: (r) => r.actions.map((a) => ['actie', a.what, a.due]),
  writeReport(w, r, _prompt, parent) {
    w.note(r.actions.length === 0 ? 'Geen acties ingevoerd.' : `${plural(r.actions.length, 'actie', 'acties')} afgesproken; zie het actieplan.`, parent);
  },
  // The actions themselves are summed up per owner in "In het kort".
  outcome: () => null,
  pseudonymise: (r, p) => ({
    ...r,
    actions: r.actions.map((a) => ({ ...a, what: p.text(a.what), who: a.who === null ? null : p.person(a.who), participantName: null })),
  }),
  freeTexts: (r) => r.actions.flatMap((a) => [a.what, a.who ?? '']),
};
