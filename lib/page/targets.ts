import type { PageReport, Settings } from '../messaging/protocol';
import type { ActorType, Span } from '../types';
import type { HighlightGroups } from './highlighter';
import type { CardItem } from './hover-card';

/**
 * What the report asks a page to highlight, shared by the detector's first drawing and the
 * article script: the spans in a fixed order, each with its registry group and card.
 */

/** A range with its registry group: `actor-<type>` or `claim-<kind>` (no scheme prefix). */
export interface Drawn {
  range: Range;
  group: string;
}

/** A span of the report with what it will become once anchored. */
export interface Target extends Span {
  group: string;
  item: CardItem;
  actorId: string | null;
}

/** What identifies a target: its span and group. */
export type TargetKey = Pick<Target, 'start' | 'end' | 'group'>;

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
export function groupsOf(entries: readonly Drawn[], settings: Settings): HighlightGroups {
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

/** Do two target lists ask for the same spans in the same groups (then the same ranges serve)? */
export function sameTargets(a: readonly TargetKey[], b: readonly TargetKey[]): boolean {
  return a.length === b.length && a.every((t, i) => t.start === b[i].start && t.end === b[i].end && t.group === b[i].group);
}
