// The shape of a parsed module (format v1), shared by main (parser, reports)
// and renderer (preview, presenting). The text format itself is documented
// for facilitators in modules/README.md.

export const SECTORS = ['po', 'vo', 'go', 'mbo'] as const;
export type Sector = (typeof SECTORS)[number];

/** Kinds of block a module is built from (the offer's three parts plus opening and close). */
export const BLOCK_KINDS = ['opening', 'kennis', 'tools', 'uitwisseling', 'afsluiting', 'pauze', 'vrij'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const BLOCK_KIND_LABELS: Record<BlockKind, string> = {
  opening: 'Opening',
  kennis: 'Kennis over het thema',
  tools: 'Praktische tools en handvatten',
  uitwisseling: 'Uitwisseling',
  afsluiting: 'Afsluiting',
  pauze: 'Pauze',
  vrij: 'Vrij blok',
};

export const WORK_FORMAT_TYPES = [
  'peiling',
  'stelling',
  'brainstorm',
  'rondje',
  'schaalvraag',
  'rangorde',
  'opdracht',
  'actieplan',
  'check-in',
  'check-out',
] as const;
export type WorkFormatType = (typeof WORK_FORMAT_TYPES)[number];

export const WORK_FORMAT_LABELS: Record<WorkFormatType, string> = {
  peiling: 'Peiling',
  stelling: 'Stelling',
  brainstorm: 'Brainstorm',
  rondje: 'Rondje uitwisseling',
  schaalvraag: 'Schaalvraag',
  rangorde: 'Rangorde',
  opdracht: 'Opdracht met timer',
  actieplan: 'Actieplan',
  'check-in': 'Check-in',
  'check-out': 'Check-out',
};

/** A work format as declared in a module file (or added ad hoc in a session). */
export interface WorkFormat {
  id: string;
  type: WorkFormatType;
  /** The question, statement or task shown to the room. */
  prompt: string;
  /** Extra instructions for the room (optional). */
  instructions?: string;
  /** Answer options (peiling, rangorde). */
  options: string[];
  /** peiling: more than one answer allowed. */
  multiple: boolean;
  /** Planned minutes (for opdracht: the length of the timer). */
  minutes: number;
  /** schaalvraag: labels for 1 and 10. */
  scaleLabels?: { low: string; high: string };
  /** brainstorm: dots per person for dot voting. */
  dots?: number;
  /** check-in / check-out: one word or a score. */
  answerKind?: 'woord' | 'score';
  /** opdracht: how the room works (e.g. "in tweetallen"). */
  grouping?: string;
  /** 1-based line in the module file where the declaration starts. */
  line: number;
}

export interface Slide {
  id: string;
  title: string;
  /** Markdown source of the slide body (without notes and work format). */
  body: string;
  /** Body rendered to HTML (raw HTML in the source is not allowed and is escaped). */
  html: string;
  /** Speaker notes, Markdown source. */
  notes: string;
  notesHtml: string;
  workFormat?: WorkFormat;
  line: number;
}

export interface Block {
  id: string;
  title: string;
  kind: BlockKind;
  minutes: number;
  slides: Slide[];
  line: number;
}

export interface ModuleMeta {
  id: string;
  title: string;
  subtitle?: string;
  version: string;
  sectors: Sector[];
  /** Target duration in minutes (60–90). */
  minutes: number;
  audience?: string;
  /** Sources used in the deck, each with a year. */
  sources: string[];
  /** Month of the last review of content and figures ("herzien: 2026-11"). */
  reviewed?: string;
}

export interface ParsedModule {
  meta: ModuleMeta;
  blocks: Block[];
  /** Absolute path of the module file. */
  file: string;
  /** Absolute path of the module folder (for assets). */
  dir: string;
}

/** One problem found in a module file. */
export interface ModuleProblem {
  file: string;
  line: number;
  message: string;
}

export interface ModuleSummary {
  id: string;
  title: string;
  subtitle?: string;
  version: string;
  sectors: Sector[];
  minutes: number;
  blocks: number;
  slides: number;
  workFormats: number;
  file: string;
  /** Where it was found: built into the app or the facilitator's own folder. */
  origin: 'ingebouwd' | 'eigen';
}

export interface ModuleLibrary {
  modules: ModuleSummary[];
  /** Structural problems: the module concerned is not loaded. */
  errors: ModuleProblem[];
  /** Editorial findings: the module loads; `modules:check` lists them. */
  warnings?: ModuleProblem[];
}
