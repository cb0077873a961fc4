import { bundledKb } from './kb/bundled';
import type { Kb } from './kb';
import { analyzeText } from './nlp/pipeline';
import type { ExtractedArticle, Report } from './types';
import { crossReference, type XrefIndex } from './xref/match';

/** Optional knowledge to use instead of the bundled one (tests), and a place for phase timings. */
export interface EngineOptions {
  kb?: Kb;
  xref?: XrefIndex;
  /** Filled with the milliseconds of each phase: language work and cross-reference matching. */
  timing?: { language: number; xref: number };
}

/**
 * The whole analysis: extracted article in, report out (contract `attribution-lens/report@1`).
 * Pure: no DOM, no extension APIs; runs in the background, in Node (CLI, tests) and in workers.
 * Offsets in the report are into `article.text`.
 */
export function analyze(article: ExtractedArticle, opts: EngineOptions = {}): Report {
  const kb = opts.kb ?? bundledKb();
  const t0 = performance.now();
  const { actors, claims, relevance, words } = analyzeText(article.text, kb);
  const t1 = performance.now();
  const relevant = article.detected !== false && relevance.relevant;
  const reasons = article.detected ? relevance.reasons : ['the page does not look like an article', ...relevance.reasons];
  const xref = crossReference(
    { text: article.text, title: article.source.title, published: article.source.published, relevant, actors, claims },
    opts.xref,
  );
  if (opts.timing) {
    opts.timing.language = t1 - t0;
    opts.timing.xref = performance.now() - t1;
  }
  return {
    schema: 'attribution-lens/report@1',
    source: article.source,
    article: { detected: article.detected, relevant, relevance: relevance.score, reasons, words },
    actors,
    claims,
    crossReferences: xref.crossReferences,
    incidents: xref.incidents,
  };
}
