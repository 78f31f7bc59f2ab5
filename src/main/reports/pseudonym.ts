// Pseudonymisation for reports: every participant name (and, in free text,
// each longer part of a name) becomes "Deelnemer N". Numbers follow the
// order of the people list, so the same person keeps the same number.

import type { ReportPerson } from './types';

export interface Pseudonymiser {
  /** "Deelnemer N" for a known name; the text scrubbed otherwise. */
  name(name: string): string;
  /** Free text with every known name (or name part) replaced. */
  text(text: string): string;
  /** For "wie": a participant's name becomes "Deelnemer N (rol)"; other text is scrubbed. */
  who(who: string): string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Letters (with diacritics) on both sides of a match mean it is part of a longer word. */
const wordBoundary = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu');

/** Name parts too common or short to replace on their own ("de", "van", "El"). */
const MIN_PART = 4;

export function createPseudonymiser(people: ReportPerson[]): Pseudonymiser {
  const numbers = new Map<string, number>();
  const roles = new Map<string, string>();
  for (const p of people) {
    const key = p.name.trim().toLocaleLowerCase('nl');
    if (!key || numbers.has(key)) continue;
    numbers.set(key, numbers.size + 1);
    roles.set(key, p.role);
  }
  const label = (key: string) => `Deelnemer ${numbers.get(key)}`;

  // Full names first (longest first), then single parts of names.
  const full = [...numbers.keys()].sort((a, b) => b.length - a.length);
  const parts = new Map<string, string>();
  for (const key of full) {
    for (const part of key.split(/[\s-]+/)) {
      if (part.length >= MIN_PART && !parts.has(part)) parts.set(part, label(key));
    }
  }
  const fullRe = full.length > 0 ? wordBoundary(`(${full.map(escape).join('|')})`) : null;
  const partKeys = [...parts.keys()].sort((a, b) => b.length - a.length);
  const partRe = partKeys.length > 0 ? wordBoundary(`(${partKeys.map(escape).join('|')})`) : null;

  const text = (input: string): string => {
    let out = input;
    if (fullRe) out = out.replace(fullRe, (m) => label(m.toLocaleLowerCase('nl')));
    if (partRe) out = out.replace(partRe, (m) => parts.get(m.toLocaleLowerCase('nl')) ?? m);
    return out;
  };

  return {
    text,
    name(name) {
      const key = name.trim().toLocaleLowerCase('nl');
      return numbers.has(key) ? label(key) : text(name);
    },
    who(who) {
      const key = who.trim().toLocaleLowerCase('nl');
      if (numbers.has(key)) {
        const role = roles.get(key);
        return role ? `${label(key)} (${role})` : label(key);
      }
      return text(who);
    },
  };
}
