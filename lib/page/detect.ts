/**
 * Cheap article detection, run on every page before anything else: markup signals (JSON-LD,
 * Open Graph, microdata, `<article>`) and a sampled paragraph count, with a readerable score
 * computed on the same sample (Readability's `isProbablyReaderable` formula: Σ √(length − 140)
 * over paragraphs of 140+ characters, > 20) when the markup says nothing. Readability's own
 * check is not used: it runs `querySelectorAll` and `getComputedStyle` over the page, and its
 * code would be parsed on every page the always-on script runs in.
 * Reads the DOM only; never walks every text node.
 */
import { ARTICLE_TYPES } from './json-ld';

/** Outcome of {@link quickCheck}: `reasons` are plain words a reader understands. */
export interface QuickCheck {
  candidate: boolean;
  reasons: string[];
  /** Time the check took, in milliseconds. */
  ms?: number;
}

/** Options of {@link quickCheck}. */
export interface QuickCheckOptions {
  /** Use the sampled readerable score when the markup is silent (default true). */
  readerable?: boolean;
  /** Collect every signal instead of stopping at the first markup signal (for reasons). */
  full?: boolean;
}

const P_SAMPLE = 40;
const LONG_P = 80;
/** Readability's `isProbablyReaderable` defaults: minimum paragraph length and score. */
const READERABLE_MIN = 140;
const READERABLE_SCORE = 20;
const TYPE_RE = /"@type"\s*:\s*(?:"([^"]{1,60})"|\[([^\]]{1,300})\])/g;

/** Article `@type`s in JSON-LD, read with a bounded scan (no full JSON parse). */
function jsonLdTypes(scripts: ArrayLike<Element>): string[] {
  const found: string[] = [];
  for (let i = 0, seen = 0; i < scripts.length && seen < 10; i++) {
    if (!/ld\+json/i.test(scripts[i].getAttribute('type') ?? '')) continue;
    seen++;
    const raw = (scripts[i].textContent ?? '').slice(0, 100_000);
    for (const m of raw.matchAll(TYPE_RE)) {
      const names = m[1] !== undefined ? [m[1]] : (m[2].match(/"[^"]{1,60}"/g) ?? []).map(x => x.slice(1, -1));
      for (const n of names) {
        const t = n.replace(/^(?:https?:\/\/)?schema\.org\//, '');
        if (ARTICLE_TYPES.has(t) && !found.includes(t)) found.push(t);
      }
    }
  }
  return found;
}

/** Open Graph / article meta values, read from `<head>` only (small, and where they belong). */
function headMetas(doc: Document): { ogType: string; published: boolean } {
  let ogType = '';
  let published = false;
  const metas = (doc.head ?? doc).getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const key = (metas[i].getAttribute('property') ?? metas[i].getAttribute('name') ?? '').toLowerCase();
    if (key === 'og:type') ogType = (metas[i].getAttribute('content') ?? '').trim().toLowerCase();
    else if (key === 'article:published_time' && metas[i].getAttribute('content')) published = true;
  }
  return { ogType, published };
}

/**
 * Paragraph count, how many of a sample are long enough to be article text, and the readerable
 * score (Σ √(length − 140)) extrapolated from the sample.
 */
function paragraphStats(doc: Document): { count: number; long: number; sampled: number; score: number } {
  const ps = doc.getElementsByTagName('p');
  const count = ps.length;
  const step = Math.max(1, Math.floor(count / P_SAMPLE));
  let long = 0;
  let sampled = 0;
  let score = 0;
  for (let i = 0; i < count && sampled < P_SAMPLE; i += step) {
    sampled++;
    const length = (ps[i].textContent ?? '').trim().length;
    if (length >= LONG_P) long++;
    if (length >= READERABLE_MIN) score += Math.sqrt(length - READERABLE_MIN);
  }
  const scale = sampled ? count / sampled : 0;
  return { count, long: Math.round(long * scale), sampled, score: score * scale };
}

/**
 * Decides cheaply whether a page may be an article, worth extracting. Stops at the first
 * markup signal unless `full` is set. Reads `<head>` first; the body is touched only for
 * `<article>`, `itemprop=articleBody` and a sample of `<p>`. */
export function quickCheck(doc: Document, opts: QuickCheckOptions = {}): QuickCheck {
  const t0 = performance.now();
  const reasons: string[] = [];
  const head = headMetas(doc);
  let types = doc.head ? jsonLdTypes(doc.head.getElementsByTagName('script')) : [];
  if (head.ogType === 'article') reasons.push('Open Graph type is "article"');
  if (head.published) reasons.push('has an article publication time');
  if (!types.length && (opts.full || !reasons.length)) types = jsonLdTypes(doc.getElementsByTagName('script'));
  if (types.length) reasons.unshift(`marked up as a news article (JSON-LD ${types.join(', ')})`);
  if (reasons.length && !opts.full) return { candidate: true, reasons, ms: performance.now() - t0 };
  let strong = reasons.length > 0;
  if (doc.querySelector('[itemprop="articleBody"]')) {
    strong = true;
    reasons.push('has microdata for an article body');
  }
  const hasArticleEl = doc.getElementsByTagName('article').length > 0;
  if (hasArticleEl) reasons.push('has an <article> element');
  const ps = paragraphStats(doc);
  const enoughText = ps.long >= 3;
  reasons.push(enoughText ? `about ${ps.long} long paragraphs of text` : `few long paragraphs (${ps.long} of ${ps.count})`);
  let candidate = strong || (enoughText && hasArticleEl) || ps.long >= 4;
  if (!candidate && opts.readerable !== false && ps.count > 0) {
    const readerable = ps.score > READERABLE_SCORE;
    reasons.push(readerable ? 'enough long paragraphs to be readable' : 'not enough long paragraphs to be readable');
    candidate = readerable;
  }
  return { candidate, reasons, ms: performance.now() - t0 };
}
