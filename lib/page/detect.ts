/**
 * Cheap article detection, run on every page before anything else: markup signals (JSON-LD,
 * Open Graph, microdata, `<article>`) and a sampled paragraph count, with a readerable score
 * computed on the same sample (Readability's `isProbablyReaderable` formula: Σ √(length − 140)
 * over paragraphs of 140+ characters, > 20) when the markup says nothing. Readability's own
 * check is not used: it runs `querySelectorAll` and `getComputedStyle` over the page, and its
 * code would be parsed on every page the always-on script runs in.
 * Reads the DOM through XPath numbers and strings only; never walks every text node.
 */
import { isArticleType } from './json-ld';

/** Outcome of {@link quickCheck}: `reasons` are plain words a reader understands. */
export interface QuickCheck {
  candidate: boolean;
  reasons: string[];
}

/** Options of {@link quickCheck}. */
export interface QuickCheckOptions {
  /** Use the sampled readerable score when the markup is silent (default true). */
  readerable?: boolean;
  /** Collect every signal instead of stopping at the first markup signal (for reasons). */
  full?: boolean;
  /**
   * How to read the page: XPath by default (no element wrapper; see {@link PageProbe}); the
   * element-by-element reader of ./detect-elements for DOMs without XPath (linkedom) and where
   * the elements are being read anyway (an extraction).
   */
  probe?: (doc: Document) => PageProbe;
}

export const P_SAMPLE = 40;
const LONG_P = 80;
/** Readability's `isProbablyReaderable` defaults: minimum paragraph length and score. */
const READERABLE_MIN = 140;
const READERABLE_SCORE = 20;
const TYPE_RE = /"@type"\s*:\s*(?:"([^"]{1,60})"|\[([^\]]{1,300})\])/g;

/**
 * What the check reads of a page. In a browser it is read through XPath expressions that return
 * numbers and strings, so no element of the page gets a JavaScript wrapper (in an extension's
 * isolated world the first element wrapper costs about 0.4 ms, more than the whole check on an
 * ordinary page); DOMs without XPath (linkedom, in the command line) are read element by element
 * (./detect-elements, kept apart so the always-on detector does not carry it).
 * Lengths are of the text with spaces collapsed and trimmed (XPath's `normalize-space`).
 */
export interface PageProbe {
  /**
   * `content` of `<head>`'s og:type and article:published_time metas, and how many JSON-LD scripts
   * may name an article type (their text has "Article", "Posting" or "Report"): in `<head>` and in
   * the whole document.
   */
  head(): { ogType: string; published: string; jsonLd: number; allJsonLd: number };
  /** Text of the first JSON-LD scripts (at most 10, each cut at 100,000 characters). */
  jsonLd(headOnly: boolean): string[];
  /** Lengths ≥ `min` among paragraphs 0, step, 2·step… (at most `P_SAMPLE` of them). */
  sampleLengths(step: number, min: number): number[];
  /** How many {@link sampleLengths} would give (one evaluation, not one per paragraph). */
  sampleCount(step: number, min: number): number;
}

export const MAX_LD = 10;
export const MAX_LD_CHARS = 100_000;
export const OG_TYPE = 'og:type';
export const PUBLISHED = 'article:published_time';
const LOWER = (attr: string): string => `translate(${attr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
const LD = `[contains(${LOWER('@type')}, 'ld+json')]`;
/** Every article type (./json-ld.ts) contains one of these: a cheap filter before reading the text. */
export const TYPE_WORDS = ['Article', 'Posting', 'Report'];
const ARTICLE_LD = `${LD}[${TYPE_WORDS.map(w => `contains(., '${w}')`).join(' or ')}]`;
const SEP = '\u0001';
/** The first `<meta>` in `<head>` whose key (`property`, else `name`) is `key`, case-insensitively. */
const META = (key: string): string =>
  `string(/html/head/meta[${LOWER('@property')} = '${key}' or (not(@property) and ${LOWER('@name')} = '${key}')][1]/@content)`;
// Few evaluations, each answering several questions: the first costs most.
const HEAD = `concat(${META(OG_TYPE)}, '${SEP}', ${META(PUBLISHED)}, '${SEP}', count(/html/head/script${ARTICLE_LD}), '${SEP}', count(//script${ARTICLE_LD}))`;
/** Paragraphs 0, step, 2·step… (at most P_SAMPLE) whose normalised text has `min` characters or more. */
const SAMPLE = (step: number, min: number): string =>
  `(((//p)[(position() - 1) mod ${step} = 0])[position() <= ${P_SAMPLE}][string-length(normalize-space()) >= ${min}])`;

function xpathProbe(doc: Document): PageProbe {
  if (typeof doc.evaluate !== 'function') throw new Error('no XPath: use elementProbe'); // (./detect-elements.ts)
  const num = (expr: string): number => doc.evaluate(expr, doc, null, 1 /* NUMBER_TYPE */, null).numberValue;
  const str = (expr: string): string => doc.evaluate(expr, doc, null, 2 /* STRING_TYPE */, null).stringValue;
  return {
    head() {
      const [ogType, published, jsonLd, allJsonLd] = str(HEAD).split(SEP);
      return { ogType, published, jsonLd: Number(jsonLd), allJsonLd: Number(allJsonLd) };
    },
    jsonLd(headOnly) {
      const set = `(${headOnly ? '/html/head/script' : '//script'}${LD})`;
      const out: string[] = [];
      for (let i = 1, n = Math.min(MAX_LD, num(`count${set}`)); i <= n; i++) out.push(str(`substring(string(${set}[${i}]), 1, ${MAX_LD_CHARS})`));
      return out;
    },
    sampleLengths(step, min) {
      const set = SAMPLE(step, min);
      const out: number[] = [];
      for (let i = 1, n = num(`count${set}`); i <= n; i++) out.push(num(`string-length(normalize-space(${set}[${i}]))`));
      return out;
    },
    sampleCount: (step, min) => num(`count${SAMPLE(step, min)}`),
  };
}

/** Article `@type`s in JSON-LD texts, read with a bounded scan (no full JSON parse). */
function jsonLdTypes(texts: string[]): string[] {
  const found: string[] = [];
  for (const raw of texts) {
    for (const m of raw.matchAll(TYPE_RE)) {
      const names = m[1] !== undefined ? [m[1]] : (m[2].match(/"[^"]{1,60}"/g) ?? []).map(x => x.slice(1, -1));
      for (const name of names) {
        const t = name.replace(/^(?:https?:\/\/)?schema\.org\//, '');
        if (isArticleType(t) && !found.includes(t)) found.push(t);
      }
    }
  }
  return found;
}

/**
 * Decides cheaply whether a page may be an article, worth extracting. Stops at the first
 * markup signal unless `full` is set. Reads `<head>` first; the body is touched only for
 * JSON-LD scripts, `<article>`, `itemprop=articleBody` and a sample of `<p>`.
 */
export function quickCheck(doc: Document, opts: QuickCheckOptions = {}): QuickCheck {
  const probe = (opts.probe ?? xpathProbe)(doc);
  const reasons: string[] = [];
  const head = probe.head();
  let types = head.jsonLd ? jsonLdTypes(probe.jsonLd(true)) : [];
  if (head.ogType.trim().toLowerCase() === 'article') reasons.push('Open Graph type is "article"');
  if (head.published.trim()) reasons.push('has an article publication time');
  if (reasons.length && !types.length && !opts.full) return { candidate: true, reasons };
  if (!types.length && head.allJsonLd > head.jsonLd) types = jsonLdTypes(probe.jsonLd(false));
  if (types.length) reasons.unshift(`marked up as a news article (JSON-LD ${types.join(', ')})`);
  if (reasons.length && !opts.full) return { candidate: true, reasons };
  let strong = reasons.length > 0;
  // A selector that matches nothing (the usual case) creates no wrapper either.
  if (doc.querySelector('[itemprop="articleBody"]')) {
    strong = true;
    reasons.push('has microdata for an article body');
  }
  // Counts of elements by tag come from live collections: no element wrapper either, and much
  // faster than XPath's `//p` on a large page.
  const hasArticleEl = doc.getElementsByTagName('article').length > 0;
  if (hasArticleEl) reasons.push('has an <article> element');
  // A sample of the paragraphs, extrapolated to the page.
  const count = doc.getElementsByTagName('p').length;
  const step = Math.max(1, Math.floor(count / P_SAMPLE));
  const scale = count ? count / Math.min(P_SAMPLE, Math.ceil(count / step)) : 0;
  const long = count ? Math.round(probe.sampleCount(step, LONG_P) * scale) : 0;
  const enoughText = long >= 3;
  reasons.push(enoughText ? `about ${long} long paragraphs of text` : `few long paragraphs (${long} of ${count})`);
  let candidate = strong || (enoughText && hasArticleEl) || long >= 4;
  if (!candidate && opts.readerable !== false && count > 0) {
    // Readability's readerable score, Σ √(length − 140), on the same sample: 0 without a sampled
    // paragraph of LONG_P characters (< READERABLE_MIN), so not read again then (a news front
    // page of short teasers: one XPath evaluation over the page fewer, ≈ 0.1 ms in a fresh tab).
    const score = long ? probe.sampleLengths(step, READERABLE_MIN).reduce((sum, n) => sum + Math.sqrt(n - READERABLE_MIN), 0) * scale : 0;
    const readerable = score > READERABLE_SCORE;
    reasons.push(readerable ? 'enough long paragraphs to be readable' : 'not enough long paragraphs to be readable');
    candidate = readerable;
  }
  return { candidate, reasons };
}
