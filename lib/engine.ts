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
 * The language half of a report: what a page needs to highlight (actors, claims and whether the
 * article is relevant). {@link finishReport} adds the cross-references.
 */
export interface Draft {
  actors: Report['actors'];
  claims: Report['claims'];
  article: Report['article'];
}

/**
 * The whole analysis: extracted article in, report out (contract `attribution-lens/report@1`).
 * Pure: no DOM, no extension APIs; runs in the background, in Node (CLI, tests) and in workers.
 * Offsets in the report are into `article.text`. The same as {@link draftReport} then
 * {@link finishReport}, which the background runs apart so a page gets its highlights before the
 * cross-references are matched.
 */
export function analyze(article: ExtractedArticle, opts: EngineOptions = {}): Report {
  return finishReport(article, draftReport(article, opts), opts);
}

/** The language work: tokens, actors, claims, confidence, relevance (see lib/nlp/pipeline.ts). */
export function draftReport(article: ExtractedArticle, opts: EngineOptions = {}): Draft {
  const kb = opts.kb ?? bundledKb();
  const t0 = performance.now();
  const { actors, claims, relevance, words } = analyzeText(article.text, kb);
  const relevant = article.detected !== false && relevance.relevant;
  const reasons = article.detected ? relevance.reasons : ['the page does not look like an article', ...relevance.reasons];
  if (opts.timing) opts.timing.language = performance.now() - t0;
  return { actors, claims, article: { detected: article.detected, relevant, relevance: relevance.score, reasons, words } };
}

/** The report of `article` from its {@link draftReport}: cross-references matched and added. */
export function finishReport(article: ExtractedArticle, draft: Draft, opts: EngineOptions = {}): Report {
  const t0 = performance.now();
  const { actors, claims } = draft;
  const xref = crossReference(
    { text: article.text, title: article.source.title, published: article.source.published, relevant: draft.article.relevant, actors, claims },
    opts.xref,
  );
  if (opts.timing) opts.timing.xref = performance.now() - t0;
  return {
    schema: 'attribution-lens/report@1',
    source: article.source,
    article: draft.article,
    actors,
    claims,
    crossReferences: xref.crossReferences,
    incidents: xref.incidents,
  };
}
