// What people say in turn, shared by the rondje and the opdracht: one
// contribution per entry, optionally linked to who said it.

import type { WorkFormatType } from '../../../../shared/module-format';
import { checkContribution } from './checks';
import type { DeclarationRules, WorkFormatTypeModule } from './module';

type ContributionType = Extract<WorkFormatType, 'rondje' | 'opdracht'>;

/** Every part of a contributions type but its name and what sets it apart (the opdracht's timer lives in the renderer). */
export function contributionsModule<T extends ContributionType>(type: T, declaration: DeclarationRules): WorkFormatTypeModule<T> {
  const module: WorkFormatTypeModule<ContributionType> = {
    type,
    declaration,
    entries: { contribution: checkContribution },
    results: (_format, entries, ctx) =>
      ({
        type,
        contributions: entries
          .filter((e) => e.kind === 'contribution')
          .map((e) => ({ entryId: e.id, text: String(e.payload.text), participantName: ctx.nameOf?.(e.participantId) ?? null })),
      }),
    csvRows: (r) => r.contributions.map((c) => ['bijdrage', c.text, null]),
    writeReport(w, r, _prompt, parent) {
      if (r.contributions.length === 0) {
        w.note('Geen bijdragen ingevoerd.', parent);
        return;
      }
      w.bullets(
        r.contributions.map((c) => ({ lead: c.participantName ? `${c.participantName}:` : undefined, text: c.text })),
        parent,
      );
    },
    outcome: (r, lead) =>
      r.contributions.length === 0 ? null : `${lead}: ${r.contributions.length} ${r.contributions.length === 1 ? 'bijdrage' : 'bijdragen'}.`,
    pseudonymise: (r, p) => ({ ...r, contributions: r.contributions.map((c) => ({ ...c, text: p.text(c.text), participantName: p.person(c.participantName) })) }),
    freeTexts: (r) => r.contributions.map((c) => c.text),
  };
  // Both types share one results shape, so the module for either is the module for this one.
  return module as WorkFormatTypeModule<ContributionType> as WorkFormatTypeModule<T>;
}
