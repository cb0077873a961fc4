/**
 * Domain types shared by the engine, the extension and the command line.
 *
 * The `Report` is the contract `attribution-lens/report@1` (see ../shared/eval/README.md):
 * every offset (`start`, `end`) is in UTF-16 code units into `ExtractedArticle.text`.
 */

export type ActorType = 'state' | 'intergov' | 'agency' | 'official' | 'threat-group' | 'company' | 'person';
export type ClaimKind = 'attribution' | 'denial' | 'condemnation' | 'call' | 'assessment';

/** A half-open span `[start, end)` of the article text. */
export interface Span {
  start: number;
  end: number;
}

/** One occurrence of an actor; `text === article.text.slice(start, end)`. */
export interface Mention extends Span {
  text: string;
}

export interface Actor {
  /** Stable within one report, e.g. `state:CN`, `mitre:G0065`, `person:marc-garneau`. */
  id: string;
  /** Canonical name. */
  name: string;
  type: ActorType;
  /** ISO 3166-1 alpha-2 of the state it belongs to (a state's own code for a state). */
  country: string | null;
  aliases: string[];
  /** Knowledge-base reference, e.g. `mitre:G0065`, `iso:CN`, `kb:agency/us-fbi`; null if found by pattern only. */
  kb: string | null;
  mentions: Mention[];
}

export type ConfidenceScale = 'ICD-203' | 'PHIA' | 'other';

export interface Confidence {
  /** The estimative phrase as written ("almost certainly"). */
  phrase: string;
  scale: ConfidenceScale;
  /** Probability range in 0..1. */
  probability: [number, number];
  /** The scale's term ("almost certain", "highly likely", "high confidence"). */
  term?: string;
  /** `likelihood` for ICD 203/PHIA probability words; `confidence` for "confident", "high confidence". */
  expresses?: 'likelihood' | 'confidence';
}

export interface Claim {
  id: string;
  kind: ClaimKind;
  /** Actor id of the claimant, or null when unnamed. */
  claimant: string | null;
  /** Actor ids. For a denial: the party that denies (usually the denier's own state). */
  accused: string[];
  sentence: string;
  start: number;
  end: number;
  /** The claim stands inside quotation marks (a direct quote). */
  quote: boolean;
  confidence: Confidence | null;
  /** Span of the words that carry the claim ("blamed", "denied"), for highlighting. */
  trigger?: Span;
}

export type CrossRefRelation = 'same-event' | 'mentioned-in-article' | 'related';

export interface CrossReference {
  id: string;
  /** Issuer name (government or body). */
  issuer: string;
  issuerActor: string | null;
  kind: string;
  date: string | null;
  title: string | null;
  url: string | null;
  event: string | null;
  relation: CrossRefRelation;
  score: number;
  why: string[];
  /** Extra fields for the popup (not part of the scored contract). */
  issuerBody?: string | null;
  country?: string | null;
  summary?: string | null;
  accused?: string[];
  confidencePhrase?: string | null;
}

export interface SourceInfo {
  url: string | null;
  title: string | null;
  site: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  language: string | null;
}

export interface ArticleInfo {
  detected: boolean;
  relevant: boolean;
  relevance: number;
  reasons: string[];
  words: number;
}

/** Incident matched by the cross-reference stage (extra, for the popup). */
export interface IncidentMatch {
  id: string;
  name: string;
  score: number;
  why: string[];
}

export interface Report {
  schema: 'attribution-lens/report@1';
  source: SourceInfo;
  article: ArticleInfo;
  actors: Actor[];
  claims: Claim[];
  crossReferences: CrossReference[];
  /** Extra, not in the scored contract: the incidents the article was matched to. */
  incidents?: IncidentMatch[];
}

/**
 * What page extraction hands to the engine: metadata plus the main text.
 * Paragraphs in `text` are separated by "\n\n"; offsets everywhere are into `text`.
 */
export interface ExtractedArticle {
  source: SourceInfo;
  /** Is the page an article at all (readerable, JSON-LD, Open Graph, structure). */
  detected: boolean;
  /** Why it was (not) considered an article, in plain words. */
  detectReasons: string[];
  text: string;
}
