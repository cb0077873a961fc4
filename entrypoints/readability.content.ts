import { defineContentScript } from '#imports';
import { Readability } from '@mozilla/readability';
import type { ReadabilityClass } from '../lib/page/extract-core';
import { provideReadability } from '../lib/page/handoff';

/**
 * Readability, kept out of the article script: injected by the background (never listed in the
 * manifest) when the article script asks for it (`loadReadability`: the page has no clear article
 * container). Most news pages never load it.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // WXT's "script started" notice stays a DOM event: no window.postMessage the page's own
  // message listeners would receive (and could read our extension id from).
  noScriptStartedPostMessage: true,
  registration: 'runtime',
  main() {
    provideReadability(Readability as unknown as ReadabilityClass);
  },
});
