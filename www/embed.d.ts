// Type declarations for ClaimLens's embed module (embed.js).

/** Offsets are UTF-16 code units by default: `text.slice(start, end)` is the span. */
export interface Span { start: number; end: number; text: string }
export interface DocSpan extends Span { doc: number }

export type NumberKind =
  | 'cardinal' | 'ordinal' | 'percent' | 'money' | 'measure' | 'duration' | 'date' | 'time' | 'range' | 'vague'
  | (string & {});

export interface NumberFinding extends Span {
  kind: NumberKind;
  /** The number (a range's lower end), or an ISO-8601-like string for dates and times. */
  value: number | string | null;
  value_max: number | null;
  /** Canonical unit symbol: km, mi, m, kg, %, USD, EUR, GBP, month… */
  unit: string | null;
  counted: string | null;
  counted_span: Span | null;
  bound: 'exact' | 'about' | 'at_least' | 'more_than' | 'at_most' | 'less_than' | (string & {});
  si_value: number | null;
  /** Index in the same document's numbers of the figure this one restates ("27km (17 miles)"). */
  restates: number | null;
}

export interface Attribution {
  speaker: string | null;
  source: Span | null;
  cue: Span;
  content: Span;
  direct: boolean;
  anonymous: boolean;
  source_kind: 'person' | 'unnamed_official' | 'organisation' | 'media' | 'document' | 'vague' | (string & {});
  medium: Span | null;
}

export interface DocumentResult { name: string; numbers: NumberFinding[]; attributions: Attribution[] }

export interface Contradiction {
  kind: 'numeric' | 'date' | 'negation' | (string & {});
  confidence: number;
  explanation: string;
  a: DocSpan;
  b: DocSpan;
}

export interface Corroboration { explanation: string; claims: DocSpan[]; sources: number }

export interface Analysis {
  offsets: 'utf16' | 'chars' | 'bytes';
  documents: DocumentResult[];
  contradictions: Contradiction[];
  corroborations: Corroboration[];
}

export interface DocumentInput { name?: string; text: string }

export interface AnalyzeOptions {
  /** Publication date, YYYY-MM-DD: relative dates ("yesterday") resolve against it. */
  pub_date?: string;
  offsets?: 'utf16' | 'chars' | 'bytes';
}

export interface MountOptions {
  /** The element (or its id) whose text is analysed; default: the mounted element itself. */
  for?: string | Element;
  pub_date?: string;
  /** The article's name in cards; default: document.title. */
  name?: string;
  /** Show the legend with toggles; default true. */
  legend?: boolean;
}

export interface Mounted {
  /** Re-reads the text and analyses it again. */
  refresh(): void;
  /** Removes the widget and its highlights; the article is left untouched. */
  destroy(): void;
  /** The last analysis, offsets into `text`. */
  readonly result: Analysis | null;
  /** The text as read from the page. */
  readonly text: string | undefined;
}

/** Loads the WebAssembly module once. Await it before analyze() and mount(). */
export function init(wasmUrl?: string | URL): Promise<unknown>;
export function analyze(documents: string | Array<string | DocumentInput>, options?: AnalyzeOptions): Analysis;
export function mount(element: Element, options?: MountOptions): Mounted;

/** The `<claim-lens>` custom element; attributes: for, pub-date, name, legend="false". */
export class ClaimLensElement extends HTMLElement {
  readonly result: Analysis | null;
  refresh(): void;
}

declare global {
  interface HTMLElementTagNameMap { 'claim-lens': ClaimLensElement }
}
