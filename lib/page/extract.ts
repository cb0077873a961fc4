/**
 * Article extraction with Readability bound in: what the command line, the tests and any caller
 * that is not a content script use. Content scripts import `./extract-core` and get Readability
 * only where it is needed (see there).
 */
import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from '../types';
import { elementProbe } from './detect-elements';
import * as core from './extract-core';

export { MAX_READABILITY_DEPTH, MAX_READABILITY_ELEMENTS } from './extract-core';
export type { ExtractOptions, ReadabilityClass } from './extract-core';

// The element reader: linkedom (the command line) has no XPath, and an extraction reads the
// elements anyway.
const withReadability = (opts: core.ExtractOptions): core.ExtractOptions => ({
  readability: Readability as unknown as core.ReadabilityClass,
  probe: elementProbe,
  ...opts,
});

/** {@link core.extractArticle} with Readability. */
export function extractArticle(doc: Document, opts: core.ExtractOptions = {}): ExtractedArticle {
  return core.extractArticle(doc, withReadability(opts));
}

/** {@link core.extractWithRegion} with Readability. */
export function extractWithRegion(doc: Document, opts: core.ExtractOptions = {}): ReturnType<typeof core.extractWithRegion> {
  return core.extractWithRegion(doc, withReadability(opts));
}

/** {@link core.extractFromContainer} with the element reader. */
export function extractFromContainer(doc: Document, opts: core.ExtractOptions = {}): ReturnType<typeof core.extractFromContainer> {
  return core.extractFromContainer(doc, { probe: elementProbe, ...opts });
}
