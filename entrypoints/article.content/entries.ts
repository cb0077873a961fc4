import type { CardItem } from '../../lib/page/hover-card';

/** One highlighted thing on the page: its live Range, its registry group and its card. */
export interface Entry {
  range: Range;
  /** `actor-<type>` or `claim-<kind>` (the highlighter adds the scheme prefix). */
  group: string;
  item: CardItem;
  /** The actor id, for `revealActor`. */
  actorId: string | null;
}

/** Entries in document order (for keyboard navigation); overlapping ones keep actors first. */
export function inDocumentOrder(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => {
    const c = a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
    if (c !== 0) return c;
    return (a.item.kind === 'actor' ? 0 : 1) - (b.item.kind === 'actor' ? 0 : 1);
  });
}

/** The entry under a caret position: the innermost (an actor beats the claim sentence around it). */
export function entryAt(entries: readonly Entry[], node: Node, offset: number): Entry | null {
  let hit: Entry | null = null;
  for (const e of entries) {
    try {
      if (!e.range.isPointInRange(node, offset)) continue;
    } catch {
      continue; // a range whose nodes left the document
    }
    if (!hit || (hit.item.kind === 'claim' && e.item.kind === 'actor')) hit = e;
  }
  return hit;
}
