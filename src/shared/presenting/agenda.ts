// A session's own agenda: the module's blocks with planned minutes, which
// the facilitator may tailor (skip or reorder slides and blocks, change
// minutes, add a break or a free block). Stored with the session, so a later
// edit of the module never changes a past session. Pure functions only.

import type { BlockKind, ParsedModule } from '../module-format';

export interface AgendaItem {
  /** Stable within the agenda: the block id, or `pauze-1`, `vrij-2` for added items. */
  key: string;
  kind: BlockKind;
  title: string;
  minutes: number;
  /** Slides shown in this item, in order (ids from the module version the session uses). */
  slideIds: string[];
  /** The module block this item came from; null for an added break or free block. */
  blockId: string | null;
}

export interface Agenda {
  moduleId: string;
  moduleVersion: string;
  items: AgendaItem[];
}

export const AGENDA_MIN_MINUTES = 60;
export const AGENDA_MAX_MINUTES = 90;

export function agendaFromModule(module: ParsedModule): Agenda {
  return {
    moduleId: module.meta.id,
    moduleVersion: module.meta.version,
    items: module.blocks.map((b) => ({
      key: b.id,
      kind: b.kind,
      title: b.title,
      minutes: b.minutes,
      slideIds: b.slides.map((s) => s.id),
      blockId: b.id,
    })),
  };
}

export function agendaTotalMinutes(agenda: Pick<Agenda, 'items'>): number {
  return agenda.items.reduce((sum, item) => sum + item.minutes, 0);
}

export interface BudgetCheck {
  total: number;
  within: boolean;
  /** Dutch warning when outside 60–90 minutes. */
  warning: string | null;
}

export function checkBudget(agenda: Pick<Agenda, 'items'>): BudgetCheck {
  const total = agendaTotalMinutes(agenda);
  if (total < AGENDA_MIN_MINUTES) {
    return { total, within: false, warning: `De agenda duurt ${total} minuten: korter dan de ${AGENDA_MIN_MINUTES} minuten van een module.` };
  }
  if (total > AGENDA_MAX_MINUTES) {
    return { total, within: false, warning: `De agenda duurt ${total} minuten: langer dan de ${AGENDA_MAX_MINUTES} minuten van een module.` };
  }
  return { total, within: true, warning: null };
}

/** The slides in presenting order, each with the agenda item it belongs to. */
export function agendaSlides(agenda: Pick<Agenda, 'items'>): { itemKey: string; slideId: string }[] {
  return agenda.items.flatMap((item) => item.slideIds.map((slideId) => ({ itemKey: item.key, slideId })));
}

/** Problems that make an agenda unusable for its module version (Dutch), empty when fine. */
export function validateAgenda(agenda: Agenda, module: ParsedModule): string[] {
  const problems: string[] = [];
  if (module.meta.id !== agenda.moduleId || module.meta.version !== agenda.moduleVersion) {
    problems.push('De agenda hoort bij een andere module of moduleversie.');
  }
  const known = new Set(module.blocks.flatMap((b) => b.slides.map((s) => s.id)));
  const seenKeys = new Set<string>();
  const seenSlides = new Set<string>();
  for (const item of agenda.items) {
    if (seenKeys.has(item.key)) problems.push(`Het agendapunt "${item.title}" staat er twee keer in.`);
    seenKeys.add(item.key);
    for (const slideId of item.slideIds) {
      // An added break or free block shows one slide of its own, named after its key.
      const ownSlide = item.blockId === null && slideId === item.key;
      if (!known.has(slideId) && !ownSlide) problems.push(`De dia "${slideId}" bestaat niet in deze moduleversie.`);
      if (seenSlides.has(slideId)) problems.push(`De dia "${slideId}" staat twee keer in de agenda.`);
      seenSlides.add(slideId);
    }
  }
  if (agenda.items.length === 0) problems.push('De agenda is leeg.');
  if (agendaSlides(agenda).length === 0) problems.push('De agenda bevat geen enkele dia.');
  return problems;
}
