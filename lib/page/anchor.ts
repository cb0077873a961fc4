import type { Span } from '../types';
// Blocks are separated (a virtual space between them) where the extracted text separates them,
// and the text extraction leaves out (code, form controls, hidden regions) is not indexed either.
import { BLOCK, isSkipped } from './block-text';
import { drain, STEP, type Steps } from './steps';

/**
 * Offsets → live-DOM Ranges. Report offsets are into `ExtractedArticle.text`, built from
 * Readability's clone, not from the live page. We build one whitespace-normalised index of the
 * live page's visible text nodes, then find each span's text in it, choosing among repeated
 * occurrences by the surrounding context (prefix/suffix) and the expected position, as
 * Hypothesis anchors a TextQuoteSelector. No fuzzy matching: a span not found is skipped.
 */

const CONTEXT = 32;
/**
 * A run of characters the normalised texts drop or collapse: whitespace (one space if the text
 * so far does not end in one) and soft hyphens / zero-width characters (dropped). U+FEFF is
 * whitespace for `\s`, as before. A lone U+0020 between two other characters (or at the end)
 * is not a run: it stays as it is, and most gaps in running text are such spaces. So the
 * JavaScript below does work per paragraph break or odd run, not per word or character: content
 * script code runs cold on every page, where per-word loops were the anchoring's main cost.
 * (A run at the start is always one: nothing precedes it, so a space there is dropped.)
 */
const GAP = /^[\s\u00AD\u200B-\u200D\u2060]+|(?! (?![\s\u00AD\u200B-\u200D\u2060]))[\s\u00AD\u200B-\u200D\u2060]+/g;
const WHITESPACE = /\s/;

/**
 * A normalised text index of the live page, stored as pieces: piece `k` starts at index position
 * `pieceAt[k]` and covers consecutive characters of `nodes[pieceNode[k]]` from `pieceOffset[k]`
 * (a collapsed space is a piece of one character). Use {@link positionOf} to map a position back.
 */
export interface TextIndex {
  text: string;
  nodes: Text[];
  pieceAt: number[];
  pieceNode: number[];
  pieceOffset: number[];
}

/** The node (index into `idx.nodes`) and offset of index position `pos` (0 ≤ pos < text.length). */
export function positionOf(idx: TextIndex, pos: number): [number, number] {
  let lo = 0;
  let hi = idx.pieceAt.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (idx.pieceAt[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return [idx.pieceNode[lo], idx.pieceOffset[lo] + (pos - idx.pieceAt[lo])];
}

function blockOf(node: Node, cache: Map<Element, Element | null>): Element | null {
  const parent = node.parentElement;
  if (!parent) return null;
  const known = cache.get(parent);
  if (known !== undefined) return known;
  let el: Element | null = parent;
  while (el && !BLOCK.has(el.tagName.toUpperCase())) el = el.parentElement;
  cache.set(parent, el);
  return el;
}

/**
 * One pass over the text nodes under `root` (skipping what the text extraction skips: scripts,
 * styles, form fields, hidden or editable subtrees, our own UI): whitespace runs become one space,
 * block boundaries a space, invisible characters are dropped.
 */
export function buildTextIndex(root: Node): TextIndex {
  return drain(textIndexSteps(root));
}

/**
 * {@link buildTextIndex} as steps (./steps.ts), to be built in slices. A page that changes
 * between two slices gives an index that mixes its states; anchoring never makes a Range past a
 * node's end ({@link toRange}), and the callers watch the text for changes (./anchor-ahead.ts).
 */
export function* textIndexSteps(root: Node): Steps<TextIndex> {
  const doc = root.ownerDocument ?? (root as Document);
  // No `acceptNode` filter: the browser calling into JavaScript for every node cost more than the
  // walk itself (a long Wikipedia article in a new isolated world: 27 ms with it, 10 ms without).
  // A skipped element's subtree is stepped over here, as a filter's REJECT would.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  const nodes: Text[] = [];
  let steps = 0;
  let n = walker.nextNode();
  while (n) {
    if (++steps === STEP) {
      steps = 0;
      yield;
    }
    if (n.nodeType === 3) nodes.push(n as Text);
    else {
      const tag = (n as Element).tagName.toUpperCase();
      if (isSkipped(n as Element, undefined, tag)) {
        n = walker.nextSibling();
        while (!n && walker.parentNode()) n = walker.nextSibling();
        continue;
      }
      if (tag === 'BR') nodes.push(doc.createTextNode('\n')); // a virtual node: a line break is a space
    }
    n = walker.nextNode();
  }
  const idx: TextIndex = { text: '', nodes, pieceAt: [], pieceNode: [], pieceOffset: [] };
  const piece = (at: number, node: number, offset: number): void => {
    idx.pieceAt.push(at);
    idx.pieceNode.push(node);
    idx.pieceOffset.push(offset);
  };
  const parts: string[] = [];
  let pos = 0;
  const cache = new Map<Element, Element | null>();
  let lastBlock: Element | null = null;
  let lastSpace = true;
  for (let ni = 0; ni < nodes.length; ni++) {
    if (++steps === STEP) {
      steps = 0;
      yield;
    }
    const node = nodes[ni];
    const block: Element | null = node.parentNode ? blockOf(node, cache) : lastBlock;
    if (block !== lastBlock && !lastSpace) {
      piece(pos++, ni, 0);
      parts.push(' ');
      lastSpace = true;
    }
    lastBlock = block;
    const data = node.data;
    let kept = 0; // start of the characters kept since the last gap
    GAP.lastIndex = 0;
    for (let m = GAP.exec(data); ; m = GAP.exec(data)) {
      const end = m ? m.index : data.length;
      if (end > kept) {
        piece(pos, ni, kept);
        parts.push(data.slice(kept, end));
        pos += end - kept;
        lastSpace = data.charCodeAt(end - 1) === 32; // a lone space at the end of the node
      }
      if (!m) break;
      const ws = m[0].search(WHITESPACE);
      if (ws >= 0 && !lastSpace) {
        piece(pos++, ni, m.index + ws);
        parts.push(' ');
        lastSpace = true;
      }
      kept = m.index + m[0].length;
    }
  }
  idx.text = parts.join('');
  return idx;
}

/** The article text normalised like the index; `at(i)` is the normalised offset of original offset `i`. */
function normalised(text: string): { norm: string; at: (i: number) => number } {
  // Per gap: where it starts and ends, the normalised offset at its start, and where its space is.
  const starts: number[] = [];
  const ends: number[] = [];
  const bases: number[] = [];
  const spaceAt: number[] = [];
  const parts: string[] = [];
  let pos = 0;
  let kept = 0;
  let lastSpace = true;
  GAP.lastIndex = 0;
  for (let m = GAP.exec(text); ; m = GAP.exec(text)) {
    const end = m ? m.index : text.length;
    if (end > kept) {
      parts.push(text.slice(kept, end));
      pos += end - kept;
      lastSpace = text.charCodeAt(end - 1) === 32;
    }
    if (!m) break;
    const ws = m[0].search(WHITESPACE);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    bases.push(pos);
    if (ws >= 0 && !lastSpace) {
      spaceAt.push(m.index + ws);
      parts.push(' ');
      pos++;
      lastSpace = true;
    } else spaceAt.push(-1);
    kept = m.index + m[0].length;
  }
  const at = (i: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || starts[0] > i) return i; // before the first gap nothing was dropped
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    const pushed = spaceAt[lo] >= 0 ? 1 : 0;
    if (i < ends[lo]) return bases[lo] + (pushed && i > spaceAt[lo] ? 1 : 0);
    return bases[lo] + pushed + (i - ends[lo]);
  };
  return { norm: parts.join(''), at };
}

/** Normalises `text` like the index; `map[i]` is the normalised offset of original offset `i`. */
export function normaliseWithMap(text: string): { norm: string; map: Int32Array } {
  const { norm, at } = normalised(text);
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = at(i);
  return { norm, map };
}

function occurrences(hay: string, needle: string, cache: Map<string, number[]>): number[] {
  let found = cache.get(needle);
  if (found) return found;
  found = [];
  for (let at = hay.indexOf(needle); at !== -1 && found.length < 5000; at = hay.indexOf(needle, at + 1)) found.push(at);
  cache.set(needle, found);
  return found;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Of `positions` (ascending) where a quote of length `len` occurs in `text`, the one whose
 * surroundings match the quote's `prefix` and `suffix` best, closeness to `expected` adding up to
 * 8 (of `2 · CONTEXT` for the context); the lowest position wins a tie. -1 if there is none.
 * Positions are tried nearest `expected` first, and the search stops at the first whose whole
 * context matches: no position farther away can score more. A name that occurs often (a state
 * named forty times) is then found in a few steps, not forty, for each of its mentions.
 */
export function bestPosition(text: string, positions: readonly number[], len: number, prefix: string, suffix: string, expected: number): number {
  const full = prefix.length + suffix.length;
  const scale = Math.max(1, text.length);
  let bestPos = -1;
  let bestScore = -Infinity;
  // `left` walks down from the last position below `expected`, `right` up from the first at or above it.
  let right = 0;
  for (let hi = positions.length; right < hi; ) {
    const mid = (right + hi) >> 1;
    if (positions[mid] < expected) right = mid + 1;
    else hi = mid;
  }
  let left = right - 1;
  while (left >= 0 || right < positions.length) {
    // The nearer side next (the lower on equal distance). Of equal scores the lowest position is
    // kept, as a scan of every position in order keeps the first.
    const takeLeft = right >= positions.length || (left >= 0 && expected - positions[left] <= positions[right] - expected);
    const p = takeLeft ? positions[left--] : positions[right++];
    const ctx = commonSuffix(prefix, text.slice(Math.max(0, p - CONTEXT), p)) + commonPrefix(suffix, text.slice(p + len, p + len + CONTEXT));
    const score = ctx + 8 * (1 - Math.abs(p - expected) / scale);
    if (score > bestScore || (score === bestScore && p < bestPos)) [bestScore, bestPos] = [score, p];
    if (ctx === full) break;
  }
  return bestPos;
}

/** Where `[ns, ne)` of the normalised article text is in the index text, or null. */
function locate(idx: TextIndex, norm: string, ns: number, ne: number, cache: Map<string, number[]>): [number, number] | null {
  const quote = norm.slice(ns, ne);
  const prefix = norm.slice(Math.max(0, ns - CONTEXT), ns);
  const suffix = norm.slice(ne, ne + CONTEXT);
  const expected = norm.length ? (ns / norm.length) * idx.text.length : 0;
  const best = (positions: number[], len: number): number => bestPosition(idx.text, positions, len, prefix, suffix, expected);
  const exact = best(occurrences(idx.text, quote, cache), quote.length);
  if (exact >= 0) return [exact, exact + quote.length];
  // A long span (a claim sentence) whose middle differs on the page (an inline link's text, a
  // footnote marker): anchor its head and its tail, if the tail follows the head closely.
  if (quote.length < 2 * CONTEXT) return null;
  const head = quote.slice(0, CONTEXT);
  const tail = quote.slice(-CONTEXT);
  const start = best(occurrences(idx.text, head, cache), head.length);
  if (start < 0) return null;
  const end = idx.text.indexOf(tail, start + head.length);
  if (end < 0 || end + tail.length - start > quote.length * 1.5) return null;
  return [start, end + tail.length];
}

/**
 * Anchors each span of `articleText` (offsets into `ExtractedArticle.text`) to a live Range in
 * the index's document. The result has one entry per span, null where the text was not found.
 */
export function anchorSpans(idx: TextIndex, articleText: string, spans: readonly Span[]): (Range | null)[] {
  return spans.map(anchorer(idx, articleText));
}

/** Turns a span of the article text into a live Range (null where its text is not found). */
export type Anchor = (span: Span) => Range | null;

/**
 * The per-span step of {@link anchorSpans}, for callers that anchor in slices (yielding to the
 * page between them): normalises `articleText` once; each call anchors one span or returns null.
 */
export function anchorer(idx: TextIndex, articleText: string): Anchor {
  const { norm, at: map } = normalised(articleText);
  const cache = new Map<string, number[]>();
  return span => {
    if (!(span.start >= 0 && span.end <= articleText.length && span.start < span.end)) return null;
    let ns = map(span.start);
    let ne = map(span.end);
    while (ns < ne && norm[ns] === ' ') ns++;
    while (ne > ns && norm[ne - 1] === ' ') ne--;
    if (ns >= ne) return null;
    const at = locate(idx, norm, ns, ne, cache);
    return at ? toRange(idx, at[0], at[1]) : null;
  };
}

/** A Range over index positions `[from, to)`; null if it would touch a virtual node. */
export function toRange(idx: TextIndex, from: number, to: number): Range | null {
  const [sn, so] = positionOf(idx, from);
  const [en, eo] = positionOf(idx, to - 1);
  const startNode = idx.nodes[sn];
  const endNode = idx.nodes[en];
  if (!startNode.parentNode || !endNode.parentNode) return null;
  // The page may have changed a node's text since the index was built: never a Range past its end.
  if (so > startNode.length || eo + 1 > endNode.length) return null;
  const range = (startNode.ownerDocument as Document).createRange();
  range.setStart(startNode, so);
  range.setEnd(endNode, eo + 1);
  return range;
}
