// Pseudonymisation for reports, at the data level: a person is replaced by who
// they are (participant id), not by searching their name afterwards. Free text
// (contributions, cards, actions, notes) is scanned for every name part of
// every participant of the organisation: whole words, case- and
// accent-insensitive (Turkish İ and ı fold to i), possessives included
// ("Anouks", "Anouk's"), short names too.
//
// Surnames that are ordinary words ("Bakker", "Hoek", "De"): particles (de,
// van, ter, …) are never replaced on their own, only inside a full name. A
// name part that is also a common Dutch word is replaced when it follows the
// person's first name or a particle of their name ("Jan Bakker", "van der
// Hoek"), or when it is written with a capital inside a sentence ("vraag het
// Bakker"); in lower case ("de bakker op de hoek") it stays. Capitalised at
// the start of a sentence it stays too, but the review lists it, so the user
// decides before the report is saved.
//
// Numbers are stable per trajectory: the caller passes the order (participant
// ids) once for the whole trajectory, so the same person has the same
// pseudonym in the session reports and the trajectory report.

/** A person whose name may appear in the report. */
export interface PseudonymPerson {
  id: number;
  name: string;
  role: string;
  schoolName: string | null;
}

export interface PseudonymOptions {
  /** Everyone of the organisation (all of their name parts are scanned in free text). */
  people: PseudonymPerson[];
  /** Participant ids in pseudonym order: Deelnemer 1 is order[0]. Others follow by id. */
  order: number[];
  /** People whose role and school may be shown when shared by at least two of them (the report's participants). */
  cohort?: number[];
  /** Other names to remove (the begeleider's when left out; words the user marked as names). */
  hide?: { name: string; replacement: string }[];
  /** Names that are not people and stay as they are ("Sint-Jan", "De Linde"), matched before any person. */
  protect?: string[];
}

export interface Suspect {
  word: string;
  /** A short piece of text around it. */
  context: string;
}

export interface Pseudonymiser {
  /** "Deelnemer N" for a participant id. */
  label(id: number): string;
  /** "Deelnemer N (rol, school)": role and school only where at least two people of the cohort share them. */
  describe(id: number): string;
  /** The participant with exactly this name (for results that only carry a name). */
  idOf(name: string): number | null;
  /** Free text with every mention of a person replaced. */
  text(text: string): string;
  /** Role shown only when at least two people of the cohort have it. */
  sharedRole(role: string): boolean;
  sharedSchool(school: string | null): boolean;
}

/** Name particles (tussenvoegsels and the like): never replaced on their own. */
const PARTICLES = new Set(
  "de den der des het 't t te ten ter van vande vanden vander op in aan bij uit voor onder over la le les el al du da di do dos das del della von vom zu zum zur bin ben ibn ould abu st sint".split(' '),
);

/**
 * Ordinary Dutch words that are also common surnames or first names: replaced only inside a full
 * name or when capitalised inside a sentence. Short on purpose: every other name part is always replaced.
 */
export const COMMON_WORD_NAMES = new Set(
  `bakker hoek visser smit smid boer kok bos berg dijk veen meer beek brink vos wolf haan koning groot klein lang jong
  oud wit zwart rood groen bruin kort sterk goed stil mooi hart dam hof kerk school winter zomer mei roos fleur hoop storm
  ster zon maan mark pier wil kamp baas schipper schilder kuiper weg straat plein laan veld steen hout zilver goud vogel
  valk mus kraai zwaan hert haas beer nieuw werk koster post ben lente zee
  kaas molen molenaar timmerman bouwman brouwer slager schouten mol kuijpers boom bloem palm linde eik els wilg riet
  graaf prins keizer paus bisschop ridder jonker heer vrouw man kind broer zus vader moeder oom tante lief mooij
  dekker meijer vink blom koster`.split(/\s+/).filter(Boolean),
);

/** Folds a character for matching: no accents, lower case, Turkish İ and ı to i. */
function foldChar(ch: string): string {
  if (ch === 'İ' || ch === 'ı' || ch === 'I') return 'i';
  if (ch === 'ß') return 'ss';
  if (ch === 'ł') return 'l';
  if (ch === 'Ł') return 'l';
  if (ch === 'ø' || ch === 'Ø') return 'o';
  if (ch === 'đ' || ch === 'Đ') return 'd';
  if (ch === 'æ' || ch === 'Æ') return 'ae';
  if (ch === '’' || ch === '‘' || ch === 'ʼ') return "'";
  return ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

interface Token {
  /** Folded word. */
  word: string;
  start: number;
  end: number;
  /** Index just past a possessive "'s" or "'" directly after the word, if any. */
  possessiveEnd: number | null;
  capitalised: boolean;
  sentenceStart: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index!;
    const end = start + m[0].length;
    const after = text.slice(end, end + 2);
    let possessiveEnd: number | null = null;
    if (/^['’ʼ]s(?![\p{L}\p{N}])/u.test(text.slice(end, end + 3))) possessiveEnd = end + 2;
    else if (/^['’ʼ](?![\p{L}\p{N}])/u.test(after)) possessiveEnd = end + 1;
    const before = text.slice(0, start).replace(/[\s"'“”‘’(«»\-–—*•]+$/u, '');
    const first = m[0][0]!;
    tokens.push({
      word: fold(m[0]),
      start,
      end,
      possessiveEnd,
      capitalised: first !== first.toLowerCase(),
      sentenceStart: before === '' || /[.!?:;\n]$/u.test(before),
    });
  }
  return tokens;
}

interface Candidate {
  parts: string[];
  owners: Set<number>;
  /** Replacement for hidden names (no participant). */
  replacement?: string;
  /** A school or organisation name: left as it is. */
  protect?: boolean;
  single: boolean;
  common: boolean;
}

export function createPseudonymiser(options: PseudonymOptions): Pseudonymiser {
  const byId = new Map(options.people.map((p) => [p.id, p]));
  const numbers = new Map<number, number>();
  for (const id of options.order) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  for (const p of [...options.people].sort((a, b) => a.id - b.id)) if (!numbers.has(p.id)) numbers.set(p.id, numbers.size + 1);

  const cohort = (options.cohort ?? options.order).map((id) => byId.get(id)).filter((p): p is PseudonymPerson => !!p);
  const roleCount = new Map<string, number>();
  const schoolCount = new Map<string, number>();
  for (const p of cohort) {
    roleCount.set(p.role, (roleCount.get(p.role) ?? 0) + 1);
    if (p.schoolName) schoolCount.set(p.schoolName, (schoolCount.get(p.schoolName) ?? 0) + 1);
  }
  const sharedRole = (role: string) => (roleCount.get(role) ?? 0) >= 2;
  const sharedSchool = (school: string | null) => school !== null && (schoolCount.get(school) ?? 0) >= 2;

  const label = (id: number) => `Deelnemer ${numbers.get(id) ?? '?'}`;

  // Candidate sequences by their first folded word.
  const candidates = new Map<string, Candidate[]>();
  const addCandidate = (parts: string[], owner: number | null, replacement?: string) => {
    if (parts.length === 0) return;
    const key = parts.join(' ');
    const list = candidates.get(parts[0]!) ?? [];
    let c = list.find((x) => x.parts.join(' ') === key);
    if (!c) {
      const single = parts.length === 1;
      c = { parts, owners: new Set(), single, common: single && COMMON_WORD_NAMES.has(parts[0]!), replacement };
      list.push(c);
      candidates.set(parts[0]!, list);
    }
    if (owner !== null) c.owners.add(owner);
    else c.replacement ??= replacement;
  };
  const addName = (name: string, owner: number | null, replacement?: string) => {
    const parts = fold(name).match(WORD) ?? [];
    if (parts.length === 0) return;
    addCandidate(parts, owner, replacement);
    // Every tail that starts at a particle or a surname ("van der Hoek", "Hoek") and every single part.
    for (let i = 1; i < parts.length; i++) addCandidate(parts.slice(i), owner, replacement);
    for (let i = 0; i < parts.length; i++) {
      if (!PARTICLES.has(parts[i]!)) addCandidate([parts[i]!], owner, replacement);
      // First name plus surname without the particles ("Anouk Vries" is rare; "Anouk de Vries" is covered above).
    }
  };
  for (const p of options.people) addName(p.name, p.id);
  for (const h of options.hide ?? []) addName(h.name, null, h.replacement);
  for (const name of options.protect ?? []) {
    const parts = fold(name).match(WORD) ?? [];
    // Single words are not protected (a school called "Jan" would protect every Jan).
    if (parts.length < 2) continue;
    const list = candidates.get(parts[0]!) ?? [];
    list.push({ parts, owners: new Set(), single: false, common: false, protect: true });
    candidates.set(parts[0]!, list);
  }
  // Longest first; at equal length a protected name wins.
  for (const list of candidates.values()) list.sort((a, b) => b.parts.length - a.parts.length || Number(!!b.protect) - Number(!!a.protect));

  const replacementFor = (c: Candidate): string => {
    if (c.owners.size === 1) return label([...c.owners][0]!);
    if (c.owners.size === 0) return c.replacement ?? '[naam]';
    // A name part shared by several people: say that a name was there, not whose.
    return '[naam]';
  };

  const text = (input: string): string => {
    if (!input) return input;
    const tokens = tokenize(input);
    const out: string[] = [];
    let at = 0;
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      let matched: { c: Candidate; len: number; possessive: boolean; end: number } | null = null;
      const lists = [...(candidates.get(t.word) ?? []), ...(t.word.endsWith('s') ? (candidates.get(t.word.slice(0, -1)) ?? []) : [])];
      for (const c of lists) {
        const n = c.parts.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        let possessive = false;
        for (let k = 0; k < n; k++) {
          const tok = tokens[i + k]!;
          const part = c.parts[k]!;
          // Only spaces or hyphens between the words of one name.
          if (k > 0 && !/^[\s\-–'’]*$/u.test(input.slice(tokens[i + k - 1]!.end, tok.start))) {
            ok = false;
            break;
          }
          if (tok.word === part) continue;
          // Possessive "-s" on the last word ("Anouks"), not for parts ending in s.
          // Possessive "-s" ("Anouks", "Noëlles", and the common "Małgorzatas"); not after a name of
          // two letters or less ending in a vowel ("bos" is not Bo's), nor when the word itself is ordinary.
          if (
            k === n - 1 &&
            tok.word === `${part}s` &&
            !part.endsWith('s') &&
            (part.length >= 3 || !/[aeiouy]$/u.test(part)) &&
            !COMMON_WORD_NAMES.has(tok.word) &&
            !PARTICLES.has(tok.word)
          ) {
            possessive = true;
            continue;
          }
          ok = false;
          break;
        }
        if (!ok) continue;
        const last = tokens[i + n - 1]!;
        if (c.single && c.common) {
          // An ordinary word: only when capitalised inside a sentence.
          if (!t.capitalised || t.sentenceStart) continue;
        }
        if (c.single && PARTICLES.has(c.parts[0]!)) continue;
        matched = { c, len: n, possessive: possessive || last.possessiveEnd !== null, end: possessive ? last.end : (last.possessiveEnd ?? last.end) };
        break;
      }
      if (!matched) {
        i++;
        continue;
      }
      out.push(input.slice(at, t.start));
      if (matched.c.protect) out.push(input.slice(t.start, tokens[i + matched.len - 1]!.end));
      else out.push(replacementFor(matched.c) + (matched.possessive ? "'s" : ''));
      if (matched.c.protect) matched.end = tokens[i + matched.len - 1]!.end;
      at = matched.end;
      i += matched.len;
    }
    out.push(input.slice(at));
    return out.join('');
  };

  const byName = new Map<string, number>();
  for (const p of options.people) {
    const key = fold(p.name.trim());
    if (!byName.has(key)) byName.set(key, p.id);
  }

  return {
    label,
    describe(id) {
      const p = byId.get(id);
      if (!p) return label(id);
      const extra = [sharedRole(p.role) ? p.role : null, sharedSchool(p.schoolName) ? p.schoolName : null].filter(Boolean);
      return extra.length > 0 ? `${label(id)} (${extra.join(', ')})` : label(id);
    },
    idOf(name) {
      return byName.get(fold(name.trim())) ?? null;
    },
    text,
    sharedRole,
    sharedSchool,
  };
}

/** Capitalised words that are ordinary in these reports (never listed as a possible name). */
const KNOWN_CAPITALISED = new Set(
  fold(
    `Deelnemer Deelnemers Begeleider School Scholen Groep Kernteam Traject Sessie Sessieverslag Trajectverslag Module Actie
    Acties Actieplan Agenda Aanwezig Afgemeld Afwezig Open Bezig Gedaan Vervallen Eens Oneens Neutraal Totaal Ik Wij We
    Jij Je Hij Zij Ze Het De Een Dit Dat Die Deze Wat Wie Waar Wanneer Hoe Waarom Ja Nee Nederland Nederlands Gezonde GGD
    Trimbos Pharos Welbevinden Mentor Mentoren Docent Docenten Leerling Leerlingen Ouders Team Teams Directie Directeur
    Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Januari Februari Maart April Mei Juni Juli Augustus
    September Oktober November December Kerst Pasen Zomervakantie Herfstvakantie Voorjaarsvakantie Kerstvakantie`,
  ).split(/\s+/),
);

/**
 * Words in already pseudonymised text that still look like a name: capitalised inside a sentence
 * and not a known word, or a name part of someone at the start of a sentence (an ordinary word
 * that is also a surname). `known` holds other words that may be capitalised (school names, …).
 */
export function findSuspects(texts: string[], people: PseudonymPerson[], known: string[] = []): Suspect[] {
  const knownWords = new Set([...KNOWN_CAPITALISED, ...known.flatMap((k) => fold(k).match(WORD) ?? [])]);
  const nameParts = new Set(people.flatMap((p) => fold(p.name).match(WORD) ?? []).filter((w) => !PARTICLES.has(w)));
  const found = new Map<string, Suspect>();
  for (const text of texts) {
    for (const t of tokenize(text)) {
      const raw = text.slice(t.start, t.end);
      if (!t.capitalised || raw.length < 2 || raw === raw.toUpperCase()) continue;
      if (/^Deelnemer$/u.test(raw) || knownWords.has(t.word)) continue;
      const suspicious = t.sentenceStart ? nameParts.has(t.word) || nameParts.has(t.word.replace(/s$/u, '')) : true;
      if (!suspicious) continue;
      if (!found.has(t.word)) {
        const from = Math.max(0, t.start - 30);
        const to = Math.min(text.length, t.end + 30);
        found.set(t.word, { word: raw, context: `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`.replace(/\s+/gu, ' ') });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.word.localeCompare(b.word, 'nl'));
}
