import type { ComponentChildren } from 'preact';
import type { Report } from '../lib/types';
import { ActorList } from './ActorList';
import { ArticleHeader } from './ArticleHeader';
import { ClaimList } from './ClaimList';
import { IncidentCard } from './IncidentCard';
import { StatementList } from './StatementList';
import { Timeline, timelineEntries } from './Timeline';

export interface SummaryProps {
  report: Report;
  /** Reveal an actor's first mention on the page. */
  onRevealActor?: (actorId: string) => void;
}

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: ComponentChildren }) {
  return (
    <section class="al-section" id={`al-${id}`} aria-labelledby={`al-${id}-h`}>
      <h2 id={`al-${id}-h`} class="al-section__title">
        {title}
        {count !== undefined && <span class="al-count"> ({count})</span>}
      </h2>
      {children}
    </section>
  );
}

/** The whole article summary: header, incident card, actors, claims, other governments, timeline. */
export function Summary({ report, onRevealActor }: SummaryProps) {
  const refs = report.crossReferences;
  const showTimeline = timelineEntries(refs, report.source.published).some(e => e.statements.length > 0);
  return (
    <div class="al-summary">
      <ArticleHeader report={report} />
      <IncidentCard incidents={report.incidents ?? []} refs={refs} actors={report.actors} />
      <Section id="actors" title="Actors" count={report.actors.length}>
        <ActorList actors={report.actors} onReveal={onRevealActor} />
      </Section>
      <Section id="claims" title="Claims" count={report.claims.length}>
        <ClaimList claims={report.claims} actors={report.actors} />
      </Section>
      <Section id="xrefs" title="What other governments said" count={refs.length}>
        <StatementList refs={refs} />
      </Section>
      {showTimeline && (
        <Section id="timeline" title="Timeline">
          <Timeline refs={refs} published={report.source.published} />
        </Section>
      )}
    </div>
  );
}
