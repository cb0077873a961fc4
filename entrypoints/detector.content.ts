import { defineContentScript } from '#imports';
import '../assets/highlights.css';
import { sendFromContent } from '../lib/messaging/client';
import { quickCheck } from '../lib/page/detect';
import { mark } from '../lib/page/timing';

/**
 * The always-on content script (every http/https page, top frame, document_idle). It only runs
 * the cheap `quickCheck`; on a candidate it asks the background to inject the article script.
 * Its stylesheet carries every `::highlight()` rule, so they exist before any highlight does.
 * Pages whose article arrives late (or after a single-page-app navigation) are re-checked a few
 * times, debounced, for a bounded time: the observer only sets a timer.
 */

const RECHECK_DEBOUNCE_MS = 800;
const MAX_RECHECKS = 6;
const WATCH_FOR_MS = 30_000;
const REPORT_DELAY_MS = 150;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
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
    const check = (first: boolean): void => {
      if (requested || ctx.isInvalid) return;
      const q = quickCheck(document);
      mark('al:quickcheck-end');
      if (q.candidate) {
        mark('al:candidate');
        requested = true;
        stop();
        void sendFromContent('requestArticleScript', { url: location.href, reasons: q.reasons });
      } else if (first) {
        // The badge's "not an article" can wait: sending it (the first extension message of
        // the page) is the costliest part of the check, so it leaves the document_idle task.
        // A plain timer: in Chromium the first requestIdleCallback of a page cost more than the
        // check itself (profiled with `npm run bench`'s pages).
        const url = location.href;
        ctx.setTimeout(() => {
          mark('al:report-start');
          if (!requested) void sendFromContent('reportStatus', { url, status: 'not-article' });
          mark('al:report-end');
        }, REPORT_DELAY_MS);
      }
    };
    const schedule = (): void => {
      if (requested || timer !== undefined || rechecks >= MAX_RECHECKS) return;
      timer = ctx.setTimeout(() => {
        timer = undefined;
        rechecks++;
        check(false);
        if (rechecks >= MAX_RECHECKS) stop();
      }, RECHECK_DEBOUNCE_MS);
    };

    check(true);
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
