import type { CrossReference } from '../lib/types';
import { DateText } from './DateText';
import { Flag } from './Flag';
import { SafeLink } from './SafeLink';

/** Stances the statements are grouped by, in display order; `kinds` are CrossReference kinds. */
export const STANCES = [
  { id: 'attribution', label: 'Attributions', kinds: ['attribution'] },
  { id: 'condemnation', label: 'Condemnations', kinds: ['condemnation'] },
  {
    id: 'action',
    label: 'Advisories, indictments, sanctions and joint statements',
    kinds: ['advisory', 'indictment', 'sanctions', 'joint-statement'],
  },
  { id: 'denial', label: 'Denials', kinds: ['denial'] },
] as const;

/** Plain-word label of a statement kind. */
export function kindLabel(kind: string): string {
  return kind === 'joint-statement' ? 'joint statement' : kind;
}

/** Statements of one stance. */
export interface StanceGroup {
  id: string;
  label: string;
  items: CrossReference[];
}

const RELATION_ORDER = { 'same-event': 0, 'mentioned-in-article': 0, related: 1 } as const;

/** Chronological, then by issuer; `related` (other incidents) after the rest. */
export function compareStatements(a: CrossReference, b: CrossReference): number {
  return (
    RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] ||
    (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
    a.issuer.localeCompare(b.issuer)
  );
}

/** Groups cross-references by stance (STANCES order, then "Other statements"); empty groups dropped. */
export function groupByStance(refs: readonly CrossReference[]): StanceGroup[] {
  const known = new Set<string>(STANCES.flatMap(s => [...s.kinds]));
  const groups: StanceGroup[] = STANCES.map(s => ({
    id: s.id,
    label: s.label,
    items: refs.filter(r => (s.kinds as readonly string[]).includes(r.kind)),
  }));
  groups.push({ id: 'other', label: 'Other statements', items: refs.filter(r => !known.has(r.kind)) });
  return groups.filter(g => g.items.length > 0).map(g => ({ ...g, items: [...g.items].sort(compareStatements) }));
}

function RelationBadge({ relation }: { relation: CrossReference['relation'] }) {
  if (relation === 'mentioned-in-article') return <span class="al-badge al-badge--article">reported in this article</span>;
  if (relation === 'related') return <span class="al-badge al-badge--related">related, not the same incident</span>;
  return null;
}

/** One statement: issuer with flag, office, date, linked title (https only), why it matches. */
export function StatementItem({ item, showKind }: { item: CrossReference; showKind: boolean }) {
  return (
    <li class="al-stmt" data-relation={item.relation} data-kind={item.kind}>
      <p class="al-stmt__head">
        <Flag code={item.country} /> <strong class="al-stmt__issuer">{item.issuer}</strong>
        {item.issuerBody && item.issuerBody !== item.issuer && <span class="al-muted"> · {item.issuerBody}</span>}
        {item.date && <span class="al-muted"> · </span>}
        <DateText date={item.date} class="al-muted" />
      </p>
      <p class="al-stmt__badges">
        {showKind && <span class="al-badge">{kindLabel(item.kind)}</span>} <RelationBadge relation={item.relation} />
      </p>
      <p class="al-stmt__title">
        <SafeLink href={item.url}>{item.title ?? `${item.issuer} statement`}</SafeLink>
      </p>
      {item.summary && <p class="al-stmt__summary">{item.summary}</p>}
      {item.confidencePhrase && (
        <p class="al-stmt__confidence">
          Confidence words: <q>{item.confidencePhrase}</q>
        </p>
      )}
      {item.why.length > 0 && <p class="al-stmt__why al-muted">Why it matches: {item.why.join('; ')}</p>}
    </li>
  );
}

/** "What other governments said": the statements grouped by stance, one `<h3>` per group. */
export function StatementList({ refs }: { refs: readonly CrossReference[] }) {
  const groups = groupByStance(refs);
  if (groups.length === 0) return <p class="al-muted">No statements by other governments on record.</p>;
  return (
    <div class="al-stances">
      {groups.map(g => (
        <section key={g.id} class="al-stance" data-stance={g.id} aria-labelledby={`al-stance-${g.id}`}>
          <h3 id={`al-stance-${g.id}`}>
            {g.label} <span class="al-count">({g.items.length})</span>
          </h3>
          <ul>
            {g.items.map(item => (
              <StatementItem key={item.id} item={item} showKind={g.id === 'action' || g.id === 'other'} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
