import type { ExtractedArticle, Report } from './types';

/**
 * The whole analysis: extracted article in, report out (contract `attribution-lens/report@1`).
 * Pure: no DOM, no extension APIs; runs in the background, in Node (CLI, tests) and in workers.
 */
export function analyze(article: ExtractedArticle): Report {
  const words = article.text.split(/\s+/).filter(Boolean).length;
  return {
    schema: 'attribution-lens/report@1',
    source: article.source,
    article: { detected: article.detected, relevant: false, relevance: 0, reasons: [], words },
    actors: [],
    claims: [],
    crossReferences: [],
  };
}
