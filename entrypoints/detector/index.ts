import './started';
import type { UnlistedScriptDefinition } from 'wxt';
import { browser } from 'wxt/browser';
import { sendFromContent } from '../../lib/messaging/client';
import { cannotBeRelevant, cyberStems, MIN_CYBER_TERMS } from '../../lib/nlp/cyber-hint';
import { quickCheck, type QuickCheck } from '../../lib/page/detect';
import { textOutsideCode } from '../../lib/page/block-text';
import { extractContainerText, extractContainerTextInSlices, type ContainerText } from '../../lib/page/extract-core';
import { hasHighlightApi, isDarkBackground, type KnownBackground } from '../../lib/page/highlighter';
import { anchorAhead } from '../../lib/page/anchor-ahead';
import { SLICE_MS } from '../../lib/page/steps';
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
 * the re-runs. Without a clear container it asks for the article script straight away. A
 * candidate with too little cyber vocabulary to be relevant (on the whole page, tested first
 * without reading its container; then in its article, or on the page's text when there is no
 * container) is settled here: nothing is sent, and the verdict says so.
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
/** Re-checks of one page in any minute, at most. */
const MAX_RECHECKS = 6;
const WATCH_FOR_MS = 30_000;
const POLL_URL_MS = 1000;
/** How much an article that is not relevant must change (characters) to be read again. */
const MIN_TEXT_CHANGE = 40;

/** False once the extension was reloaded, updated or removed: this copy then stops quietly. */
function alive(): boolean {
  try {
    return browser.runtime?.id !== undefined;
  } catch {
    return false;
  }
}

// The detector's state and steps live at the module's top level rather than inside `main`: V8
// compiles a function on its first call and then parses every function nested in it once more,
// so a `main` that held them all cost each fresh tab ≈ 0.15 ms more of compiling (V8's own log;
// docs/benchmark.md, twelfth pass). The same goes for the candidate's path, apart from `check`.
let requested = false;
let rechecks: number[] = [];
let timer: number | undefined;
let observer: MutationObserver | null = null;
let stopWatchingUrl: (() => void) | null = null;
let lastUrl = document.URL; // not location: one wrapper fewer
/** An article the background found not relevant: its container, URL and text length then. */
let unannotated: { region: Element; url: string; length: number } | null = null;

/**
 * Watches the page's URL for single-page-app navigations, for as long as the page lives: the
 * Navigation API where there is one (Chromium), else a cheap comparison of the URL once a
 * second (Firefox). Both only set a timer.
 */
const watchUrl = (): void => {
  if (stopWatchingUrl) return;
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
};
/**
 * Watches `target` for changes, which only set a timer: the whole page for `forMs`, or an
 * article as long as the page lives. The URL is watched too ({@link watchUrl}): at once beside
 * an article, and after `forMs` beside the whole page, whose observer sees a single-page app's
 * navigation meanwhile (its next page changes the page), so an ordinary page sets up one watch.
 */
const watch = (target: Node, forMs: number | null): void => {
  observer?.disconnect();
  const own = new MutationObserver(schedule);
  observer = own;
  own.observe(target, { childList: true, subtree: true, characterData: target !== document });
  if (forMs === null) return watchUrl();
  setTimeout(() => {
    own.disconnect();
    if (observer !== own) return; // stopped for a candidate, or replaced by a newer watch
    observer = null;
    watchUrl();
  }, forMs);
};
/**
 * The page is settled without an article script: `region` (the article, or the whole page) is
 * read again if it changes by MIN_TEXT_CHANGE characters or more (a live story), for `forMs`
 * or as long as the page lives, and so is a single-page app's next page.
 */
const settled = (region: Element, url: string, forMs: number | null, length = region.textContent?.length ?? 0): void => {
  unannotated = { region, url, length };
  requested = false;
  rechecks = [];
  watch(region, forMs);
  mark('al:done');
};
const check = (): void => {
  if (requested) return;
  const q = quickCheck(document);
  mark('al:quickcheck-end');
  if (q.candidate) candidate(q);
};
/** The page may be an article: read its container and settle it here, or send it. */
const candidate = (q: QuickCheck): void => {
  mark('al:candidate');
  // No more watching or re-checks meanwhile: the article script, or the verdict, takes over.
  observer?.disconnect();
  observer = null;
  stopWatchingUrl?.();
  stopWatchingUrl = null;
  clearTimeout(timer); // (a no-op when there is none)
  timer = undefined;
  requested = true;
  unannotated = null;
  setCandidate(true);
  const url = location.href;
  mark('al:prepare-start');
  // Most news a reader opens is about something else. An article with too little cyber
  // vocabulary cannot be relevant (lib/nlp/cyber-hint.ts): nothing is sent, and the verdict
  // says what the analysis would have said, read when the popup opens.
  // The cheapest test first, on the whole page's text in one native call (no wrapper for each
  // of its nodes, as reading the container needs): it holds every text the analysis could read
  // (scripts and page chrome too), so too few stems there settle the page before its container is
  // looked for. Its elements' boundaries are dropped, so it is counted glued (a word split by an
  // element a reading leaves out, "cy<span hidden>x</span>ber", would be missed: none is known).
  // Such a page is then watched as one without a container is, for WATCH_FOR_MS (changes
  // anywhere in it, ads and tickers included, are not worth re-reading as long as it lives), and
  // its verdict (not relevant, or not an article) is read only when the background asks for it.
  const body = document.body;
  const whole = body?.textContent ?? '';
  if (body && cyberStems(whole, MIN_CYBER_TERMS, true) < MIN_CYBER_TERMS) {
    setCandidate(() => verdictOf(extractContainerText(document, { url, quick: q })));
    mark('al:page-no-cyber');
    mark('al:prepare-end');
    return settled(body, url, WATCH_FOR_MS, whole.length);
  }
  // The quick check's reasons are the article's (no second, fuller check on the critical path).
  // A huge container (a long Wikipedia article) is read in slices that yield to the page; any
  // other is read in this task, and what follows runs in it too (a microtask).
  void extractContainerTextInSlices(document, { url, quick: q }, SLICE_MS).then(found => (settleOrSend(q.reasons, url, found), mark('al:detector-end')));
};
/** The candidate's container is read (`found`, null without a clear one): settle it here, or send it. */
const settleOrSend = (reasons: string[], url: string, found: ContainerText | null): void => {
  mark('al:prepare-end');
  const requestScript = (): void => (mark('al:request-script'), void sendFromContent('requestArticleScript', { url, reasons }));
  // Then the same test and the density of the terms on the article, as the analysis reads it.
  // Without a container the article script would read the page with Readability: the test is
  // then on the page's text, and only on its count of terms (what Readability keeps of it may be
  // denser).
  const region = found ? found.region : document.body;
  if (region && cannotBeRelevant(found ? found.article.text : textOutsideCode(region), !!found)) {
    setCandidate(verdictOf(found));
    return settled(region, url, found ? null : WATCH_FOR_MS);
  }
  if (!alive()) return; // an orphan of a reloaded extension: nothing to ask
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
    .then(async res => {
      mark('al:analyse-end');
      const value = res.ok ? res.value : null;
      if (value && 'report' in value && ahead) await drawFirst(url, found, value, ahead.take(), background);
      else ahead?.stop();
      return value !== null && 'annotate' in value;
    })
    .catch((err: unknown) => (console.warn('[attribution-lens] first drawing failed', err), false))
    .then(notRelevant => {
      if (!notRelevant) return requestScript();
      // Not relevant, and the background has settled the tab's state: no article script.
      settled(found.region.isConnected ? found.region : document.body, url, null);
    });
};
/** The verdict on a candidate settled for too little cyber vocabulary: not relevant, or not an article. */
const verdictOf = (found: ContainerText | null): 'no-cyber' | false => (!found || found.article.detected ? 'no-cyber' : false);
const schedule = (): void => {
  if (document.URL !== lastUrl) {
    lastUrl = document.URL;
    rechecks = []; // a new page in a single-page app gets its own checks
  }
  if (requested || timer !== undefined) return;
  const now = Date.now();
  rechecks = rechecks.filter(t => now - t < 60_000);
  if (rechecks.length >= MAX_RECHECKS) return;
  timer = window.setTimeout(() => {
    timer = undefined;
    const seen = unannotated;
    if (seen && document.URL === seen.url) {
      if (seen.region.isConnected && Math.abs((seen.region.textContent?.length ?? 0) - seen.length) < MIN_TEXT_CHANGE) return;
    } else if (seen) {
      // Another page of a single-page app: watched as a new page is (its text may come late).
      unannotated = null;
      watch(document, WATCH_FOR_MS);
    }
    rechecks.push(Date.now());
    check();
  }, RECHECK_DEBOUNCE_MS);
};

// The definition `defineUnlistedScript` would return, written out: its normalising function is
// then not bundled into the always-on script.
const detector: UnlistedScriptDefinition = {
  main() {
    setCandidate(false);
    check();
    // Late text: observed on the document (no element wrapper needed) for a while. A candidate
    // whose container is being read marks its end when the reading's task is done (`settleOrSend`).
    if (requested) return;
    watch(document, WATCH_FOR_MS);
    mark('al:detector-end');
  },
};
export default detector;
