/**
 * Plain text from a DOM region, one paragraph per block element, shared by extraction (on
 * Readability's output) and the content script (on a live page region).
 *
 * Invariants: paragraphs are joined by "\n\n"; inside a paragraph all whitespace runs are one
 * space and there is no leading or trailing space; `blocks[i]` covers `text.slice(start, end)`
 * (UTF-16 offsets). The walk is iterative (no recursion), so a DOM 10,000 levels deep is fine,
 * and it only reads the DOM. It can be read in slices ({@link blockTextSteps}, ./steps.ts): a
 * page that changes between two slices gives a text that mixes its states (a node removed
 * meanwhile ends the reading there), as a reading just before or after the change would.
 */
import { drain, STEP, type Steps } from './steps';

/** One paragraph of the text and the block element it came from. */
export interface TextBlock {
  start: number;
  end: number;
  el: Element;
}

/** Result of {@link blockText}. */
export interface BlockText {
  text: string;
  blocks: TextBlock[];
}

/** Options of {@link blockText}. */
export interface BlockTextOptions {
  /**
   * Extra subtrees to leave out (e.g. navigation when reading a whole page). `tag` is `el`'s
   * upper-cased tag name, read once per element for every test (on a long article each read
   * costs about 0.2 µs, a new wrapper's property access).
   */
  skip?: (el: Element, tag: string) => boolean;
}

/** Elements that make a block of text of their own (the text index separates them too: ./anchor.ts). */
export const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'BODY', 'HTML',
]);

/**
 * Never text: code, media, form controls, hidden or editable regions, and our own card's host.
 * The live text index (./anchor.ts) leaves out the same: a span can only be in text read here.
 */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO',
  'AUDIO', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'HEAD', 'TITLE', 'META', 'LINK', 'AL-CARD',
]);

/** Is `el` (upper-cased tag `tag`) left out, with its whole subtree? `extra` may leave out more. */
export function isSkipped(el: Element, extra?: (el: Element, tag: string) => boolean, tag = el.tagName.toUpperCase()): boolean {
  if (SKIP.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return extra ? extra(el, tag) : false;
}

/** Accumulates paragraphs and their offsets. */
class Builder {
  parts: string[] = [];
  blocks: TextBlock[] = [];
  private len = 0;
  private buf = '';
  private bufEl: Element | null = null;

  add(s: string, el: Element): void {
    if (!this.bufEl) this.bufEl = el;
    this.buf += s;
  }

  flush(): void {
    const t = this.buf.replace(/\s+/g, ' ').trim();
    if (t && this.bufEl) {
      if (this.parts.length) this.len += 2;
      this.parts.push(t);
      this.blocks.push({ start: this.len, end: this.len + t.length, el: this.bufEl });
      this.len += t.length;
    }
    this.buf = '';
    this.bufEl = null;
  }
}

/**
 * Builds plain text from `root`, one paragraph per block element (p, h1-h6, li, blockquote, pre,
 * figcaption, td, ...). Text directly inside a container between blocks is its own paragraph;
 * two `<br>` in a row end a paragraph. Scripts, styles, form controls, `hidden`,
 * `aria-hidden="true"` and contenteditable subtrees are left out.
 * @returns the text and, per paragraph, its `[start, end)` offsets and its block element.
 */
export function blockText(root: Element, opts: BlockTextOptions = {}): BlockText {
  return drain(blockTextSteps([root], opts));
}

/**
 * {@link blockText} over several roots in order (e.g. a cluster of `<p>` elements);
 * each root starts a new paragraph.
 */
export function blockTextOf(roots: Element[], opts: BlockTextOptions = {}): BlockText {
  return drain(blockTextSteps(roots, opts));
}

/** {@link blockTextOf} as steps (./steps.ts), to be read in slices. */
export function* blockTextSteps(roots: Element[], opts: BlockTextOptions = {}): Steps<BlockText> {
  const b = new Builder();
  const memo = new Map<Element, boolean>();
  // A root inside a left-out subtree (a <p> of a contenteditable region, a <template>) is left out too.
  for (const root of roots) if (!isSkipped(root) && !insideSkipped(root, memo)) yield* walk(root, b, opts.skip);
  b.flush();
  return { text: b.parts.join('\n\n'), blocks: b.blocks };
}

/**
 * Whether an ancestor of `el` is left out (editable, hidden, form control, template). `memo` maps
 * each ancestor already seen to the answer for it, so many roots cost one climb in all (a page
 * can be 10,000 levels deep).
 */
function insideSkipped(el: Element, memo: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let skipped = false;
  for (let cur = el.parentElement; cur; cur = cur.parentElement) {
    const known = memo.get(cur);
    if (known !== undefined) {
      skipped = known;
      break;
    }
    path.push(cur);
    if (isSkipped(cur)) {
      skipped = true;
      break;
    }
  }
  for (const p of path) memo.set(p, skipped);
  return skipped;
}

function* walk(root: Element, b: Builder, skip?: BlockTextOptions['skip']): Steps<void> {
  const blockStack: Element[] = [root];
  let brRun = 0;
  let steps = 0;
  b.flush();
  let node: Node | null = root.firstChild;
  while (node) {
    if (++steps === STEP) {
      steps = 0;
      yield;
    }
    let descend = false;
    if (node.nodeType === 3 || node.nodeType === 4) {
      const data = (node as CharacterData).data;
      if (/\S/.test(data)) brRun = 0;
      b.add(data, blockStack[blockStack.length - 1]);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (tag === 'BR') {
        brRun++;
        if (brRun >= 2) b.flush();
        else b.add(' ', blockStack[blockStack.length - 1]);
      } else if (!isSkipped(el, skip, tag)) {
        if (BLOCK.has(tag)) {
          b.flush();
          blockStack.push(el);
        }
        descend = el.firstChild !== null;
        if (!descend && BLOCK.has(tag)) blockStack.pop();
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing blocks on the way up.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && blockStack[blockStack.length - 1] === node) {
        b.flush();
        blockStack.pop();
      }
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
}

/**
 * All the text under `root` but scripts' and style sheets' (a page's inline JSON can be most of
 * its `textContent`), joined as `textContent` joins it: a superset of any text an extraction
 * reads there, for the detector's cheap necessary tests. One pass over the text nodes.
 */
export function textOutsideCode(root: Element): string {
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentNode as Element | null;
    const name = parent?.localName;
    if (name !== 'script' && name !== 'style') parts.push((n as Text).data);
  }
  return parts.join('');
}
