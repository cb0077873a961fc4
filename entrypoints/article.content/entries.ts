import type { ActorType, Span } from '../../lib/types';
import type { PageReport, Settings } from '../../lib/messaging/protocol';
import type { CardItem } from '../../lib/page/hover-card';
import type { HighlightGroups } from '../../lib/page/highlighter';

/** One highlighted thing on the page: its live Range, its registry group and its card. */
export interface Entry {
  range: Range;
  /** `actor-<type>` or `claim-<kind>` (the highlighter adds the scheme prefix). */
  group: string;
  item: CardItem;
  /** The actor id, for `revealActor`. */
  actorId: string | null;
}

/** A span of the report with what it will become once anchored. */
export interface Target extends Span {
  group: string;
  item: CardItem;
  actorId: string | null;
}

/** Every span the report asks to highlight: actor mentions first, then claim sentences. */
export function targetsOf(report: PageReport): Target[] {
  const names = new Map(report.actors.map(a => [a.id, a.name]));
  const out: Target[] = [];
  for (const actor of report.actors) {
    const item: CardItem = { kind: 'actor', actor };
    for (const m of actor.mentions) out.push({ start: m.start, end: m.end, group: `actor-${actor.type}`, item, actorId: actor.id });
  }
  for (const claim of report.claims) {
    out.push({ start: claim.start, end: claim.end, group: `claim-${claim.kind}`, item: { kind: 'claim', claim, names }, actorId: null });
  }
  return out;
}

/** Groups the entries the reader's categories allow, by registry group. */
export function groupsOf(entries: readonly Entry[], settings: Settings): HighlightGroups {
  const groups: HighlightGroups = new Map();
  for (const e of entries) {
    const category = e.group.startsWith('claim-') ? 'claims' : (e.group.slice('actor-'.length) as ActorType);
    if (settings.categories[category] === false) continue;
    let list = groups.get(e.group);
    if (!list) groups.set(e.group, (list = []));
    list.push(e.range);
  }
  return groups;
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
