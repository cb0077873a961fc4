import type { CrossReference } from '../lib/types';
import { DateText } from './DateText';
import { Flag } from './Flag';
import { kindLabel } from './StatementList';

/** One date on the timeline: the statements issued that day, and whether the article is from that day. */
export interface TimelineEntry {
  date: string;
  statements: CrossReference[];
  article: boolean;
}

/**
 * Dated statements of the incident (not `related` ones) grouped by day, oldest first, with the
 * article's own publication date (YYYY-MM-DD) merged in as a marked entry.
 */
export function timelineEntries(refs: readonly CrossReference[], published: string | null): TimelineEntry[] {
  const byDate = new Map<string, TimelineEntry>();
  for (const r of refs) {
    if (r.relation === 'related' || !r.date) continue;
    const e = byDate.get(r.date) ?? { date: r.date, statements: [], article: false };
    e.statements.push(r);
    byDate.set(r.date, e);
  }
  if (published) {
    const e = byDate.get(published) ?? { date: published, statements: [], article: false };
    e.article = true;
    byDate.set(published, e);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The incident's statements by date, with "this article" marked on its publication day. */
export function Timeline({ refs, published }: { refs: readonly CrossReference[]; published: string | null }) {
  const entries = timelineEntries(refs, published);
  if (entries.every(e => e.statements.length === 0)) return null;
  return (
    <div class="al-timeline-wrap">
      <ol class="al-timeline">
        {entries.map(e => (
          <li key={e.date} class={e.article ? 'al-timeline__day al-timeline__day--article' : 'al-timeline__day'}>
            <DateText date={e.date} class="al-timeline__date" />
            {e.article && <span class="al-badge al-badge--article">this article</span>}
            {e.statements.length > 0 && (
              <ul class="al-timeline__items">
                {e.statements.map(s => (
                  <li key={s.id}>
                    <Flag code={s.country} /> {s.issuer} <span class="al-muted">({kindLabel(s.kind)})</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {!published && <p class="al-muted">The article’s own date is unknown.</p>}
    </div>
  );
}
