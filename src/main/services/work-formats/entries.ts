// Which entries a work format takes, and the check of one entry against its
// format's declaration and what is already stored. Pure: no database.

import { WORK_FORMAT_LABELS, type WorkFormat, type WorkFormatType } from '../../../shared/module-format';
import { AppError } from '../../../shared/errors';
import { STATEMENT_SIDES, type EntryKind } from '../../../shared/work-formats';
import type { EntryInput } from '../../../shared/channels/workformats';
import { tallies } from './results';

/** An entry as stored: kind, payload (the input without kind) and the linked participant. */
export interface StoredEntry {
  id: number;
  kind: EntryKind;
  payload: Record<string, unknown>;
  participantId: number | null;
}

export interface EntryContext {
  /** The run's other entries (when editing: without the entry being edited), in the order entered. */
  entries: StoredEntry[];
  participantId: number | null;
  /** Participants marked present in the session (0 when attendance was not taken). */
  presentCount: number;
  /** Display name for a linked participant, for messages. */
  participantName?: string | null;
}

export const KINDS_BY_TYPE: Record<WorkFormatType, EntryKind[]> = {
  peiling: ['count', 'vote'],
  stelling: ['count', 'vote', 'argument'],
  brainstorm: ['card', 'cluster', 'vote'],
  rondje: ['contribution'],
  schaalvraag: ['rating'],
  rangorde: ['rank'],
  opdracht: ['contribution'],
  actieplan: ['action'],
  'check-in': ['word', 'score'],
  'check-out': ['word', 'score'],
};

const KIND_LABELS: Record<EntryKind, string> = {
  count: 'aantal',
  vote: 'stem',
  argument: 'argument',
  card: 'kaart',
  cluster: 'cluster',
  contribution: 'bijdrage',
  rating: 'cijfer',
  rank: 'volgorde',
  word: 'woord',
  score: 'score',
  action: 'actie',
};

/** The options a peiling or stelling counts. */
export function optionsOf(format: WorkFormat): string[] {
  return format.type === 'stelling' ? [...STATEMENT_SIDES] : format.options;
}

function bad(message: string): never {
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

function matchOption(format: WorkFormat, option: string | undefined): string {
  const wanted = (option ?? '').trim().toLowerCase();
  const options = optionsOf(format);
  const found = options.find((o) => o.toLowerCase() === wanted);
  if (!found) bad(`"${(option ?? '').trim()}" is geen optie van deze ${WORK_FORMAT_LABELS[format.type].toLowerCase()}. Kies uit: ${options.join(', ')}.`);
  return found;
}

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/**
 * Checks one entry for its format. Returns the payload to store (trimmed,
 * defaults filled in); throws an AppError with a Dutch message otherwise.
 */
export function checkEntry(format: WorkFormat, entry: EntryInput, ctx: EntryContext): Record<string, unknown> {
  const label = WORK_FORMAT_LABELS[format.type].toLowerCase();
  if (!KINDS_BY_TYPE[format.type].includes(entry.kind)) {
    bad(`Bij een ${label} hoort geen ${KIND_LABELS[entry.kind]}.`);
  }
  const who = ctx.participantName ?? 'Deze deelnemer';
  const mine = (kind: EntryKind) => ctx.entries.filter((e) => e.kind === kind && ctx.participantId !== null && e.participantId === ctx.participantId);

  switch (entry.kind) {
    case 'count': {
      const option = matchOption(format, entry.option);
      if ((entry.count === undefined) === (entry.delta === undefined)) bad('Geef een aantal of een verandering (+1 / −1), niet allebei.');
      // A delta is resolved against the stored tally (ctx.entries holds the run's counts and votes then).
      const count =
        entry.count ?? Math.max(0, (tallies(optionsOf(format), ctx.entries).find((t) => t.option === option)?.count ?? 0) + entry.delta!);
      if (count < 0) bad('Een aantal kan niet onder nul zijn.');
      inRange(count, 0, 10_000, 'Een aantal is een heel getal van 0 tot en met 10.000.');
      return { option, count };
    }
    case 'vote': {
      if (format.type === 'brainstorm') {
        if (entry.option !== undefined) bad('Een stip gaat naar een kaart, niet naar een optie.');
        if (entry.cardId === undefined) bad('Kies de kaart die de stip krijgt.');
        if (!ctx.entries.some((e) => e.kind === 'card' && e.id === entry.cardId)) bad('Deze kaart hoort niet bij deze brainstorm.');
        const dots = entry.dots ?? 1;
        if (dots < 1) bad('Geef minstens één stip.');
        const perPerson = format.dots ?? 3;
        const used = (list: StoredEntry[]) => list.reduce((sum, e) => sum + Number(e.payload.dots ?? 0), 0);
        if (ctx.participantId !== null) {
          const already = used(mine('vote'));
          if (already + dots > perPerson) {
            bad(`${who} heeft ${perPerson} stippen; er ${already === 1 ? 'is' : 'zijn'} er al ${already} gebruikt.`);
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
      }
      if (entry.cardId !== undefined || entry.dots !== undefined) bad(`Een stem bij een ${label} gaat naar een optie.`);
      const option = matchOption(format, entry.option);
      if (ctx.participantId !== null) {
        const votes = mine('vote');
        if (format.type === 'peiling' && format.multiple) {
          if (votes.some((e) => e.payload.option === option)) bad(`${who} heeft al op "${option}" gestemd.`);
        } else if (votes.length > 0) {
          bad(`${who} heeft al gestemd; bij deze ${label} is één antwoord per persoon.`);
        }
      }
      return { option };
    }
    case 'argument': {
      const text = nonEmpty(entry.text, 'Een leeg argument wordt niet opgeslagen.');
      return { side: entry.side ?? null, text };
    }
    case 'card': {
      const text = nonEmpty(entry.text, 'Een lege kaart wordt niet opgeslagen.');
      const clusterId = entry.clusterId ?? null;
      if (clusterId !== null && !ctx.entries.some((e) => e.kind === 'cluster' && e.id === clusterId)) {
        bad('Deze cluster hoort niet bij deze brainstorm.');
      }
      return { text, clusterId };
    }
    case 'cluster': {
      const name = nonEmpty(entry.name, 'Een cluster heeft een naam nodig.');
      if (ctx.entries.some((e) => e.kind === 'cluster' && String(e.payload.name).toLowerCase() === name.toLowerCase())) {
        bad(`Er is al een cluster "${name}".`);
      }
      return { name };
    }
    case 'contribution':
      return { text: nonEmpty(entry.text, 'Een lege bijdrage wordt niet opgeslagen.') };
    case 'rating': {
      const value = inRange(entry.value, 1, 10, 'Een cijfer is een heel getal van 1 tot en met 10.');
      const count = inRange(entry.count ?? 1, 1, 1000, 'Het aantal mensen met dit cijfer is minstens 1.');
      if (ctx.participantId !== null && count !== 1) bad('Een gekoppelde deelnemer geeft één cijfer.');
      if (ctx.participantId !== null && mine('rating').length > 0) bad(`${who} heeft al een cijfer gegeven.`);
      return { value, count };
    }
    case 'rank': {
      if (entry.order.length === 0) bad('Zet minstens één optie in de volgorde.');
      const order = entry.order.map((o) => matchOption(format, o));
      if (new Set(order).size !== order.length) bad('Een optie staat twee keer in de volgorde.');
      if (ctx.participantId !== null && mine('rank').length > 0) bad(`${who} heeft al een volgorde gegeven.`);
      return { order };
    }
    case 'word':
    case 'score': {
      const kind = format.answerKind ?? 'woord';
      if ((kind === 'woord') !== (entry.kind === 'word')) {
        bad(kind === 'woord' ? `Bij deze ${label} geeft iedereen één woord.` : `Bij deze ${label} geeft iedereen een score van 1 tot en met 10.`);
      }
      if (ctx.participantId !== null && mine(entry.kind).length > 0) bad(`${who} heeft al geantwoord.`);
      if (entry.kind === 'word') {
        const text = nonEmpty(entry.text, 'Een leeg woord wordt niet opgeslagen.');
        if (text.split(/\s+/).length > 3) bad('Eén woord (of een paar) per persoon.');
        return { text };
      }
      return { value: inRange(entry.value, 1, 10, 'Een score is een heel getal van 1 tot en met 10.') };
    }
    case 'action': {
      const what = nonEmpty(entry.what, 'Een actie zonder "wat" wordt niet opgeslagen.');
      const whoText = entry.who?.trim() || null;
      const due = entry.due ?? null;
      if (due !== null && !isRealDate(due)) bad('Deze datum bestaat niet.');
      return { what, who: whoText, due, schoolId: entry.schoolId ?? null };
    }
  }
}
