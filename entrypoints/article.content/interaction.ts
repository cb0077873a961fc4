import type { ContentScriptContext } from '#imports';
import { HoverCard } from '../../lib/page/hover-card';
import { FOCUS_NAME, type Highlighter } from '../../lib/page/highlighter';
import { entryAt, inDocumentOrder, type Entry } from './entries';

/**
 * Cards on hover and on keyboard focus. Pointer moves are throttled (one hit test per
 * `HIT_TEST_MS`); a hit test asks the browser for the caret position under the pointer and checks
 * it against the entries' ranges. `focusNext` (the next/previous-highlight commands) moves a
 * focus highlight through the entries in document order and opens the card with focus in it;
 * Escape closes it.
 */

const HIT_TEST_MS = 60;

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position under a viewport point, or null. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Wires hover and keyboard cards for the current entries. */
export class Interaction {
  readonly card: HoverCard;
  private entries: Entry[] = [];
  private ordered: Entry[] | null = null;
  private focusIndex = -1;
  private lastMove = 0;
  private hovered: Entry | null = null;
  private pending: { x: number; y: number; overCard: boolean } | null = null;
  private trailing: number | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly highlighter: () => Highlighter,
  ) {
    this.card = new HoverCard(document);
    this.card.onClose = () => {
      this.hovered = null;
      this.highlighter().showExtra(FOCUS_NAME, []);
    };
    ctx.addEventListener(document, 'pointermove', e => this.onMove(e), { passive: true });
    ctx.addEventListener(document, 'keydown', e => {
      if (e.key === 'Escape' && this.card.isOpen) this.card.hide();
    });
  }

  /** Replaces the entries (after a (re)analysis or a toggle); closes any card. */
  setEntries(entries: Entry[]): void {
    this.entries = entries;
    this.ordered = null;
    this.focusIndex = -1;
    this.card.hide(false);
  }

  private onMove(e: PointerEvent): void {
    if (!this.entries.length) return;
    this.pending = { x: e.clientX, y: e.clientY, overCard: this.card.contains(e.target) };
    // Throttle with a trailing call, so the last position always gets its hit test.
    if (this.trailing !== undefined) return;
    const wait = Math.max(0, HIT_TEST_MS - (e.timeStamp - this.lastMove));
    this.trailing = this.ctx.setTimeout(() => {
      this.trailing = undefined;
      this.lastMove = performance.now();
      if (this.pending) this.hitTest(this.pending.x, this.pending.y, this.pending.overCard);
    }, wait);
  }

  private hitTest(x: number, y: number, overCard: boolean): void {
    if (overCard) return;
    const caret = caretAt(document, x, y);
    const hit = caret ? entryAt(this.entries, caret.node, caret.offset) : null;
    if (hit === this.hovered) return;
    this.hovered = hit;
    if (!hit) {
      if (this.card.isOpen) this.card.hide(false);
      return;
    }
    this.card.show(hit.item, this.rectNear(hit.range, x, y), false);
    this.hovered = hit; // show() closed the previous card, which reset `hovered`
  }

  /** The client rect of `range` under the pointer (a sentence spans several lines). */
  private rectNear(range: Range, x: number, y: number): DOMRect {
    const rects = Array.from(range.getClientRects());
    return rects.find(r => y >= r.top && y <= r.bottom && x >= r.left - 2 && x <= r.right + 2) ?? range.getBoundingClientRect();
  }

  /** Moves the focus highlight to the next (1) or previous (-1) entry and opens its card. */
  focusNext(direction: 1 | -1): boolean {
    if (!this.entries.length) return false;
    this.ordered ??= inDocumentOrder(this.entries);
    const n = this.ordered.length;
    this.focusIndex = this.focusIndex < 0 ? (direction === 1 ? 0 : n - 1) : (this.focusIndex + direction + n) % n;
    const entry = this.ordered[this.focusIndex];
    this.reveal(entry.range, FOCUS_NAME);
    this.card.show(entry.item, entry.range.getBoundingClientRect(), true);
    const keep = this.focusIndex;
    this.highlighter().showExtra(FOCUS_NAME, [entry.range]);
    this.focusIndex = keep;
    return true;
  }

  /** Scrolls `range` into view (instantly, so the card lands next to it). */
  reveal(range: Range, _name: string): void {
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  /** Removes the card and listeners' effects (listeners go with `ctx`). */
  destroy(): void {
    this.card.onClose = null;
    this.card.hide(false);
    this.entries = [];
    void this.ctx;
  }
}
