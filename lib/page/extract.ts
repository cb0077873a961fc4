/**
 * Article extraction with Readability bound in: what the command line, the tests and any caller
 * that is not a content script use. Content scripts import `./extract-core` and get Readability
 * only where it is needed (see there).
 */
import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from '../types';
import * as core from './extract-core';

export { MAX_READABILITY_DEPTH, MAX_READABILITY_ELEMENTS, extractFromContainer } from './extract-core';
export type { ExtractOptions, ReadabilityClass } from './extract-core';

const withReadability = (opts: core.ExtractOptions): core.ExtractOptions => ({ readability: Readability as unknown as core.ReadabilityClass, ...opts });

/** {@link core.extractArticle} with Readability. */
export function extractArticle(doc: Document, opts: core.ExtractOptions = {}): ExtractedArticle {
  return core.extractArticle(doc, withReadability(opts));
}

/** {@link core.extractWithRegion} with Readability. */
export function extractWithRegion(doc: Document, opts: core.ExtractOptions = {}): ReturnType<typeof core.extractWithRegion> {
  return core.extractWithRegion(doc, withReadability(opts));
}
