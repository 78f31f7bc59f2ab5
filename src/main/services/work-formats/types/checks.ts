// The check of one entry, per entry kind. Types that take the same kind share
// its check (a count is a count in a peiling and a stelling); what differs per
// type comes from the declaration. Pure: no database.

import { WORK_FORMAT_LABELS, type WorkFormat } from '../../../../shared/module-format';
import { AppError } from '../../../../shared/errors';
import { STATEMENT_SIDES, type EntryKind } from '../../../../shared/work-formats';
import type { EntryContext, KindCheck, StoredEntry } from './module';
import { tallies } from './tallies';

export function bad(message: string): never {
  throw new AppError('ongeldige_invoer', message);
}

function nonEmpty(value: string | undefined, message: string): string {
  const v = (value ?? '').trim();
  if (!v) bad(message);
  return v;
}

function inRange(value: number, min: number, max: number, message: string): number {
  if (!Number.isInteger(value) || value < min || value > max) bad(message);
  return value;
}

/** The type's name in a sentence ("peiling", "check-out"). */
export function labelOf(format: WorkFormat): string {
  return WORK_FORMAT_LABELS[format.type].toLowerCase();
}

/** The options a peiling or stelling counts. */
export function optionsOf(format: WorkFormat): string[] {
  return format.type === 'stelling' ? [...STATEMENT_SIDES] : format.options;
}

function matchOption(format: WorkFormat, option: string | undefined): string {
  const wanted = (option ?? '').trim().toLowerCase();
  const options = optionsOf(format);
  const found = options.find((o) => o.toLowerCase() === wanted);
  if (!found) bad(`"${(option ?? '').trim()}" is geen optie van deze ${labelOf(format)}. Kies uit: ${options.join(', ')}.`);
  return found;
}

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The linked participant's earlier entries of a kind (none when the entry is anonymous). */
function mine(ctx: EntryContext, kind: EntryKind): StoredEntry[] {
  return ctx.entries.filter((e) => e.kind === kind && ctx.participantId !== null && e.participantId === ctx.participantId);
}

function whoOf(ctx: EntryContext): string {
  return ctx.participantName ?? 'Deze deelnemer';
}

export const checkCount: KindCheck<'count'> = (format, entry, ctx) => {
  const option = matchOption(format, entry.option);
  if ((entry.count === undefined) === (entry.delta === undefined)) bad('Geef een aantal of een verandering (+1 / −1), niet allebei.');
  // A delta is resolved against the stored tally (ctx.entries holds the run's counts and votes then).
  const count = entry.count ?? Math.max(0, (tallies(optionsOf(format), ctx.entries).find((t) => t.option === option)?.count ?? 0) + entry.delta!);
  if (count < 0) bad('Een aantal kan niet onder nul zijn.');
  inRange(count, 0, 10_000, 'Een aantal is een heel getal van 0 tot en met 10.000.');
  return { option, count };
};

/** A vote for one option (peiling, stelling): one per linked person, or one per option when several may be chosen. */
export const checkOptionVote: KindCheck<'vote'> = (format, entry, ctx) => {
  const label = labelOf(format);
  if (entry.cardId !== undefined || entry.dots !== undefined) bad(`Een stem bij een ${label} gaat naar een optie.`);
  const option = matchOption(format, entry.option);
  if (ctx.participantId !== null) {
    const votes = mine(ctx, 'vote');
    if (format.type === 'peiling' && format.multiple) {
      if (votes.some((e) => e.payload.option === option)) bad(`${whoOf(ctx)} heeft al op "${option}" gestemd.`);
    } else if (votes.length > 0) {
      bad(`${whoOf(ctx)} heeft al gestemd; bij deze ${label} is één antwoord per persoon.`);
    }
  }
  return { option };
};

/** Dots on a brainstorm card, within the dots each person has (and the room has, when attendance was taken). */
export const checkDotVote: KindCheck<'vote'> = (format, entry, ctx) => {
  if (entry.option !== undefined) bad('Een stip gaat naar een kaart, niet naar een optie.');
  if (entry.cardId === undefined) bad('Kies de kaart die de stip krijgt.');
  if (!ctx.entries.some((e) => e.kind === 'card' && e.id === entry.cardId)) bad('Deze kaart hoort niet bij deze brainstorm.');
  const dots = entry.dots ?? 1;
  if (dots < 1) bad('Geef minstens één stip.');
  const perPerson = format.dots ?? 3;
  const used = (list: StoredEntry[]) => list.reduce((sum, e) => sum + Number(e.payload.dots ?? 0), 0);
  if (ctx.participantId !== null) {
    const already = used(mine(ctx, 'vote'));
    if (already + dots > perPerson) {
      bad(`${whoOf(ctx)} heeft ${perPerson} stippen; er ${already === 1 ? 'is' : 'zijn'} er al ${already} gebruikt.`);
    }
  } else if (ctx.presentCount === 0 && dots > perPerson) {
    bad(`Iedereen heeft ${perPerson} stippen; geef per keer hoogstens ${perPerson} stippen.`);
  }
  if (ctx.presentCount > 0) {
    const all = used(ctx.entries.filter((e) => e.kind === 'vote'));
    const max = perPerson * ctx.presentCount;
    if (all + dots > max) {
      bad(`Er zijn ${max} stippen te verdelen (${ctx.presentCount} aanwezigen × ${perPerson}); er zijn er al ${all} gegeven.`);
    }
  }
  return { cardId: entry.cardId, dots };
};

export const checkArgument: KindCheck<'argument'> = (_format, entry) => {
  const text = nonEmpty(entry.text, 'Een leeg argument wordt niet opgeslagen.');
  return { side: entry.side ?? null, text };
};

export const checkCard: KindCheck<'card'> = (_format, entry, ctx) => {
  const text = nonEmpty(entry.text, 'Een lege kaart wordt niet opgeslagen.');
  const clusterId = entry.clusterId ?? null;
  if (clusterId !== null && !ctx.entries.some((e) => e.kind === 'cluster' && e.id === clusterId)) {
    bad('Deze cluster hoort niet bij deze brainstorm.');
  }
  return { text, clusterId };
};

export const checkCluster: KindCheck<'cluster'> = (_format, entry, ctx) => {
  const name = nonEmpty(entry.name, 'Een cluster heeft een naam nodig.');
  if (ctx.entries.some((e) => e.kind === 'cluster' && String(e.payload.name).toLowerCase() === name.toLowerCase())) {
    bad(`Er is al een cluster "${name}".`);
  }
  return { name };
};

export const checkContribution: KindCheck<'contribution'> = (_format, entry) => ({
  text: nonEmpty(entry.text, 'Een lege bijdrage wordt niet opgeslagen.'),
});

export const checkRating: KindCheck<'rating'> = (_format, entry, ctx) => {
  const value = inRange(entry.value, 1, 10, 'Een cijfer is een heel getal van 1 tot en met 10.');
  const count = inRange(entry.count ?? 1, 1, 1000, 'Het aantal mensen met dit cijfer is minstens 1.');
  if (ctx.participantId !== null && count !== 1) bad('Een gekoppelde deelnemer geeft één cijfer.');
  if (ctx.participantId !== null && mine(ctx, 'rating').length > 0) bad(`${whoOf(ctx)} heeft al een cijfer gegeven.`);
  return { value, count };
};

export const checkRank: KindCheck<'rank'> = (format, entry, ctx) => {
  if (entry.order.length === 0) bad('Zet minstens één optie in de volgorde.');
  const order = entry.order.map((o) => matchOption(format, o));
  if (new Set(order).size !== order.length) bad('Een optie staat twee keer in de volgorde.');
  if (ctx.participantId !== null && mine(ctx, 'rank').length > 0) bad(`${whoOf(ctx)} heeft al een volgorde gegeven.`);
  return { order };
};

/** A check-in or check-out answer must be the kind the declaration asks for (a word or a score). */
function checkAnswerKind(format: WorkFormat, kind: 'word' | 'score', ctx: EntryContext): void {
  const asked = format.answerKind ?? 'woord';
  const label = labelOf(format);
  if ((asked === 'woord') !== (kind === 'word')) {
    bad(asked === 'woord' ? `Bij deze ${label} geeft iedereen één woord.` : `Bij deze ${label} geeft iedereen een score van 1 tot en met 10.`);
  }
  if (ctx.participantId !== null && mine(ctx, kind).length > 0) bad(`${whoOf(ctx)} heeft al geantwoord.`);
}

export const checkWord: KindCheck<'word'> = (format, entry, ctx) => {
  checkAnswerKind(format, 'word', ctx);
  const text = nonEmpty(entry.text, 'Een leeg woord wordt niet opgeslagen.');
  if (text.split(/\s+/).length > 3) bad('Eén woord (of een paar) per persoon.');
  return { text };
};

export const checkScore: KindCheck<'score'> = (format, entry, ctx) => {
  checkAnswerKind(format, 'score', ctx);
  return { value: inRange(entry.value, 1, 10, 'Een score is een heel getal van 1 tot en met 10.') };
};

export const checkAction: KindCheck<'action'> = (_format, entry) => {
  const what = nonEmpty(entry.what, 'Een actie zonder "wat" wordt niet opgeslagen.');
  const who = entry.who?.trim() || null;
  const due = entry.due ?? null;
  if (due !== null && !isRealDate(due)) bad('Deze datum bestaat niet.');
  return { what, who, due, schoolId: entry.schoolId ?? null };
};
