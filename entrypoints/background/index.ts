import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { analyze } from '../../lib/engine';
import { bundledKb } from '../../lib/kb/bundled';
import { sendToTab } from '../../lib/messaging/client';
import type { Result, Settings, TabState } from '../../lib/messaging/protocol';
import { highlightsOnFor, hostOf } from '../../lib/storage/settings';
import { updateBadge } from './badge';
import { createContextMenu, toggleTab, wireCommands } from './commands';
import { annotateTab, contentHandlers, currentSettings, pageHandlers, type BackgroundDeps } from './handlers';
import { injectArticleScript } from './inject';
import { routeMessage } from './router';
import { TabStateStore, type SessionArea } from './tab-state';
import { getDefaultXrefIndex } from '../../lib/xref/match';

/** The test hook, reachable from a test driving the service worker / background page. */
export interface TestHook {
  getState(tabId: number): Promise<TabState | null>;
  toggle(tabId: number): Promise<boolean | null>;
  /** What the context menu's "Annotate this page" does. */
  annotate(tabId: number): Promise<Result<null>>;
}

declare global {
  var __attributionLens: TestHook | undefined;
}

export default defineBackground(() => {
  // NOTE: storage.session exists in Chrome 102+ and Firefox 115+; without it state is memory-only.
  const session = (browser.storage as unknown as { session?: SessionArea }).session ?? null;
  const store = new TabStateStore(session);
  const articleTabs = new Set<number>();
  let settingsCache: Settings | null = null;
  const deps: BackgroundDeps = {
    store,
    local: browser.storage.local,
    session,
    analyze, // the engine and its knowledge base load once, here, for all tabs
    inject: async tabId => {
      await injectArticleScript(tabId);
      articleTabs.add(tabId);
    },
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
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, router));
  browser.tabs.onRemoved.addListener(tabId => {
    articleTabs.delete(tabId);
    void store.remove(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A new document in the tab: forget the old page's report and badge.
    if (change.status !== 'loading' || !tab.url) return;
    articleTabs.delete(tabId);
    const url = tab.url;
    const since = Date.now();
    // Through currentSettings, so a recovery notice is kept for the popup (not lost on rewrite).
    void currentSettings(deps).then(async settings => {
      // NOTE: on a fast page the new document's detector can report while settings are read;
      // resetting then would wipe its state (found by tests/e2e/real-pages.spec.ts: tabs stuck 'idle').
      const current = await store.get(tabId);
      if (current && current.url === url && current.updatedAt >= since) return;
      const on = highlightsOnFor(settings, hostOf(url) ?? '');
      await updateBadge(tabId, await store.reset(tabId, url, { highlightsOn: on }));
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
  // The knowledge base's index and the cross-reference index are built now, at worker start,
  // not on the first article (a woken worker then answers its first analysis sooner).
  bundledKb();
  getDefaultXrefIndex();

  globalThis.__attributionLens = {
    getState: tabId => store.get(tabId),
    toggle: tabId => toggleTab(deps, tabId),
    annotate: tabId => annotateTab(deps, tabId),
  };
});
