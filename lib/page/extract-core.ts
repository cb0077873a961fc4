/**
 * Article extraction on any `Document` (browser, linkedom, jsdom): metadata, main text and
 * whether the page is an article at all. Never mutates the given document: Readability runs on
 * a clone, everything else only reads.
 *
 * This module does not import Readability (35 KB minified): callers pass it in
 * (`ExtractOptions.readability`). The content scripts read the container alone
 * ({@link extractContainerTextInSlices}), which never needs it; the article script gets it from a
 * separately injected script only on pages without a clear article container; `./extract.ts`
 * binds it for the CLI and tests. The live container is read in slices in the browser (a huge one
 * would otherwise be one long task) and at once elsewhere: one reading, as steps (./steps.ts).
 */
import type { ExtractedArticle, SourceInfo } from '../types';
import { blockText, blockTextSteps, type BlockText } from './block-text';
import { quickCheck, type QuickCheck, type QuickCheckOptions } from './detect';
import { paragraphCluster, pageText } from './fallback-text';
import { headlineTest, norm, readMetadata } from './metadata';
import { drain, drainInSlices, type Steps } from './steps';

/** The part of Readability's class extraction uses (`@mozilla/readability`'s `Readability`). */
export type ReadabilityClass = new (
  doc: Document,
  options: { serializer: (el: Element) => Element; maxElemsToParse: number },
) => { parse(): { content: Element | string | null | undefined } | null };

/** Options of {@link extractArticle}. */
export interface ExtractOptions {
  /** The page's address, when known (wins over `<link rel=canonical>`). */
  url?: string | null;
  /** Readability, for pages without a clear article container; without it the fallbacks decide. */
  readability?: ReadabilityClass | null;
  /** How `quickCheck` reads the page (see there): the element reader for DOMs without XPath. */
  probe?: QuickCheckOptions['probe'];
  /** A `quickCheck` of this page already made (the detector's): its reasons are used as they are. */
  quick?: QuickCheck;
}

/** Readability is skipped above these (its cost grows with depth × nodes; real pages stay < 60 deep). */
export const MAX_READABILITY_DEPTH = 120;
/** See {@link MAX_READABILITY_DEPTH}; Readability's own `maxElemsToParse`. */
export const MAX_READABILITY_ELEMENTS = 40_000;
/** Below this many characters Readability's text is compared with the paragraph cluster. */
const SHORT_TEXT = 500;
/** Words (CJK characters count one each) that make a paragraph running text. */
const LONG_PARAGRAPH = 14;

type TextSource = 'container' | 'readability' | 'paragraphs' | 'page';
type Chosen = { bt: BlockText; source: TextSource; region?: Element };
/** Who found the text, for the detection reasons ("… has 5 paragraphs of article text"). */
const FOUND_BY: Partial<Record<TextSource, string>> = {
  container: 'the article container has',
  readability: 'Readability finds',
  paragraphs: 'the largest block of paragraphs has',
};

/**
 * A clear article container in the live page: microdata for the body, else an `<article>`, else
 * (a page with neither) the element that holds nearly all its running text.
 */
function articleContainer(doc: Document): Element | null {
  const body = doc.querySelector('[itemprop="articleBody"]');
  if (body) return body;
  const articles = doc.getElementsByTagName('article');
  let best: Element | null = null;
  let most = 0;
  for (let i = 0; i < articles.length && i < 50; i++) {
    const n = articles[i].getElementsByTagName('p').length;
    if (n > most) [best, most] = [articles[i], n];
  }
  return best;
}

/** A `<p>` of this many characters or more is running text, for {@link paragraphContainer}. */
const RUNNING_P = 80;
/** The share of the page's running text that {@link paragraphContainer}'s element must hold. */
const CONTAINER_SHARE = 0.8;
/** How far above its paragraphs {@link paragraphContainer} looks for it. */
const CONTAINER_LEVELS = 4;
/** At most this many `<p>`s are read (a hostile page can have a million). */
const MAX_PARAGRAPHS = 5000;

/**
 * Pages without `<article>` or microdata (half the real candidates: `<div class="story-body">`,
 * `entry-content`, a CMS's grid): the smallest element, below `<body>` and at most
 * {@link CONTAINER_LEVELS} levels above them, that holds 80% or more of the page's running text,
 * counted as the `<p>`s of {@link RUNNING_P}+ characters outside page chrome. Over the 110
 * candidates among Readability's 130 test pages, the text read from such an element agreed with
 * Readability's on all but a few (word overlap ≥ 0.9 both ways), for a fraction of its cost; when
 * the text is spread more widely, there is no such element and Readability decides.
 */
function paragraphContainer(doc: Document): Element | null {
  // Is an element page chrome or inside some? Memoised per element; the climb stops at `<body>`
  // (whose classes often name the site's ads) and after 100 levels (a hostile page can be 10,000
  // deep; its paragraphs then count as running text).
  const chrome = new Map<Element, boolean>();
  const inChrome = (el: Element | null, depth = 0): boolean => {
    if (!el || el === doc.body || depth > 100) return false;
    let known = chrome.get(el);
    if (known === undefined) chrome.set(el, (known = isChrome(el) || inChrome(el.parentElement, depth + 1)));
    return known;
  };
  const held = new Map<Element, number>();
  const ps = doc.getElementsByTagName('p');
  let total = 0;
  for (let i = 0; i < ps.length && i < MAX_PARAGRAPHS; i++) {
    // Spaces are not collapsed (a copy of every paragraph's text): they weigh alike everywhere.
    const len = (ps[i].textContent ?? '').trim().length;
    if (len < RUNNING_P || inChrome(ps[i])) continue;
    total += len;
    let up = ps[i].parentElement;
    for (let level = 0; up && level < CONTAINER_LEVELS; level++, up = up.parentElement) held.set(up, (held.get(up) ?? 0) + len);
  }
  let best: Element | null = null;
  // The elements that hold 80% are nested (two apart would hold more than all): the innermost wins.
  for (const [el, n] of held) if (n >= CONTAINER_SHARE * total && el !== doc.body && el.parentElement && (!best || best.contains(el))) best = el;
  return best;
}

/** Page chrome that sits inside article containers: navigation, asides, share and related boxes. */
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'DIALOG']);
const CHROME_ROLES = /^(?:navigation|complementary|contentinfo|search|dialog|banner)$/i;
const CHROME_NAMES = /(?:^|[\s_-])(?:share|sharing|social|related|recommended|newsletter|promo|advert|ad|ads|comments?|subscribe|breadcrumbs?|tags|most-read|popular|paywall)(?:$|[\s_-])/i;

/** Bylines, as Readability finds them (it leaves them out of the article's content too). */
const BYLINE_NAMES = /byline|author|dateline|writtenby|p-author/i;

function isChrome(el: Element, tag = el.tagName.toUpperCase()): boolean {
  if (CHROME_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.test(role)) return true;
  if (el.getAttribute('rel') === 'author' || /author/i.test(el.getAttribute('itemprop') ?? '')) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return names.length > 1 && (CHROME_NAMES.test(names) || BYLINE_NAMES.test(names));
}

type LiveText = { bt: BlockText; region: Element } | null;

/**
 * The cheap path: the live page's article container read directly (no clone, no Readability),
 * minus the chrome inside it. Null when there is no clear container or it holds too little
 * running text; then Readability decides. As steps (./steps.ts): the detector reads a huge
 * container in slices.
 */
function* containerTextSteps(doc: Document): Steps<LiveText> {
  const marked = articleContainer(doc);
  const read = function* (region: Element | null): Steps<LiveText> {
    if (!region) return null;
    const bt = yield* blockTextSteps([region], { skip: isChrome });
    return bt.text.length < SHORT_TEXT || longParagraphs(bt) < 3 ? null : { bt, region };
  };
  const first = yield* read(marked);
  if (first) return first;
  const cluster = paragraphContainer(doc);
  return cluster && cluster !== marked ? yield* read(cluster) : null;
}

/** Depth and element count, walked iteratively, stopping early past the limits. */
function domSize(doc: Document): { depth: number; elements: number } {
  let depth = 0;
  let max = 0;
  let elements = 0;
  let el: Element | null = doc.documentElement;
  while (el) {
    elements++;
    if (depth > max) max = depth;
    if (max > MAX_READABILITY_DEPTH || elements > MAX_READABILITY_ELEMENTS) break;
    if (el.firstElementChild) {
      el = el.firstElementChild;
      depth++;
      continue;
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el ? el.nextElementSibling : null;
  }
  return { depth: max, elements };
}

/**
 * Removes contenteditable regions from Readability's clone: what a reader types is never article
 * text, and Readability drops the attribute when it rewrites `<div>`s into `<p>`s, so
 * {@link blockText} could not skip them afterwards. (Form controls Readability removes itself.)
 */
function removeEditable(clone: Document): void {
  for (const el of Array.from(clone.querySelectorAll('[contenteditable]'))) {
    if ((el.getAttribute('contenteditable') ?? '').toLowerCase() !== 'false') el.remove();
  }
}

/** Readability on a clone; null when it throws (deep DOMs, odd prototypes) or finds nothing. */
function readabilityText(doc: Document, notes: string[], Readability: ReadabilityClass | null | undefined): BlockText | null {
  if (!Readability) return null;
  const size = domSize(doc);
  if (size.depth > MAX_READABILITY_DEPTH || size.elements > MAX_READABILITY_ELEMENTS) {
    notes.push(`page too ${size.depth > MAX_READABILITY_DEPTH ? 'deeply nested' : 'large'} for Readability`);
    return null;
  }
  try {
    const clone = doc.cloneNode(true) as Document;
    removeEditable(clone);
    const reader = new Readability(clone, { serializer: el => el, maxElemsToParse: MAX_READABILITY_ELEMENTS });
    const content = reader.parse()?.content;
    return content && typeof content === 'object' ? blockText(content) : null;
  } catch {
    notes.push('Readability failed on this page');
    return null;
  }
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
/**
 * A date with its year, as a line above a story writes it: "March 18, 2025", "18 Mar. 2025",
 * "Updated 2025-03-18 10:32". Not `parseDate` (./dates.ts), which validates the day against the
 * calendar for the metadata: the always-on detector reads leads too, and carries no date parser.
 */
const DATE = new RegExp(`\\b(?:${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? |\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH},? )(?:19|20)\\d\\d\\b|\\b(?:19|20)\\d\\d[-/.]\\d{1,2}[-/.]\\d{1,2}\\b`, 'i');

/**
 * Drops leading blocks that are not article text: the headline as a heading (it is in
 * `source.title`; `isHeadline` tells it), and short date-only or byline-only lines. A `<p>` that
 * repeats the headline is kept: then the article body itself starts with it.
 */
function trimLead(bt: BlockText, isHeadline: (text: string) => boolean): BlockText {
  let k = 0;
  for (; k < bt.blocks.length && k < 4; k++) {
    const b = bt.blocks[k];
    const s = bt.text.slice(b.start, b.end);
    const heading = /^H[1-6]$/i.test(b.el.tagName);
    if (heading && isHeadline(s)) continue;
    if (s.length < 60 && DATE.test(s) && !/[.!?]$/.test(s)) continue;
    if (s.length < 60 && /^by\s/i.test(s) && !/[.!?]$/.test(s)) continue;
    // A section label above the headline ("World"): a short line that is one link.
    if (s.length < 40 && !/[.!?]$/.test(s) && b.el.children.length === 1 && b.el.firstElementChild?.tagName === 'A' && norm(b.el.textContent ?? '') === norm(s)) continue;
    break;
  }
  if (k === 0) return bt;
  if (k >= bt.blocks.length) return { text: '', blocks: [] };
  const shift = bt.blocks[k].start;
  return { text: bt.text.slice(shift), blocks: bt.blocks.slice(k).map(b => ({ start: b.start - shift, end: b.end - shift, el: b.el })) };
}

function longParagraphs(bt: BlockText): number {
  return bt.blocks.filter(b => b.end - b.start >= 20 && !/^(?:H[1-6]|LI|TD|TH)$/i.test(b.el.tagName) && hasWords(bt.text.slice(b.start, b.end), LONG_PARAGRAPH)).length;
}

/**
 * Picks the best text: the live article container's when it is clear and long enough, else
 * Readability's unless it is missing or short and a fallback has more.
 */
function chooseText(doc: Document, notes: string[], readability: ReadabilityClass | null | undefined): Chosen {
  const live = drain(containerTextSteps(doc));
  if (live) return { bt: live.bt, source: 'container', region: live.region };
  const rd = readabilityText(doc, notes, readability);
  if (rd && rd.text.length >= SHORT_TEXT) return { bt: rd, source: 'readability' };
  // Readability kept only short lines (link lists, menus): the page minus its chrome is better.
  if (rd && longParagraphs(rd) === 0) {
    const page = pageText(doc);
    if (page.text) return { bt: page, source: 'page' };
  }
  let best: { bt: BlockText; source: TextSource } = rd ? { bt: rd, source: 'readability' } : { bt: { text: '', blocks: [] }, source: 'readability' };
  const cluster = paragraphCluster(doc);
  if (cluster && cluster.text.length > best.bt.text.length) best = { bt: cluster, source: 'paragraphs' };
  if (best.bt.text.length < 200) {
    const page = pageText(doc);
    if (page.text.length > best.bt.text.length) best = { bt: page, source: 'page' };
  }
  return best;
}

/**
 * The UTF-16 blocks that hold every Han, kana and Hangul character (surrogates for those beyond
 * U+FFFF): a text without any needs no count of them.
 */
export const MAYBE_CJK = /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\udbff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Words for the detection thresholds; each Han, kana or Hangul character counts as one. The
 * Unicode-script pattern (≈ 0.4 ms to compile on its first use in a page) runs only on texts
 * that may hold such characters.
 */
function countWords(text: string): number {
  const spaced = text.split(/\s+/).filter(Boolean).length;
  const cjk = MAYBE_CJK.test(text) ? (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0) : 0;
  return spaced + cjk;
}

/**
 * Does `text` have `n` words or more, as {@link countWords} counts them? Reads only as far as the
 * n-th word separated by spaces (a paragraph's first line), not the whole paragraph.
 */
function hasWords(text: string, n: number): boolean {
  const word = /\S+/g;
  for (let k = 0; k < n; k++) if (!word.exec(text)) return countWords(text) >= n;
  return true;
}

const EN_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'was', 'with', 'said', 'by', 'as', 'it', 'has', 'have']);

/** Cheap guess for pages that do not state a language: English if its function words abound. */
function guessLanguage(text: string): string | null {
  const words = text.slice(0, 3000).toLowerCase().split(/[^a-z]+/).filter(Boolean);
  if (words.length < 30) return null;
  const hits = words.filter(w => EN_WORDS.has(w)).length;
  return hits / words.length >= 0.15 ? 'en' : null;
}

/**
 * Extracts an article from a document: metadata, main text (one paragraph per block,
 * "\n\n" between paragraphs, headline not repeated) and whether the page is an article at all.
 * Readability runs on `doc.cloneNode(true)`; when it fails or finds little, the largest
 * cluster of `<p>` elements (or the page text minus navigation) is used. Never throws on odd
 * pages, never mutates `doc`.
 */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): ExtractedArticle {
  return extractWithRegion(doc, opts).article;
}

/**
 * {@link extractArticle}, plus the live element the text was read from when it came from the
 * page's article container (then the text's blocks are that element's, and anchoring need only
 * index it); null when it came from Readability's clone or a fallback.
 */
export function extractWithRegion(doc: Document, opts: ExtractOptions = {}): { article: ExtractedArticle; region: Element | null } {
  const notes: string[] = [];
  return finish(doc, opts, chooseText(doc, notes, opts.readability), notes);
}

/**
 * The cheap path alone: the page's clear article container read in place (no clone, no
 * Readability), as {@link extractWithRegion} would read it; null when the page has no clear
 * container with enough running text. (The browser reads it in slices:
 * {@link extractContainerTextInSlices}, then {@link completeSource}.)
 */
export function extractFromContainer(doc: Document, opts: ExtractOptions = {}): { article: ExtractedArticle; region: Element } | null {
  const live = drain(containerTextSteps(doc));
  if (!live) return null;
  const { article } = finish(doc, opts, { bt: live.bt, source: 'container', region: live.region }, []);
  return { article, region: live.region };
}

/** {@link extractContainerText}'s result: the text to analyse now, the source to complete later. */
export interface ContainerText {
  /** The article as {@link extractFromContainer} reads it, but its source has only the URL. */
  article: ExtractedArticle;
  region: Element;
  /** The container's text before the lead was trimmed (for the dateline in {@link completeSource}). */
  rawText: string;
}

/**
 * {@link extractFromContainer} without the metadata that only the cross-references need (site,
 * date, language): the detector's reading, on the critical path to the first highlights. The
 * text and verdict are the same; {@link completeSource} adds the rest.
 */
export function extractContainerText(doc: Document, opts: ExtractOptions = {}): ContainerText | null {
  return containerTextOf(doc, opts, drain(containerTextSteps(doc)));
}

/**
 * {@link extractContainerText} read in slices of `sliceMs` that yield to the page: a huge
 * container (a long Wikipedia article, 9,900 elements: ≈ 25 ms of reading in a new isolated
 * world) is not read in one long task. The page may change between two slices (./block-text.ts).
 */
export async function extractContainerTextInSlices(doc: Document, opts: ExtractOptions, sliceMs: number): Promise<ContainerText | null> {
  return containerTextOf(doc, opts, await drainInSlices(containerTextSteps(doc), sliceMs));
}

function containerTextOf(doc: Document, opts: ExtractOptions, live: LiveText): ContainerText | null {
  if (!live) return null;
  const { article } = finishText(doc, opts, { bt: live.bt, source: 'container', region: live.region }, []);
  return { article, region: live.region, rawText: live.bt.text };
}

/** The article of {@link extractContainerText} with its whole source, as {@link extractFromContainer} gives it. */
export function completeSource(doc: Document, early: Pick<ContainerText, 'article' | 'rawText'>): ExtractedArticle {
  const { article, rawText } = early;
  return { ...article, source: withLanguage(readMetadata(doc, article.source.url, rawText), article.text) };
}

function finish(doc: Document, opts: ExtractOptions, chosen: Chosen, notes: string[]): { article: ExtractedArticle; region: Element | null } {
  // The dateline search reads the untrimmed text: a date line at the top is a dateline.
  const meta = readMetadata(doc, opts.url, chosen.bt.text);
  const out = finishText(doc, opts, chosen, notes);
  out.article.source = withLanguage(meta, out.article.text);
  return out;
}

/** `source` with a guessed language when the page states none. */
function withLanguage(source: SourceInfo, text: string): SourceInfo {
  if (!source.language) source.language = guessLanguage(text);
  return source;
}

/** Text and verdict without the metadata: the source has the given URL only. */
function finishText(doc: Document, opts: ExtractOptions, chosen: Chosen, notes: string[]): { article: ExtractedArticle; region: Element | null } {
  const quick = opts.quick ?? quickCheck(doc, { readerable: false, full: true, probe: opts.probe });
  const { bt: raw, source: textSource, region } = chosen;
  const bt = trimLead(raw, headlineTest(doc));
  const source: SourceInfo = { url: opts.url ?? null, title: null, site: null, published: null, language: null };
  const paras = longParagraphs(bt);
  const words = countWords(bt.text);
  const reasons = quick.reasons.filter(r => !r.includes('paragraphs'));
  const strong = quick.candidate;
  const by = FOUND_BY[textSource];
  if (by) reasons.push(`${by} ${paras} paragraph${paras === 1 ? '' : 's'} of ${textSource === 'paragraphs' ? '' : 'article '}text (${words} words)`);
  // Markup vouches for a short article; without it, a few paragraphs of running text
  // (not link lists or table cells) found by Readability or the paragraph cluster.
  const detected = (strong && paras >= 1 && words >= 50) || (textSource !== 'page' && paras >= 3 && words >= 80) || (textSource !== 'page' && paras >= 2 && words >= 120) || (paras >= 6 && words >= 300);
  if (!detected) {
    const short = bt.blocks.length - paras;
    reasons.push(`no article structure: ${paras} paragraph${paras === 1 ? '' : 's'} of running text, ${short} short ${short === 1 ? 'line' : 'lines'} (${words} words)`);
  }
  return { article: { source, detected, detectReasons: [...reasons, ...notes], text: bt.text }, region: region ?? null };
}
