import { EVALUATION_START } from './started';
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { analyze, draftReport, finishReport } from '../../lib/engine';
import { bundledKb } from '../../lib/kb/bundled';
import { sendToTab } from '../../lib/messaging/client';
import type { Result, Settings, TabState } from '../../lib/messaging/protocol';
import { highlightsOnFor, hostOf } from '../../lib/storage/settings';
import { updateBadge } from './badge';
import { createContextMenu, toggleTab, wireCommands } from './commands';
import { annotateTab, contentHandlers, currentSettings, forgetPrepared, pageHandlers, resolveTabState, type BackgroundDeps } from './handlers';
import { injectScript, readDetectorVerdict } from './inject';
import { routeMessage } from './router';
import { TabStateStore, type SessionArea } from './tab-state';
import { getDefaultXrefIndex } from '../../lib/xref/match';
import { WARM_UP_ARTICLE } from './warm-up';

/** After the worker starts, how long to wait before the full warm-up (cross-references included). */
const WARM_UP_DELAY_MS = 300;

/** The test hook, reachable from a test driving the service worker / background page. */
export interface TestHook {
  getState(tabId: number): Promise<TabState | null>;
  toggle(tabId: number): Promise<boolean | null>;
  /** What the context menu's "Annotate this page" does. */
  annotate(tabId: number): Promise<Result<null>>;
}

declare global {
  var __attributionLens: TestHook | undefined;
  /** The background's timing spans (epoch ms), read by `npm run bench`; the last 100 only. */
  var __attributionLensBackgroundTimings: { name: string; start: number; end: number }[] | undefined;
}

/** Records a wall-clock span under `name`, from `start` to `end` (epoch ms; now by default). */
function span(name: string, start: number, end = performance.timeOrigin + performance.now()): void {
  const list = (globalThis.__attributionLensBackgroundTimings ??= []);
  if (list.length >= 100) list.shift();
  list.push({ name, start, end });
}

/** Runs `fn`, recording its wall-clock span under `name`. */
function timed<T>(name: string, fn: () => T): T {
  const start = performance.timeOrigin + performance.now();
  const value = fn();
  span(name, start);
  return value;
}

export default defineBackground(() => {
  // The worker's start up to here (its time origin is the worker's start): the browser starting
  // it and loading its script, then the evaluation of our modules (the bundled data parsed).
  span('worker-script', performance.timeOrigin, EVALUATION_START);
  span('worker-evaluation', EVALUATION_START);
  // NOTE: storage.session exists in Chrome 102+ and Firefox 115+; without it state is memory-only.
  const session = (browser.storage as unknown as { session?: SessionArea }).session ?? null;
  const store = new TabStateStore(session);
  const articleTabs = new Set<number>();
  let settingsCache: Settings | null = null;
  /** Has a real article been analysed since the worker started (then it needs no warm-up)? */
  let drafted = false;
  const deps: BackgroundDeps = {
    store,
    local: browser.storage.local,
    session,
    // The engine and its knowledge base load once, here, for all tabs. Its time is recorded for
    // `npm run bench` (wall-clock, so it lines up with the page's own timing points).
    draft: article => ((drafted = true), timed('engine', () => draftReport(article))),
    finish: (article, draft) => timed('cross-references', () => finishReport(article, draft)),
    inject: async (tabId, script) => {
      await injectScript(tabId, script);
      if (script === 'article') articleTabs.add(tabId);
    },
    detectorVerdict: readDetectorVerdict,
    sendToTab,
    tabUrl: async tabId => (await browser.tabs.get(tabId).catch(() => null))?.url ?? null,
    setBadge: updateBadge,
    knownTabs: () => [...articleTabs],
    settingsNow: () => settingsCache,
  };
  const refreshSettings = (): void => {
    settingsCache = null;
    void currentSettings(deps).then(
      s => (settingsCache = s),
      () => (settingsCache = null),
    );
  };
  const router = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    content: contentHandlers(deps),
    page: pageHandlers(deps),
  };

  // Listeners are added synchronously so a woken-up worker sees the event that woke it.
  // Each message's span (received → answered) is recorded for `npm run bench`.
  browser.runtime.onMessage.addListener(async (message, sender) => {
    const start = performance.timeOrigin + performance.now();
    const result = await routeMessage(message, sender, router);
    span('message', start);
    return result;
  });
  browser.tabs.onRemoved.addListener(tabId => {
    articleTabs.delete(tabId);
    forgetPrepared(tabId);
    void store.remove(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A new document in the tab: forget the old page's report and badge.
    if (change.status !== 'loading' || !tab.url) return;
    articleTabs.delete(tabId);
    forgetPrepared(tabId);
    const url = tab.url;
    const since = Date.now();
    // Through currentSettings, so a recovery notice is kept for the popup (not lost on rewrite).
    void currentSettings(deps).then(async settings => {
      // NOTE: on a fast page the new document's detector can report while settings (or the tab's
      // stored state) are read; resetting then would wipe its state (found by
      // tests/e2e/real-pages.spec.ts and lifecycle.spec.ts: tabs stuck 'idle').
      const on = highlightsOnFor(settings, hostOf(url) ?? '');
      const reset = await store.resetUnlessNewer(tabId, url, since, { highlightsOn: on });
      if (reset) await updateBadge(tabId, reset);
    });
  });
  browser.runtime.onInstalled.addListener(() => {
    void createContextMenu();
  });
  wireCommands(deps);
  // Settings in memory, re-read on every change of local storage (where they live).
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local') refreshSettings();
  });
  refreshSettings();
  // The knowledge base's index is built now, at worker start, not on the first article (a woken
  // worker then answers its first analysis sooner). The cross-reference index (≈ 30–60 ms) is
  // needed only once a page has its highlights: it waits until the worker is idle, so the message
  // that woke the worker is not held up by it (a real article arriving first builds it on use).
  timed('knowledge-base', bundledKb);
  // Then the language work runs once on a made-up article (see warm-up.ts): V8 compiles the
  // engine's functions on their first call, and the alias trie fills the buckets of the words
  // met, so the first real article does not pay for either. In the next task: a worker is
  // usually woken by a tab's navigation (tabs.onUpdated), well before that page's text arrives;
  // a real message that comes first simply goes first, and has then compiled the code itself:
  // the warm-up is skipped (it would only hold up the page's next messages). Not kept.
  const warmUp = (fn: () => unknown): void => {
    try {
      fn();
    } catch (err) {
      console.warn('[attribution-lens] engine warm-up failed', err);
    }
  };
  setTimeout(() => drafted || timed('warm-up', () => warmUp(() => draftReport(WARM_UP_ARTICLE))), 0);
  // Once the worker is idle, the cross-reference index and the whole analysis (cross-references
  // included) on the same article.
  setTimeout(
    () =>
      warmUp(() => {
        getDefaultXrefIndex();
        analyze(WARM_UP_ARTICLE);
      }),
    WARM_UP_DELAY_MS,
  );

  globalThis.__attributionLens = {
    getState: tabId => resolveTabState(deps, tabId),
    toggle: tabId => toggleTab(deps, tabId),
    annotate: tabId => annotateTab(deps, tabId),
  };
});
