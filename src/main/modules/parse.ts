// Parser and validator for module format v1 (documented for facilitators in
// modules/README.md). Pure: text in, module and problems out, no file system,
// so it is tested on strings and reused for the module text stored with a
// session. Every problem carries the 1-based line it was found on.

import MarkdownIt from 'markdown-it';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import {
  BLOCK_KINDS,
  SECTORS,
  WORK_FORMAT_TYPES,
  type Block,
  type BlockKind,
  type ModuleMeta,
  type ModuleProblem,
  type ParsedModule,
  type Sector,
  type Slide,
  type WorkFormat,
  type WorkFormatType,
} from '../../shared/module-format';
import { moduleOf, numberWord, typesTaking } from '../services/work-formats/types';
import type { DeclarationField } from '../services/work-formats/types/module';

export interface ParseResult {
  /** The module, or undefined when it has structural problems (a broken module is never half-loaded). */
  module?: ParsedModule;
  /** Structural errors: the module is rejected. */
  problems: ModuleProblem[];
  /** Editorial findings (length of a slide, missing notes, sources, review date): the module still loads. */
  warnings: ModuleProblem[];
}

export interface ParseOptions {
  /** The day the review date is compared with (tests pass a fixed day). */
  today?: Date;
}

/** Blocks every module needs: the offer's three parts plus an opening and a close. */
export const REQUIRED_BLOCK_KINDS: BlockKind[] = ['opening', 'kennis', 'tools', 'uitwisseling', 'afsluiting'];
export const MIN_MINUTES = 60;
export const MAX_MINUTES = 90;
/** A facilitator's own module may be shorter or longer than the offer's 60–90; beyond this it is surely a typo. */
export const MAX_AGENDA_MINUTES = 240;
export const MIN_WORK_FORMATS = 3;
/** More body lines than this do not fit a 1280×720 slide at a projector-readable size. */
export const MAX_BODY_LINES = 7;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BLOCK_HEADING = /^#\s+(.+?)\s*\{([^}]*)\}\s*$/;
const SLIDE_HEADING = /^##\s+(.+?)\s*\{([^}]*)\}\s*$/;
const CONTAINER_OPEN = /^:::\s*([\p{L}-]+)\s*$/u;
const CONTAINER_CLOSE = /^:::\s*$/;
const YEAR = /\b(?:19|20)\d{2}\b/;
const PERCENTAGE = /\d\s*(?:%|procent)/;
const RAW_HTML = /<\/?[a-zA-Z][^>]*>|<!--/;
const LINK_OR_IMAGE = /!?\[[^\]]*\]\([^)]*\)/;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true, breaks: false }).disable([
  'link',
  'image',
]);

export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

export function parseModule(source: string, file: string, dir = '', options: ParseOptions = {}): ParseResult {
  const problems: ModuleProblem[] = [];
  const warnings: ModuleProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  const warn = (line: number, message: string) => warnings.push({ file, line, message });
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);

  const front = readFrontMatter(lines, problem, warn, options.today ?? new Date());
  // Without a closed front matter nothing below can be placed reliably: report that alone.
  if (!front) return { problems, warnings: [] };
  const blocks = readBody(lines, front.bodyStart, problem, warn);
  if (!front.meta) return { problems: sortProblems(problems), warnings: sortProblems(warnings) };
  checkWhole(front.meta, blocks, lines.length, problem, warn);

  if (problems.length > 0) return { problems: sortProblems(problems), warnings: sortProblems(warnings) };
  return { module: { meta: front.meta, blocks, file, dir }, problems, warnings: sortProblems(warnings) };
}

function sortProblems(problems: ModuleProblem[]): ModuleProblem[] {
  return [...problems].sort((a, b) => a.line - b.line);
}

type Report = (line: number, message: string) => void;

// ---------------------------------------------------------------- front matter

/** Upper bounds for free text that reaches slides, the presenter view and PDF reports. */
export const TEXT_LIMITS = {
  titel: 120,
  ondertitel: 160,
  doelgroep: 300,
  bron: 400,
  blok: 120,
  dia: 120,
  vraag: 300,
  instructie: 600,
  optie: 120,
  groepjes: 120,
  label: 60,
} as const;
export const MAX_SOURCES = 40;
export const MAX_OPTIONS = 20;

const FRONT_KEYS = ['id', 'titel', 'ondertitel', 'versie', 'sectoren', 'minuten', 'doelgroep', 'bronnen', 'herzien'];
const REVIEW = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A value that YAML would read as something other than plain text (quotes, lists, blocks, anchors, tags). */
const YAML_SPECIAL_START = /^["'[{|>&*!%@`]/;

/**
 * A facilitator writes `titel: Proefmodule: een uur` or `- GGD: rapport (2020)` and means text; YAML
 * would read a nested map there and swallow the rest of the front matter. Only such lines (a plain
 * value with ": " in it) are quoted before YAML reads them; everything else, including quotes,
 * comments and flow lists, is YAML's job. Line numbers stay the same.
 */
function quoteColonValues(line: string): string {
  const m = /^(\s*-\s+|[A-Za-z][\w-]*:\s+)(.*)$/.exec(line);
  if (!m) return line;
  const [, lead, rest] = m as unknown as [string, string, string];
  if (/^\s/.test(line) && !/^\s*-/.test(line)) return line;
  if (YAML_SPECIAL_START.test(rest) || !/:\s/.test(rest)) return line;
  const hash = /\s#/.exec(rest);
  const value = (hash ? rest.slice(0, hash.index) : rest).trimEnd();
  const comment = hash ? rest.slice(hash.index) : '';
  return `${lead}${JSON.stringify(value)}${comment}`;
}

interface FrontResult {
  meta?: ModuleMeta;
  bodyStart: number;
}

function readFrontMatter(lines: string[], problem: Report, warn: Report, today: Date): FrontResult | undefined {
  if (lines[0]?.trim() !== '---') {
    problem(1, 'Het bestand moet beginnen met een kop tussen twee regels "---" (zie modules/README.md).');
    return undefined;
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    problem(1, 'De kop wordt niet afgesloten met een regel "---".');
    return undefined;
  }
  // Line 1 is "---": the YAML text starts on line 2 of the file.
  const offset = 1;
  const text = lines.slice(1, end).map(quoteColonValues).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false, strict: false });
  const lineAt = (pos: number | undefined) => (pos === undefined ? 2 : counter.linePos(pos).line + offset);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problem(lineAt(e.pos[0]), 'De kop kan op deze regel niet worden gelezen. Controleer aanhalingstekens, haakjes en inspringing ("sleutel: waarde", lijstregels beginnen met "  - ").');
    }
    return { bodyStart: end + 1 };
  }
  const root = doc.contents;
  if (root !== null && !isMap(root)) {
    problem(lineAt(root.range?.[0]), 'De kop bestaat uit regels "sleutel: waarde".');
    return { bodyStart: end + 1 };
  }

  const nodes = new Map<string, { node: unknown; line: number }>();
  for (const pair of root?.items ?? []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineAt(isNode(pair.key) ? pair.key.range?.[0] : undefined);
    if (!FRONT_KEYS.includes(key)) {
      problem(line, `Onbekende sleutel "${key}" in de kop. Toegestaan: ${FRONT_KEYS.join(', ')}.`);
      continue;
    }
    const earlier = nodes.get(key);
    if (earlier) problem(line, `De sleutel "${key}" staat al op regel ${earlier.line}.`);
    nodes.set(key, { node: pair.value, line });
  }
  const at = (key: string) => nodes.get(key)?.line ?? 1;
  let ok = true;
  const fail = (line: number, message: string) => {
    problem(line, message);
    ok = false;
  };

  const scalar = (key: string): string | undefined => {
    const entry = nodes.get(key);
    if (!entry || entry.node === null || entry.node === undefined) return undefined;
    if (isScalar(entry.node) && entry.node.value !== null && typeof entry.node.value !== 'object') {
      return String(entry.node.value).trim();
    }
    fail(entry.line, `"${key}" moet één waarde zijn, op dezelfde regel.`);
    return undefined;
  };
  const list = (key: string): { value: string; line: number }[] | undefined => {
    const entry = nodes.get(key);
    if (!entry) return undefined;
    if (entry.node === null || (isScalar(entry.node) && entry.node.value === null)) return [];
    if (!isSeq(entry.node)) {
      fail(entry.line, `"${key}" moet een lijst zijn, bijvoorbeeld [po, vo] of regels "  - …".`);
      return undefined;
    }
    const items: { value: string; line: number }[] = [];
    for (const item of entry.node.items) {
      const line = lineAt(isNode(item) ? item.range?.[0] : undefined);
      if (isScalar(item) && item.value !== null && typeof item.value !== 'object') items.push({ value: String(item.value).trim(), line });
      else fail(line, `Elke waarde in "${key}" is gewone tekst.`);
    }
    return items;
  };
  const bounded = (key: string, value: string | undefined, limit: number, line = at(key)) => {
    if (value !== undefined && value.length > limit) {
      fail(line, `"${key}" is ${value.length} tekens lang; hoogstens ${limit} tekens passen op een dia en in een verslag.`);
    }
  };

  const id = scalar('id');
  const title = scalar('titel');
  const subtitle = scalar('ondertitel');
  const version = scalar('versie');
  const sectorsRaw = list('sectoren');
  const minutesRaw = scalar('minuten');
  const audience = scalar('doelgroep');
  const reviewed = scalar('herzien');
  const sourceItems = list('bronnen') ?? [];
  for (const [key, value] of [
    ['id', id],
    ['titel', title],
    ['versie', version],
    ['minuten', minutesRaw],
  ] as const) {
    if (value === undefined || value === '') fail(nodes.has(key) ? at(key) : 1, `De kop mist "${key}".`);
  }
  if (sectorsRaw === undefined && !nodes.has('sectoren')) fail(1, 'De kop mist "sectoren".');
  bounded('titel', title, TEXT_LIMITS.titel);
  bounded('ondertitel', subtitle, TEXT_LIMITS.ondertitel);
  bounded('doelgroep', audience, TEXT_LIMITS.doelgroep);

  if (id && !ID.test(id)) fail(at('id'), `De id "${id.slice(0, 60)}" mag alleen kleine letters, cijfers en streepjes bevatten.`);
  if (id && id.length > 60) fail(at('id'), 'De id is hoogstens 60 tekens lang.');
  if (version && !/^\d+\.\d+(?:\.\d+)?$/.test(version)) fail(at('versie'), `De versie "${version.slice(0, 40)}" moet de vorm 1.0.0 hebben.`);
  const sectors: Sector[] = [];
  for (const s of sectorsRaw ?? []) {
    if ((SECTORS as readonly string[]).includes(s.value)) {
      if (!sectors.includes(s.value as Sector)) sectors.push(s.value as Sector);
    } else {
      fail(at('sectoren'), `Onbekende sector "${s.value.slice(0, 40)}". Kies uit: ${SECTORS.join(', ')}.`);
    }
  }
  if (sectorsRaw && sectorsRaw.length === 0) fail(at('sectoren'), 'Noem minstens één sector (po, vo, go of mbo).');
  const minutes = Number(minutesRaw);
  if (minutesRaw !== undefined && minutesRaw !== '') {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_AGENDA_MINUTES) {
      fail(at('minuten'), `"minuten" moet een heel getal tussen ${MIN_MINUTES} en ${MAX_MINUTES} zijn (nu: ${minutesRaw.slice(0, 20)}).`);
    } else if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
      warn(at('minuten'), `"minuten" ligt meestal tussen ${MIN_MINUTES} en ${MAX_MINUTES} (nu: ${minutes}); een module van het aanbod duurt een tot anderhalf uur.`);
    }
  }
  if (sourceItems.length > MAX_SOURCES) fail(at('bronnen'), `Er staan ${sourceItems.length} bronnen in de kop; hoogstens ${MAX_SOURCES}.`);
  for (const s of sourceItems) {
    bounded('bron', s.value, TEXT_LIMITS.bron, s.line);
    // A source without a year cannot be checked for age: editorial, so a warning.
    if (!YEAR.test(s.value)) warn(s.line, `Bron "${s.value.slice(0, 80)}" mist een jaartal.`);
  }
  let reviewedValue: string | undefined;
  if (reviewed === undefined || reviewed === '') {
    warn(nodes.has('herzien') ? at('herzien') : 1, 'De kop mist "herzien" (de maand van de laatste inhoudelijke controle, bijvoorbeeld herzien: 2026-11).');
  } else {
    const m = REVIEW.exec(reviewed);
    if (!m) {
      fail(at('herzien'), `"herzien" heeft de vorm jaar-maand, bijvoorbeeld 2026-11 (nu: ${reviewed.slice(0, 20)}).`);
    } else {
      reviewedValue = reviewed;
      const months = today.getFullYear() * 12 + today.getMonth() - (Number(m[1]) * 12 + Number(m[2]) - 1);
      if (months > 12) {
        warn(at('herzien'), `De module is herzien in ${reviewed}, meer dan twaalf maanden geleden: controleer cijfers, telefoonnummers en bronnen en zet daarna een nieuwe datum.`);
      }
    }
  }
  if (!ok) return { bodyStart: end + 1 };
  return {
    bodyStart: end + 1,
    meta: {
      id: id!,
      title: title!,
      ...(subtitle ? { subtitle } : {}),
      version: version!,
      sectors,
      minutes,
      ...(audience ? { audience } : {}),
      sources: sourceItems.map((s) => s.value),
      ...(reviewedValue ? { reviewed: reviewedValue } : {}),
    },
  };
}

// ---------------------------------------------------------------- body

interface Attributes {
  id?: string;
  values: Map<string, string>;
  error?: string;
}

/** Reads `{#id key=value …}` from a heading. */
function readAttributes(text: string): Attributes {
  const values = new Map<string, string>();
  let id: string | undefined;
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    if (token.startsWith('#')) {
      if (id !== undefined) return { values, error: 'twee namen met #' };
      id = token.slice(1);
    } else {
      const eq = token.indexOf('=');
      if (eq <= 0) return { id, values, error: `"${token}" is geen naam=waarde` };
      values.set(token.slice(0, eq), token.slice(eq + 1));
    }
  }
  return { id, values };
}

function readBody(lines: string[], start: number, problem: Report, warn: Report): Block[] {
  const blocks: Block[] = [];
  const blockIds = new Map<string, number>();
  const slideIds = new Map<string, number>();
  const formatIds = new Map<string, number>();
  let block: Block | undefined;
  let slide: (Slide & { bodyLines: string[]; notesFound: boolean }) | undefined;

  const finishSlide = () => {
    if (!slide) return;
    const body = trimLines(slide.bodyLines).join('\n');
    slide.body = body;
    slide.html = renderMarkdown(body);
    checkSlide(slide, warn);
    const { bodyLines: _b, notesFound: _n, ...clean } = slide;
    block!.slides.push(clean);
    slide = undefined;
  };

  for (let i = start; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;

    if (raw.startsWith('# ') || raw === '#') {
      finishSlide();
      const m = BLOCK_HEADING.exec(raw);
      if (!m) {
        problem(lineNo, 'Een blok heeft de vorm "# Titel {#naam soort=kennis minuten=20}".');
        block = undefined;
        continue;
      }
      const attrs = readAttributes(m[2]!);
      const ok = checkId(attrs, 'blok', lineNo, blockIds, problem);
      checkLength('De bloktitel', m[1]!.trim(), TEXT_LIMITS.blok, lineNo, problem);
      const kind = attrs.values.get('soort');
      const minutes = Number(attrs.values.get('minuten'));
      const kindOk = !!kind && (BLOCK_KINDS as readonly string[]).includes(kind);
      if (!kindOk) {
        problem(lineNo, `Het blok heeft een onbekende of ontbrekende soort${kind ? ` "${kind}"` : ''}. Kies uit: ${BLOCK_KINDS.join(', ')}.`);
      }
      const minutesOk = Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_MINUTES;
      if (!minutesOk) problem(lineNo, 'Het blok heeft geen geldige minuten (een heel getal, bijvoorbeeld minuten=20).');
      for (const key of attrs.values.keys()) {
        if (key !== 'soort' && key !== 'minuten') problem(lineNo, `Onbekende eigenschap "${key}" bij het blok.`);
      }
      // A broken heading still opens a block so the slides below are checked too.
      block = {
        id: ok ? attrs.id! : `blok-${lineNo}`,
        title: m[1]!.trim(),
        kind: (kindOk ? kind : 'vrij') as BlockKind,
        minutes: minutesOk ? minutes : 0,
        slides: [],
        line: lineNo,
      };
      blocks.push(block);
      continue;
    }

    if (raw.startsWith('## ')) {
      finishSlide();
      const m = SLIDE_HEADING.exec(raw);
      if (!m) {
        problem(lineNo, 'Een dia heeft de vorm "## Titel {#naam}".');
        continue;
      }
      if (!block) {
        problem(lineNo, 'Deze dia staat niet in een blok. Zet er een blok ("# Titel {#naam soort=… minuten=…}") boven.');
        continue;
      }
      const attrs = readAttributes(m[2]!);
      checkId(attrs, 'dia', lineNo, slideIds, problem);
      checkLength('De diatitel', m[1]!.trim(), TEXT_LIMITS.dia, lineNo, problem);
      if (attrs.values.size > 0) problem(lineNo, 'Een dia heeft alleen een naam: "## Titel {#naam}".');
      slide = {
        id: attrs.id ?? `dia-${lineNo}`,
        title: m[1]!.trim(),
        body: '',
        html: '',
        notes: '',
        notesHtml: '',
        line: lineNo,
        bodyLines: [],
        notesFound: false,
      };
      continue;
    }

    const open = CONTAINER_OPEN.exec(raw.trim());
    if (open) {
      const name = open[1]!;
      // A container ends at ":::"; a heading or a new container before that means it was left open.
      let close = i + 1;
      let closed = false;
      for (; close < lines.length; close++) {
        const t = lines[close]!.trim();
        if (CONTAINER_CLOSE.test(t)) {
          closed = true;
          break;
        }
        if (CONTAINER_OPEN.test(t) || lines[close]!.startsWith('# ') || lines[close]!.startsWith('## ')) break;
      }
      if (!closed) problem(lineNo, `"::: ${name}" wordt niet afgesloten met een regel ":::".`);
      const inner = lines.slice(i + 1, close);
      if (!slide) {
        problem(lineNo, `"::: ${name}" staat niet bij een dia.`);
      } else if (name === 'notities') {
        if (slide.notesFound) problem(lineNo, 'Deze dia heeft al notities.');
        slide.notesFound = true;
        slide.notes = trimLines(inner).join('\n');
        slide.notesHtml = renderMarkdown(slide.notes);
      } else if (name === 'werkvorm') {
        if (slide.workFormat) problem(lineNo, 'Een dia kan maar één werkvorm hebben; maak een nieuwe dia.');
        const wf = readWorkFormat(inner, i + 2, lineNo, formatIds, problem);
        if (wf) slide.workFormat = wf;
      } else {
        problem(lineNo, `Onbekend blok "::: ${name}". Gebruik "::: notities" of "::: werkvorm".`);
      }
      i = closed ? close : close - 1;
      continue;
    }
    if (CONTAINER_CLOSE.test(raw.trim())) {
      problem(lineNo, 'Losse ":::" zonder begin.');
      continue;
    }

    if (slide) {
      slide.bodyLines.push(raw);
      if (RAW_HTML.test(raw)) problem(lineNo, 'HTML is niet toegestaan in een dia; gebruik Markdown.');
      if (LINK_OR_IMAGE.test(raw)) problem(lineNo, 'Links en afbeeldingen worden (nog) niet ondersteund op een dia.');
    } else if (raw.trim() !== '') {
      problem(lineNo, 'Tekst buiten een dia. Zet er een dia-kop ("## Titel {#naam}") boven.');
    }
  }
  finishSlide();
  return blocks;
}

function checkId(
  attrs: Attributes,
  what: 'blok' | 'dia',
  lineNo: number,
  seen: Map<string, number>,
  problem: Report,
): boolean {
  const label = what === 'blok' ? 'Het blok' : 'De dia';
  if (attrs.error) {
    problem(lineNo, `${label} heeft een ongeldige kop: ${attrs.error}.`);
    return false;
  }
  if (!attrs.id) {
    problem(lineNo, `${label} mist een vaste naam, bijvoorbeeld {#kennis}.`);
    return false;
  }
  if (!ID.test(attrs.id)) {
    problem(lineNo, `De naam "${attrs.id}" mag alleen kleine letters, cijfers en streepjes bevatten.`);
    return false;
  }
  const earlier = seen.get(attrs.id);
  if (earlier !== undefined) {
    problem(lineNo, `De naam "${attrs.id}" is al gebruikt op regel ${earlier}.`);
    return false;
  }
  seen.set(attrs.id, lineNo);
  return true;
}

function checkLength(label: string, value: string, limit: number, line: number, problem: Report): void {
  if (value.length > limit) problem(line, `${label} is ${value.length} tekens lang; hoogstens ${limit} tekens passen op een dia en in een verslag.`);
}

/** Capitalised words and acronyms of the sources ("HBSC", "Veilig", "Monitor"), to find a source named on a slide. */
function sourceWords(sources: string[]): Set<string> {
  const words = new Set<string>();
  for (const s of sources) {
    for (const w of s.match(/\p{Lu}[\p{L}\d-]{2,}/gu) ?? []) words.add(w.toLowerCase());
  }
  return words;
}

/** Editorial checks of one slide: findings are warnings, never a reason to drop the module. */
function checkSlide(slide: Slide & { bodyLines: string[]; notesFound: boolean }, warn: Report): void {
  if (!slide.notesFound || slide.notes.trim() === '') {
    warn(slide.line, `De dia "${slide.title}" heeft geen sprekersnotities ("::: notities").`);
  }
  const bodyLines = slide.body.split('\n').filter((l) => l.trim() !== '').length;
  if (bodyLines > MAX_BODY_LINES) {
    warn(slide.line, `De dia "${slide.title}" heeft ${bodyLines} regels tekst; hoogstens ${MAX_BODY_LINES} passen leesbaar op een dia.`);
  }
  const text = `${slide.title}\n${slide.body}\n${slide.workFormat?.prompt ?? ''}\n${slide.notes}`;
  if (PERCENTAGE.test(text) && !YEAR.test(text)) {
    warn(slide.line, `De dia "${slide.title}" noemt een cijfer zonder bron met jaartal op de dia of in de notities.`);
  }
}

/** A slide that shows a percentage or a year needs a source from "bronnen" named on it or in its notes. */
function checkFigureSources(blocks: Block[], sources: string[], warn: Report): void {
  const words = sourceWords(sources);
  for (const slide of blocks.flatMap((b) => b.slides)) {
    const shown = `${slide.title}\n${slide.body}\n${slide.workFormat?.prompt ?? ''}\n${slide.workFormat?.options.join('\n') ?? ''}`;
    if (!PERCENTAGE.test(shown) && !YEAR.test(shown)) continue;
    const named = `${shown}\n${slide.notes}`.match(/\p{Lu}[\p{L}\d-]{2,}/gu) ?? [];
    if (!named.some((w) => words.has(w.toLowerCase()))) {
      warn(
        slide.line,
        `De dia "${slide.title}" noemt een cijfer of jaartal, maar geen bron uit "bronnen" in de kop (noem de bron op de dia of in de notities).`,
      );
    }
  }
}

function trimLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}

// ---------------------------------------------------------------- work formats

const FORMAT_KEYS = ['id', 'type', 'vraag', 'minuten', 'instructie', 'opties', 'meerdere', 'labels', 'stippen', 'antwoord', 'groepjes'];

function readWorkFormat(
  inner: string[],
  firstLine: number,
  openLine: number,
  seen: Map<string, number>,
  problem: Report,
): WorkFormat | undefined {
  const values = new Map<string, { value: string; line: number }>();
  inner.forEach((raw, k) => {
    const line = firstLine + k;
    if (raw.trim() === '') return;
    const m = /^\s*([a-z-]+)\s*:\s*(.*?)\s*$/.exec(raw);
    if (!m) {
      problem(line, 'Een werkvorm bestaat uit regels "sleutel: waarde".');
      return;
    }
    const [, key, value] = m as unknown as [string, string, string];
    if (!FORMAT_KEYS.includes(key)) {
      problem(line, `Onbekende sleutel "${key}" in de werkvorm. Toegestaan: ${FORMAT_KEYS.join(', ')}.`);
      return;
    }
    if (values.has(key)) problem(line, `"${key}" staat twee keer in de werkvorm.`);
    values.set(key, { value, line });
  });
  const lineOf = (key: string) => values.get(key)?.line ?? openLine;
  let ok = true;
  const fail = (line: number, message: string) => {
    problem(line, message);
    ok = false;
  };

  for (const key of ['id', 'type', 'vraag', 'minuten']) {
    if (!values.get(key)?.value) fail(openLine, `De werkvorm mist "${key}".`);
  }
  const id = values.get('id')?.value ?? '';
  if (id) {
    if (!ID.test(id)) fail(lineOf('id'), `De naam "${id}" mag alleen kleine letters, cijfers en streepjes bevatten.`);
    else if (seen.has(id)) fail(lineOf('id'), `De werkvorm-id "${id}" is al gebruikt op regel ${seen.get(id)}.`);
    else seen.set(id, lineOf('id'));
  }
  for (const [key, limit] of [
    ['vraag', TEXT_LIMITS.vraag],
    ['instructie', TEXT_LIMITS.instructie],
    ['groepjes', TEXT_LIMITS.groepjes],
  ] as const) {
    const value = values.get(key)?.value;
    if (value && value.length > limit) fail(lineOf(key), `"${key}" is ${value.length} tekens lang; hoogstens ${limit} tekens passen op een dia en in een verslag.`);
  }
  const type = values.get('type')?.value ?? '';
  const knownType = (WORK_FORMAT_TYPES as readonly string[]).includes(type);
  if (type && !knownType) {
    fail(lineOf('type'), `Onbekend type werkvorm "${type}". Kies uit: ${WORK_FORMAT_TYPES.join(', ')}.`);
  }
  const minutesText = values.get('minuten')?.value;
  const minutes = Number(minutesText);
  if (minutesText && (!Number.isInteger(minutes) || minutes < 1 || minutes > 60)) {
    fail(lineOf('minuten'), `"minuten" moet een heel getal van 1 tot 60 zijn (nu: ${minutesText}).`);
  }

  const listOf = (key: string): string[] | undefined => {
    const entry = values.get(key);
    if (!entry) return undefined;
    const m = /^\[(.*)\]$/.exec(entry.value);
    if (!m) {
      fail(entry.line, `"${key}" moet een lijst zijn tussen haken: [A, B, C].`);
      return undefined;
    }
    // YAML reads the flow list, so "Ja, zeker" in quotes stays one option.
    const doc = parseDocument(entry.value, { prettyErrors: false });
    const node = doc.contents;
    if (doc.errors.length > 0 || !isSeq(node)) {
      fail(entry.line, `"${key}" kan niet worden gelezen; schrijf [A, B, C] en zet een optie met een komma tussen aanhalingstekens.`);
      return undefined;
    }
    const items = node.items.map((item) => (isScalar(item) && item.value !== null && typeof item.value !== 'object' ? String(item.value).trim() : ''));
    if (items.some((s) => s === '')) fail(entry.line, `"${key}" bevat een lege waarde.`);
    if (items.length > MAX_OPTIONS) fail(entry.line, `"${key}" heeft ${items.length} waarden; hoogstens ${MAX_OPTIONS}.`);
    const limit = key === 'labels' ? TEXT_LIMITS.label : TEXT_LIMITS.optie;
    const long = items.find((s) => s.length > limit);
    if (long) fail(entry.line, `Een waarde in "${key}" is ${long.length} tekens lang; hoogstens ${limit}.`);
    return items;
  };
  const options = listOf('opties') ?? [];
  // Which types take which key, and how many options they need, is each type's own rule (services/work-formats/types/).
  const rules = knownType ? moduleOf(type as WorkFormatType).declaration : undefined;
  if (rules?.minOptions !== undefined && options.length < rules.minOptions) {
    fail(lineOf('opties'), `Een ${type} heeft minstens ${numberWord(rules.minOptions)} opties nodig: opties: [A, B].`);
  }
  if (new Set(options).size !== options.length) fail(lineOf('opties'), 'Een optie staat er twee keer in.');

  const fieldOf: Record<string, DeclarationField> = {
    opties: 'options',
    meerdere: 'multiple',
    labels: 'scaleLabels',
    stippen: 'dots',
    antwoord: 'answerKind',
    groepjes: 'grouping',
  };
  for (const [key, field] of Object.entries(fieldOf)) {
    if (values.has(key) && rules && !rules.fields.includes(field)) {
      fail(lineOf(key), `"${key}" hoort niet bij een ${type} (alleen bij ${typesTaking(field).join(', ')}).`);
    }
  }

  let multiple = false;
  const multipleText = values.get('meerdere')?.value;
  if (multipleText !== undefined) {
    if (multipleText === 'ja') multiple = true;
    else if (multipleText !== 'nee') fail(lineOf('meerdere'), '"meerdere" is "ja" of "nee".');
  }
  let scaleLabels: WorkFormat['scaleLabels'];
  const labels = listOf('labels');
  if (labels) {
    if (labels.length !== 2) fail(lineOf('labels'), '"labels" heeft precies twee woorden: [laag, hoog].');
    else scaleLabels = { low: labels[0]!, high: labels[1]! };
  }
  let dots: number | undefined;
  const dotsText = values.get('stippen')?.value;
  if (dotsText !== undefined) {
    dots = Number(dotsText);
    if (!Number.isInteger(dots) || dots < 1 || dots > 10) fail(lineOf('stippen'), '"stippen" is een heel getal van 1 tot 10.');
  }
  let answerKind: WorkFormat['answerKind'];
  const answerText = values.get('antwoord')?.value;
  if (answerText !== undefined) {
    if (answerText === 'woord' || answerText === 'score') answerKind = answerText;
    else fail(lineOf('antwoord'), '"antwoord" is "woord" of "score".');
  }

  if (!ok) return undefined;
  const instructions = values.get('instructie')?.value;
  const grouping = values.get('groepjes')?.value;
  return {
    id,
    type: type as WorkFormatType,
    prompt: values.get('vraag')!.value,
    ...(instructions ? { instructions } : {}),
    options,
    multiple,
    minutes,
    ...(scaleLabels ? { scaleLabels } : {}),
    ...(rules?.fields.includes('dots') ? { dots: dots ?? 3 } : {}),
    ...(rules?.fields.includes('answerKind') ? { answerKind: answerKind ?? 'woord' } : {}),
    ...(grouping ? { grouping } : {}),
    line: openLine,
  };
}

// ---------------------------------------------------------------- whole module

function checkWhole(meta: ModuleMeta, blocks: Block[], lineCount: number, problem: Report, warn: Report): void {
  if (blocks.length === 0) {
    problem(lineCount, 'De module heeft geen blokken. Begin een blok met "# Titel {#naam soort=kennis minuten=20}".');
    return;
  }
  for (const block of blocks) {
    if (block.slides.length === 0) problem(block.line, `Het blok "${block.title}" heeft geen dia's.`);
  }
  // The agenda clock is built from the blocks: a sum that differs from the header is structural.
  const total = blocks.reduce((sum, b) => sum + b.minutes, 0);
  if (total !== meta.minutes) {
    problem(blocks[0]!.line, `De blokken duren samen ${total} minuten, maar de kop zegt ${meta.minutes}.`);
  }
  // What follows is the offer's editorial shape: a facilitator's own module may differ and still load.
  const kinds = new Set(blocks.map((b) => b.kind));
  const missing = REQUIRED_BLOCK_KINDS.filter((k) => !kinds.has(k));
  if (missing.length > 0) warn(blocks[0]!.line, `De module mist een blok van de soort: ${missing.join(', ')}.`);
  const formats = blocks.flatMap((b) => b.slides.flatMap((s) => (s.workFormat ? [s.workFormat] : [])));
  if (formats.length < MIN_WORK_FORMATS) {
    warn(blocks[0]!.line, `De module heeft ${formats.length} werkvormen; minstens ${MIN_WORK_FORMATS} zijn gebruikelijk.`);
  }
  if (!formats.some((f) => f.type === 'rondje')) {
    warn(blocks[0]!.line, 'De module heeft geen werkvorm "rondje" (uitwisseling tussen deelnemers).');
  }
  if (!formats.some((f) => f.type === 'actieplan')) {
    warn(blocks[0]!.line, 'De module heeft geen werkvorm "actieplan" (afspraken over vervolgstappen).');
  }
  checkFigureSources(blocks, meta.sources, warn);
}

/** Counts used in summaries and in the check report. */
export function summarise(module: ParsedModule): { blocks: number; slides: number; workFormats: number } {
  const slides = module.blocks.flatMap((b) => b.slides);
  return {
    blocks: module.blocks.length,
    slides: slides.length,
    workFormats: slides.filter((s) => s.workFormat).length,
  };
}
