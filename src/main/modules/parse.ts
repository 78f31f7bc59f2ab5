// Parser and validator for module format v1 (documented for facilitators in
// modules/README.md). Pure: text in, module and problems out, no file system,
// so it is tested on strings and reused for the module text stored with a
// session. Every problem carries the 1-based line it was found on.

import MarkdownIt from 'markdown-it';
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

export interface ParseResult {
  /** The module, or undefined when it has problems (a broken module is never half-loaded). */
  module?: ParsedModule;
  problems: ModuleProblem[];
}

/** Blocks every module needs: the offer's three parts plus an opening and a close. */
export const REQUIRED_BLOCK_KINDS: BlockKind[] = ['opening', 'kennis', 'tools', 'uitwisseling', 'afsluiting'];
export const MIN_MINUTES = 60;
export const MAX_MINUTES = 90;
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

export function parseModule(source: string, file: string, dir = ''): ParseResult {
  const problems: ModuleProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);

  const front = readFrontMatter(lines, problem);
  // Without a closed front matter nothing below can be placed reliably: report that alone.
  if (!front) return { problems };
  const blocks = readBody(lines, front.bodyStart, problem);
  if (!front.meta) return { problems: sortProblems(problems) };
  checkWhole(front.meta, blocks, lines.length, problem);

  if (problems.length > 0) return { problems: sortProblems(problems) };
  return { module: { meta: front.meta, blocks, file, dir }, problems };
}

function sortProblems(problems: ModuleProblem[]): ModuleProblem[] {
  return [...problems].sort((a, b) => a.line - b.line);
}

type Report = (line: number, message: string) => void;

// ---------------------------------------------------------------- front matter

function readFrontMatter(lines: string[], problem: Report): { meta?: ModuleMeta; bodyStart: number } | undefined {
  if (lines[0]?.trim() !== '---') {
    problem(1, 'Het bestand moet beginnen met een kop tussen twee regels "---" (zie modules/README.md).');
    return undefined;
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    problem(1, 'De kop wordt niet afgesloten met een regel "---".');
    return undefined;
  }
  // The front matter is a small, fixed subset of YAML read line by line: a
  // real YAML parser turns a source such as "GGD: rapport (2020)" into a map,
  // which surprises a facilitator, and loses exact line numbers.
  const keyLine = new Map<string, number>();
  const values = new Map<string, string | string[]>();
  const itemLines = new Map<string, number[]>();
  let listKey: string | undefined;
  for (let i = 1; i < end; i++) {
    const lineNo = i + 1;
    const raw = stripComment(lines[i]!);
    if (raw.trim() === '') continue;
    const item = /^\s+-\s+(.*)$/.exec(raw) ?? /^-\s+(.*)$/.exec(raw);
    if (item) {
      const list = listKey ? values.get(listKey) : undefined;
      if (!listKey || !Array.isArray(list)) {
        problem(lineNo, 'Een lijstregel ("- …") hoort onder een sleutel zoals "bronnen:".');
        continue;
      }
      list.push(unquote(item[1]!.trim()));
      itemLines.set(listKey, [...(itemLines.get(listKey) ?? []), lineNo]);
      continue;
    }
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(raw);
    if (!pair || /^\s/.test(raw)) {
      problem(lineNo, 'Een regel in de kop heeft de vorm "sleutel: waarde" of "  - lijstwaarde".');
      continue;
    }
    const key = pair[1]!;
    const value = pair[2]!.trim();
    if (keyLine.has(key)) problem(lineNo, `De sleutel "${key}" staat al op regel ${keyLine.get(key)}.`);
    keyLine.set(key, lineNo);
    if (value === '') {
      values.set(key, []);
      listKey = key;
    } else if (value.startsWith('[')) {
      listKey = undefined;
      if (!value.endsWith(']')) {
        problem(lineNo, `De lijst bij "${key}" moet eindigen met "]".`);
        continue;
      }
      values.set(
        key,
        value
          .slice(1, -1)
          .split(',')
          .map((v) => unquote(v.trim()))
          .filter((v) => v !== ''),
      );
    } else {
      listKey = undefined;
      values.set(key, unquote(value));
    }
  }
  const at = (key: string) => keyLine.get(key) ?? 2;
  const known = ['id', 'titel', 'ondertitel', 'versie', 'sectoren', 'minuten', 'doelgroep', 'bronnen'];
  for (const key of keyLine.keys()) {
    if (!known.includes(key)) problem(at(key), `Onbekende sleutel "${key}" in de kop. Toegestaan: ${known.join(', ')}.`);
  }

  const scalar = (key: string): string | undefined => {
    const value = values.get(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    problem(at(key), `"${key}" moet één waarde zijn, op dezelfde regel.`);
    return undefined;
  };
  const list = (key: string): string[] | undefined => {
    const value = values.get(key);
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value;
    problem(at(key), `"${key}" moet een lijst zijn, bijvoorbeeld [po, vo].`);
    return undefined;
  };
  const required = (key: string, value: unknown) => {
    if (value === undefined || value === '') problem(keyLine.has(key) ? at(key) : 1, `De kop mist "${key}".`);
  };

  const id = scalar('id');
  const title = scalar('titel');
  const subtitle = scalar('ondertitel');
  const version = scalar('versie');
  const sectorsRaw = list('sectoren');
  const minutesRaw = scalar('minuten');
  const audience = scalar('doelgroep');
  const sources = list('bronnen') ?? [];
  required('id', id);
  required('titel', title);
  required('versie', version);
  required('sectoren', sectorsRaw);
  required('minuten', minutesRaw);

  let ok = problemsFree(id, title, version, sectorsRaw, minutesRaw);
  if (id !== undefined && !ID.test(id)) {
    problem(at('id'), `De id "${id}" mag alleen kleine letters, cijfers en streepjes bevatten.`);
    ok = false;
  }
  if (version !== undefined && !/^\d+\.\d+(?:\.\d+)?$/.test(version)) {
    problem(at('versie'), `De versie "${version}" moet de vorm 1.0.0 hebben.`);
    ok = false;
  }
  const sectors: Sector[] = [];
  for (const s of sectorsRaw ?? []) {
    if ((SECTORS as readonly string[]).includes(s)) {
      if (!sectors.includes(s as Sector)) sectors.push(s as Sector);
    } else {
      problem(at('sectoren'), `Onbekende sector "${s}". Kies uit: ${SECTORS.join(', ')}.`);
      ok = false;
    }
  }
  if (sectorsRaw && sectorsRaw.length === 0) {
    problem(at('sectoren'), 'Noem minstens één sector (po, vo, go of mbo).');
    ok = false;
  }
  const minutes = Number(minutesRaw);
  if (minutesRaw !== undefined && (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES)) {
    problem(at('minuten'), `"minuten" moet een heel getal tussen ${MIN_MINUTES} en ${MAX_MINUTES} zijn (nu: ${minutesRaw}).`);
    ok = false;
  }
  sources.forEach((s, i) => {
    if (!YEAR.test(s)) {
      problem(itemLines.get('bronnen')?.[i] ?? at('bronnen'), `Bron "${s}" mist een jaartal (of "geraadpleegd 2026").`);
      ok = false;
    }
  });
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
      sources,
    },
  };
}

function problemsFree(...values: unknown[]): boolean {
  return values.every((v) => v !== undefined && v !== '');
}

function stripComment(line: string): string {
  // "#" starts a comment only after whitespace, as in YAML.
  const m = /\s#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? m[2]! : value;
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

function readBody(lines: string[], start: number, problem: Report): Block[] {
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
    checkSlide(slide, problem);
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

function checkSlide(slide: Slide & { bodyLines: string[]; notesFound: boolean }, problem: Report): void {
  if (!slide.notesFound || slide.notes.trim() === '') {
    problem(slide.line, `De dia "${slide.title}" heeft geen sprekersnotities ("::: notities").`);
  }
  const bodyLines = slide.body.split('\n').filter((l) => l.trim() !== '').length;
  if (bodyLines > MAX_BODY_LINES) {
    problem(slide.line, `De dia "${slide.title}" heeft ${bodyLines} regels tekst; hoogstens ${MAX_BODY_LINES} passen leesbaar op een dia.`);
  }
  const text = `${slide.title}\n${slide.body}\n${slide.workFormat?.prompt ?? ''}\n${slide.notes}`;
  if (PERCENTAGE.test(text) && !YEAR.test(text)) {
    problem(slide.line, `De dia "${slide.title}" noemt een cijfer zonder bron met jaartal op de dia of in de notities.`);
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
    const items = m[1]!.split(',').map((s) => s.trim());
    if (items.some((s) => s === '')) fail(entry.line, `"${key}" bevat een lege waarde.`);
    return items;
  };
  const options = listOf('opties') ?? [];
  if ((type === 'peiling' || type === 'rangorde') && options.length < 2) {
    fail(lineOf('opties'), `Een ${type} heeft minstens twee opties nodig: opties: [A, B].`);
  }
  if (new Set(options).size !== options.length) fail(lineOf('opties'), 'Een optie staat er twee keer in.');

  const allowedFor: Record<string, WorkFormatType[]> = {
    opties: ['peiling', 'rangorde'],
    meerdere: ['peiling'],
    labels: ['schaalvraag'],
    stippen: ['brainstorm'],
    antwoord: ['check-in', 'check-out'],
    groepjes: ['opdracht'],
  };
  for (const [key, types] of Object.entries(allowedFor)) {
    if (values.has(key) && knownType && !types.includes(type as WorkFormatType)) {
      fail(lineOf(key), `"${key}" hoort niet bij een ${type} (alleen bij ${types.join(', ')}).`);
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
    ...(type === 'brainstorm' ? { dots: dots ?? 3 } : {}),
    ...(type === 'check-in' || type === 'check-out' ? { answerKind: answerKind ?? 'woord' } : {}),
    ...(grouping ? { grouping } : {}),
    line: openLine,
  };
}

// ---------------------------------------------------------------- whole module

function checkWhole(meta: ModuleMeta, blocks: Block[], lineCount: number, problem: Report): void {
  if (blocks.length === 0) {
    problem(lineCount, 'De module heeft geen blokken. Begin een blok met "# Titel {#naam soort=kennis minuten=20}".');
    return;
  }
  for (const block of blocks) {
    if (block.slides.length === 0) problem(block.line, `Het blok "${block.title}" heeft geen dia's.`);
  }
  const kinds = new Set(blocks.map((b) => b.kind));
  const missing = REQUIRED_BLOCK_KINDS.filter((k) => !kinds.has(k));
  if (missing.length > 0) problem(blocks[0]!.line, `De module mist een blok van de soort: ${missing.join(', ')}.`);

  const total = blocks.reduce((sum, b) => sum + b.minutes, 0);
  if (total !== meta.minutes) {
    problem(blocks[0]!.line, `De blokken duren samen ${total} minuten, maar de kop zegt ${meta.minutes}.`);
  }
  const formats = blocks.flatMap((b) => b.slides.flatMap((s) => (s.workFormat ? [s.workFormat] : [])));
  if (formats.length < MIN_WORK_FORMATS) {
    problem(blocks[0]!.line, `De module heeft ${formats.length} werkvormen; minstens ${MIN_WORK_FORMATS} zijn nodig.`);
  }
  if (!formats.some((f) => f.type === 'rondje')) {
    problem(blocks[0]!.line, 'De module heeft geen werkvorm "rondje" (uitwisseling tussen deelnemers).');
  }
  if (!formats.some((f) => f.type === 'actieplan')) {
    problem(blocks[0]!.line, 'De module heeft geen werkvorm "actieplan" (afspraken over vervolgstappen).');
  }
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
