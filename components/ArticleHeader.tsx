import type { Report } from '../lib/types';
import { DateText } from './DateText';

/** Title, site, date of the article, and why the page was detected (collapsed by default). */
export function ArticleHeader({ report }: { report: Report }) {
  const { source, article } = report;
  const title = source.title?.trim() || 'Untitled article';
  return (
    <header class="al-article">
      <h1 class="al-article__title">{title}</h1>
      <p class="al-article__meta al-muted">
        {source.site && <span class="al-article__site">{source.site}</span>}
        {source.site && source.published && ' · '}
        <DateText date={source.published} />
        {article.words > 0 && <span> · {article.words.toLocaleString('en-GB')} words</span>}
      </p>
      {article.reasons.length > 0 && (
        <details class="al-article__reasons">
          <summary>Why this page was detected</summary>
          <ul>
            {article.reasons.map(r => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
    </header>
  );
}
