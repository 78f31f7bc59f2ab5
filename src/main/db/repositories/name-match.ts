// Finding a person's name in free text, for erasure (AVG). Whole words only,
// case- and accent-insensitive, the full name and each name part (without
// particles such as "de" or "van"), with a possessive -s or 's. "Jan" matches
// "jan", "Jan's" and "Jans", never "Januari", "Jansen", "Sint-Jan" or
// "Jan-Willem"; "İlker Güneş" matches "ilker gunes". Pure: no database.

/** Dutch and other name particles: never matched on their own. */
const PARTICLES = new Set([
  'de', 'den', 'der', 'des', 'van', 'von', 'vd', 'v/d', 'het', "'t", 't', 'te', 'ten', 'ter', 'in', "'s", 'op', 'aan',
  'la', 'le', 'les', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'do', 'el', 'al', 'bin', 'ibn', 'ben', 'zu', 'y', 'e',
]);

/** Letters that NFD does not decompose but that people type without their mark. */
const EXTRA_FOLD: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Lower case without diacritics, with for each UTF-16 unit of the result the index in the original. */
export function fold(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let index = 0;
  for (const ch of text) {
    let f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    f = [...f].map((c) => EXTRA_FOLD[c] ?? c).join('');
    for (let k = 0; k < f.length; k++) map.push(index);
    folded += f;
    index += ch.length;
  }
  map.push(index);
  return { folded, map };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The words matched for a name: the full name and its parts, longest first. */
export function nameTerms(name: string): string[] {
  const full = fold(name).folded.trim().replace(/\s+/g, ' ');
  const parts = full.split(' ').filter((p) => p.length >= 2 && !PARTICLES.has(p));
  return [...new Set([full, ...parts])].filter((t) => t.length >= 2).sort((a, b) => b.length - a.length);
}

export interface NameMatcher {
  /** [start, end) ranges in the original text. */
  find(text: string): [number, number][];
  /** The text with every match replaced. */
  replace(text: string, replacement: string): string;
}

export function nameMatcher(name: string, email: string | null = null): NameMatcher {
  const terms = nameTerms(name).map((t) => escape(t).replace(/ /g, '\\s+'));
  const word = terms.length
    ? `(?<![\\p{L}\\p{N}_-])(?:${terms.join('|')})(?:['’]s|s)?(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`
    : null;
  const mail = email ? `(?<![\\p{L}\\p{N}._%+-])${escape(fold(email).folded)}(?![\\p{L}\\p{N}_-])` : null;
  const source = [mail, word].filter(Boolean).join('|');
  const pattern = source ? new RegExp(source, 'gu') : null;
  const find = (text: string): [number, number][] => {
    if (!pattern || !text) return [];
    const { folded, map } = fold(text);
    const out: [number, number][] = [];
    for (const m of folded.matchAll(pattern)) out.push([map[m.index]!, map[m.index + m[0].length]!]);
    return out;
  };
  return {
    find,
    replace(text, replacement) {
      const ranges = find(text);
      if (ranges.length === 0) return text;
      let result = '';
      let at = 0;
      for (const [start, end] of ranges) {
        result += text.slice(at, start) + replacement;
        at = end;
      }
      return result + text.slice(at);
    },
  };
}

/** A short excerpt around the first match, for the preview. */
export function excerpt(text: string, range: [number, number], width = 40): string {
  const start = Math.max(0, range[0] - width);
  const end = Math.min(text.length, range[1] + width);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
