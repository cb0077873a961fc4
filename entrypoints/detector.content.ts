import { defineContentScript } from '#imports';
import '../assets/highlights.css';
import { browser } from 'wxt/browser';
import { isEnvelope, sendFromContent } from '../lib/messaging/client';
import type { BackgroundToContent, ResponseOf } from '../lib/messaging/protocol';
import { quickCheck } from '../lib/page/detect';
import { extractFromContainer } from '../lib/page/extract-core';
import { prepare } from '../lib/page/handoff';
import { mark } from '../lib/page/timing';

/**
 * The always-on content script (every http/https page, top frame, document_idle). It only runs
 * the cheap `quickCheck`. On a candidate it asks the background to inject the article script
 * and, while that script is on its way, reads the page's article container (if it has a clear
 * one) and sends the text ahead: the background analyses it while the article script loads, and
 * the article script takes the extraction over (lib/page/handoff.ts) instead of redoing it.
 * On any other page it sends nothing: the background asks for its verdict when it needs it
 * (the popup opens), so an ordinary page costs one check and one listener.
 * Its stylesheet carries every `::highlight()` rule, so they exist before any highlight does.
 * Pages whose article arrives late (or after a single-page-app navigation) are re-checked a few
 * times, debounced, for a bounded time: the observer only sets a timer.
 */

const RECHECK_DEBOUNCE_MS = 800;
const MAX_RECHECKS = 6;
const WATCH_FOR_MS = 30_000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // WXT's "script started" notice stays a DOM event: no window.postMessage the page's own
  // message listeners would receive (and could read our extension id from).
  noScriptStartedPostMessage: true,
  runAt: 'document_idle',
  main(ctx) {
    mark('al:detector-start');
    let requested = false;
    let rechecks = 0;
    let timer: number | undefined;
    let observer: MutationObserver | null = null;

    const stop = (): void => {
      observer?.disconnect();
      observer = null;
      if (timer !== undefined) clearTimeout(timer);
    };
    const check = (): void => {
      if (requested || ctx.isInvalid) return;
      const q = quickCheck(document);
      mark('al:quickcheck-end');
      if (!q.candidate) return;
      mark('al:candidate');
      requested = true;
      stop();
      const url = location.href;
      void sendFromContent('requestArticleScript', { url, reasons: q.reasons });
      mark('al:prepare-start');
      const found = extractFromContainer(document, { url });
      mark('al:prepare-end');
      if (found) {
        prepare(url, found.article, found.region);
        void sendFromContent('prepareArticle', { url, article: found.article });
      }
    };
    // The background's question "what is this page?" (asked when the popup opens). Answered
    // synchronously; any other message is for the article script.
    const listener = (message: unknown, sender: { id?: string }, respond: (r: ResponseOf<BackgroundToContent, 'detectorVerdict'>) => void): undefined => {
      if (sender.id !== browser.runtime.id || !isEnvelope(message) || message.from !== 'background' || message.method !== 'detectorVerdict') return;
      respond({ ok: true, value: { url: location.href, candidate: requested } });
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    const schedule = (): void => {
      if (requested || timer !== undefined || rechecks >= MAX_RECHECKS) return;
      timer = ctx.setTimeout(() => {
        timer = undefined;
        rechecks++;
        check();
        if (rechecks >= MAX_RECHECKS) stop();
      }, RECHECK_DEBOUNCE_MS);
    };

    check();
    if (requested) {
      mark('al:detector-end');
      return;
    }
    if (document.body) {
      observer = new MutationObserver(schedule);
      observer.observe(document.body, { childList: true, subtree: true });
      ctx.setTimeout(() => observer?.disconnect(), WATCH_FOR_MS);
    }
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      rechecks = 0; // a new page in a single-page app gets its own checks
      schedule();
    });
    ctx.onInvalidated(stop);
    mark('al:detector-end');
  },
});
