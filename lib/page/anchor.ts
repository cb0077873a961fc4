import type { Span } from '../types';

/**
 * Offsets → live-DOM Ranges. Report offsets are into `ExtractedArticle.text`, built from
 * Readability's clone, not from the live page. We build one whitespace-normalised index of the
 * live page's visible text nodes, then find each span's text in it, choosing among repeated
 * occurrences by the surrounding context (prefix/suffix) and the expected position, as
 * Hypothesis anchors a TextQuoteSelector. No fuzzy matching: a span not found is skipped.
 */

/** Elements whose text is never indexed (and so never highlighted). */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME',
  'OBJECT', 'CANVAS', 'SVG', 'MATH', 'AL-CARD', 'HEAD',
]);
/** Elements that separate blocks of text (a virtual space between them). */
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION',
  'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'MAIN', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR',
  'TD', 'TH', 'DT', 'DD', 'PRE', 'BODY', 'CAPTION', 'ADDRESS', 'DETAILS', 'SUMMARY',
]);
const SPACE = /\s/;
const CONTEXT = 32;

/**
 * Is UTF-16 code unit `c` whitespace (as `/\s/`)? ASCII and NBSP without a RegExp call: the
 * index loop runs once per character of the page, where a RegExp test per character dominated.
 */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 160 || SPACE.test(String.fromCharCode(c));
}

/** Soft hyphen and zero-width characters (dropped from both texts before matching); U+FEFF counts as space first. */
function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
}

/** A normalised text index of the live page. `nodeOf[i]`/`offsetOf[i]` locate `text[i]`. */
export interface TextIndex {
  text: string;
  nodes: Text[];
  nodeOf: Int32Array;
  offsetOf: Int32Array;
}

/** Is `el` excluded from the index (its whole subtree)? */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

function blockOf(node: Node, cache: Map<Element, Element | null>): Element | null {
  const parent = node.parentElement;
  if (!parent) return null;
  const known = cache.get(parent);
  if (known !== undefined) return known;
  let el: Element | null = parent;
  while (el && !BLOCK_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
  cache.set(parent, el);
  return el;
}

/**
 * One pass over the text nodes under `root` (skipping scripts, styles, form fields,
 * contenteditable, `hidden` subtrees and our own UI): whitespace runs become one space, block
 * boundaries a space, invisible characters are dropped.
 */
export function buildTextIndex(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: n => (n.nodeType === 1 && isSkipped(n as Element) ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  const nodes: Text[] = [];
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      nodes.push(n as Text);
      total += (n as Text).data.length + 1;
    } else if ((n as Element).tagName.toUpperCase() === 'BR') {
      nodes.push(doc.createTextNode('\n')); // a virtual node: a line break is a space
      total += 1;
    }
  }
  const nodeOf = new Int32Array(total);
  const offsetOf = new Int32Array(total);
  // Text is collected in runs (slices of a node's data), not one array entry per character.
  const parts: string[] = [];
  let pos = 0;
  const cache = new Map<Element, Element | null>();
  let lastBlock: Element | null = null;
  let lastSpace = true;
  for (let ni = 0; ni < nodes.length; ni++) {
    const node = nodes[ni];
    const block: Element | null = node.parentNode ? blockOf(node, cache) : lastBlock;
    if (block !== lastBlock && !lastSpace) {
      nodeOf[pos] = ni;
      offsetOf[pos] = 0;
      parts.push(' ');
      pos++;
      lastSpace = true;
    }
    lastBlock = block;
    const data = node.data;
    let run = -1; // start of the current run of kept characters
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      const space = isSpace(c);
      if (space || isInvisible(c)) {
        if (run >= 0) parts.push(data.slice(run, i));
        run = -1;
        if (!space || lastSpace) continue;
        lastSpace = true;
        nodeOf[pos] = ni;
        offsetOf[pos] = i;
        parts.push(' ');
        pos++;
      } else {
        if (run < 0) run = i;
        lastSpace = false;
        nodeOf[pos] = ni;
        offsetOf[pos] = i;
        pos++;
      }
    }
    if (run >= 0) parts.push(data.slice(run));
  }
  return { text: parts.join(''), nodes, nodeOf, offsetOf };
}

/** Normalises `text` like the index; `map[i]` is the normalised offset of original offset `i`. */
export function normaliseWithMap(text: string): { norm: string; map: Int32Array } {
  const map = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let pos = 0;
  let run = -1;
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    map[i] = pos;
    const c = text.charCodeAt(i);
    const space = isSpace(c);
    if (space || isInvisible(c)) {
      if (run >= 0) parts.push(text.slice(run, i));
      run = -1;
      if (space && !lastSpace) {
        parts.push(' ');
        pos++;
      }
      if (space) lastSpace = true;
    } else {
      if (run < 0) run = i;
      pos++;
      lastSpace = false;
    }
  }
  if (run >= 0) parts.push(text.slice(run));
  map[text.length] = pos;
  return { norm: parts.join(''), map };
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

/** Where `[ns, ne)` of the normalised article text is in the index text, or null. */
function locate(idx: TextIndex, norm: string, ns: number, ne: number, cache: Map<string, number[]>): [number, number] | null {
  const quote = norm.slice(ns, ne);
  const prefix = norm.slice(Math.max(0, ns - CONTEXT), ns);
  const suffix = norm.slice(ne, ne + CONTEXT);
  const expected = norm.length ? (ns / norm.length) * idx.text.length : 0;
  const best = (positions: number[], len: number): number => {
    let bestPos = -1;
    let bestScore = -Infinity;
    for (const p of positions) {
      const ctx =
        commonSuffix(prefix, idx.text.slice(Math.max(0, p - CONTEXT), p)) +
        commonPrefix(suffix, idx.text.slice(p + len, p + len + CONTEXT));
      const score = ctx + 8 * (1 - Math.abs(p - expected) / Math.max(1, idx.text.length));
      if (score > bestScore) [bestScore, bestPos] = [score, p];
    }
    return bestPos;
  };
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
  const { norm, map } = normaliseWithMap(articleText);
  const cache = new Map<string, number[]>();
  return spans.map(span => {
    if (!(span.start >= 0 && span.end <= articleText.length && span.start < span.end)) return null;
    let ns = map[span.start];
    let ne = map[span.end];
    while (ns < ne && norm[ns] === ' ') ns++;
    while (ne > ns && norm[ne - 1] === ' ') ne--;
    if (ns >= ne) return null;
    const at = locate(idx, norm, ns, ne, cache);
    return at ? toRange(idx, at[0], at[1]) : null;
  });
}

/** A Range over index positions `[from, to)`; null if it would touch a virtual node. */
export function toRange(idx: TextIndex, from: number, to: number): Range | null {
  const startNode = idx.nodes[idx.nodeOf[from]];
  const endNode = idx.nodes[idx.nodeOf[to - 1]];
  if (!startNode.parentNode || !endNode.parentNode) return null;
  const range = (startNode.ownerDocument as Document).createRange();
  range.setStart(startNode, idx.offsetOf[from]);
  range.setEnd(endNode, idx.offsetOf[to - 1] + 1);
  return range;
}
