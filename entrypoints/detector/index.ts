import './started';
import { defineUnlistedScript } from '#imports';
import { browser } from 'wxt/browser';
import { sendFromContent } from '../../lib/messaging/client';
import { quickCheck } from '../../lib/page/detect';
import { extractContainerText } from '../../lib/page/extract-core';
import { hasHighlightApi, isDarkBackground, type KnownBackground } from '../../lib/page/highlighter';
import { anchorAhead } from '../../lib/page/anchor-ahead';
import { drawFirst } from './draw-first';
import { prepare, setCandidate } from '../../lib/page/handoff';
import { mark } from '../../lib/page/timing';
import { yieldToPage } from '../../lib/page/yield';

/**
 * The always-on content script (every http/https page, top frame, document_idle; declared in
 * wxt.config.ts with the highlight stylesheet). It only runs the cheap `quickCheck`. On a
 * candidate it reads the page's article container (if it has a clear one) and sends the text
 * to the background, which analyses it and answers with the spans to highlight: the detector
 * draws them at once (./draw-first.ts), then asks for the article script, which takes the
 * extraction and the drawing over (lib/page/handoff.ts) and adds the cards, the toggles and
 * the re-runs. Without a clear container it asks for the article script straight away.
 * On any other page it sends nothing and touches no extension API (the first use of
 * `browser.runtime` costs about 0.5 ms): the background reads its verdict when it needs it (the
 * popup opens) with the verdict script (entrypoints/verdict.ts), so an ordinary page costs one
 * check and one observer.
 * Pages whose article arrives late (or after a single-page-app navigation) are re-checked a few
 * times, debounced: the observer (for the first 30 s) and the navigation listener only set a timer.
 * It is a plain script, not a WXT content script: WXT's context object reads `browser.runtime`
 * at once; `alive()` does the one thing it did for us here, on candidates only.
 */

const RECHECK_DEBOUNCE_MS = 800;
const MAX_RECHECKS = 6;
const WATCH_FOR_MS = 30_000;
const POLL_URL_MS = 1000;

/** False once the extension was reloaded, updated or removed: this copy then stops quietly. */
function alive(): boolean {
  try {
    return browser.runtime?.id !== undefined;
  } catch {
    return false;
  }
}

export default defineUnlistedScript(() => {
  let requested = false;
  let rechecks = 0;
  let timer: number | undefined;
  let observer: MutationObserver | null = null;
  let stopWatchingUrl = (): void => undefined;
  let lastUrl = document.URL; // not location: one wrapper fewer

  const stop = (): void => {
    observer?.disconnect();
    observer = null;
    stopWatchingUrl();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const check = (): void => {
    if (requested) return;
    const q = quickCheck(document);
    mark('al:quickcheck-end');
    if (!q.candidate) return;
    mark('al:candidate');
    stop();
    if (!alive()) return; // an orphan of a reloaded extension: nothing to ask
    requested = true;
    setCandidate(true);
    const url = location.href;
    const requestScript = (): void => (mark('al:request-script'), void sendFromContent('requestArticleScript', { url, reasons: q.reasons }));
    mark('al:prepare-start');
    // The quick check's reasons are the article's (no second, fuller check on the critical path).
    const found = extractContainerText(document, { url, quick: q });
    mark('al:prepare-end');
    if (!found) return requestScript();
    prepare(url, found);
    // The article script is asked for once the first highlights are drawn: its injection and
    // evaluation would otherwise compete with them for the page's main thread.
    mark('al:analyse-start');
    const answer = sendFromContent('prepareArticle', { url, article: found.article });
    // While the answer travels, what anchoring needs before it knows the spans is prepared: the
    // container's text index and the article text's normalisation (again if the page changes that
    // text meanwhile). Pages without the Highlight API leave the drawing to the article script.
    const ahead = hasHighlightApi(window) ? anchorAhead(found.region, found.article.text) : null;
    // So is the article's background (light or dark highlights): its first style read can wait
    // for a style update of the whole page. The drawing then reads only the levels below it.
    let background: KnownBackground | undefined;
    if (ahead) void yieldToPage().then(() => (background = { el: found.region, dark: isDarkBackground(found.region) }));
    void answer
      .then(res => (mark('al:analyse-end'), res.ok && res.value && ahead ? drawFirst(url, found, res.value, ahead.take(), background) : void ahead?.stop()))
      .catch((err: unknown) => console.warn('[attribution-lens] first drawing failed', err))
      .finally(requestScript);
  };
  const schedule = (): void => {
    if (document.URL !== lastUrl) {
      lastUrl = document.URL;
      rechecks = 0; // a new page in a single-page app gets its own checks
    }
    if (requested || timer !== undefined || rechecks >= MAX_RECHECKS) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      rechecks++;
      check();
    }, RECHECK_DEBOUNCE_MS);
  };

  setCandidate(false);
  check();
  if (requested) {
    mark('al:detector-end');
    return;
  }
  // Late text: observed on the document (no element wrapper needed) for a while.
  observer = new MutationObserver(schedule);
  observer.observe(document, { childList: true, subtree: true });
  setTimeout(() => {
    observer?.disconnect();
    observer = null;
  }, WATCH_FOR_MS);
  // Single-page-app navigations, for as long as the page lives: the Navigation API where there
  // is one (Chromium), else a cheap comparison of the URL once a second (Firefox).
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) {
    nav.addEventListener('navigatesuccess', schedule);
    stopWatchingUrl = () => nav.removeEventListener('navigatesuccess', schedule);
  } else {
    const poll = setInterval(() => {
      if (document.URL !== lastUrl) schedule();
    }, POLL_URL_MS);
    stopWatchingUrl = () => clearInterval(poll);
  }
  mark('al:detector-end');
});
