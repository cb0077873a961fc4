import type { ExtractedArticle, Report } from '../../lib/types';
import type {
  BackgroundToContent,
  ContentToBackground,
  PayloadOf,
  PopupToBackground,
  ResponseOf,
  Result,
  Settings,
  TabState,
} from '../../lib/messaging/protocol';
import {
  defaultSettings,
  highlightsOnFor,
  hostOf,
  isNeverRun,
  loadSettings,
  saveSettings,
  type KeyValueArea,
} from '../../lib/storage/settings';
import type { SessionArea, TabStateStore } from './tab-state';

/**
 * The background side of `ContentToBackground` and `PopupToBackground`. Handlers receive payloads
 * that `router.ts` already checked for sender and shape; they return `Result`s, never throw for
 * expected outcomes. Everything browser-specific comes in through `BackgroundDeps`, so tests run
 * them against fakes.
 */

/** Who sent a content message: the tab and its top-frame URL. */
export interface ContentSender {
  tabId: number;
  url: string;
}

/** A handler map for `T`; `S` is the sender info passed along. */
export type Handlers<T, S> = { [M in keyof T]: (payload: PayloadOf<T, M>, sender: S) => Promise<ResponseOf<T, M>> };

/** Everything the handlers need from the outside. */
export interface BackgroundDeps {
  store: TabStateStore;
  local: KeyValueArea;
  session: SessionArea | null;
  analyze: (article: ExtractedArticle) => Report;
  inject: (tabId: number) => Promise<void>;
  sendToTab: <M extends keyof BackgroundToContent>(
    tabId: number,
    method: M,
    payload: PayloadOf<BackgroundToContent, M>,
  ) => Promise<ResponseOf<BackgroundToContent, M>>;
  tabUrl: (tabId: number) => Promise<string | null>;
  setBadge: (tabId: number, state: TabState | null) => Promise<void>;
  /** Tab ids that currently have an article script (to push settings to). */
  knownTabs: () => number[];
  /**
   * The settings kept in memory (refreshed on every storage change), or null when not loaded
   * yet: lets the detector's injection request skip the storage read on the critical path.
   */
  settingsNow?: () => Settings | null;
}

const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const NOTICE_KEY = 'settingsNotice';

/** Settings plus the recovery notice (kept in session storage until the next save). */
export async function currentSettings(deps: BackgroundDeps): Promise<Settings> {
  const { settings, notice } = await loadSettings(deps.local);
  if (notice) await deps.session?.set({ [NOTICE_KEY]: notice });
  const kept = notice ?? ((await deps.session?.get(NOTICE_KEY))?.[NOTICE_KEY] as string | undefined) ?? null;
  return { ...settings, notice: kept };
}

/** Highlights on for `url` in tab `tabId`: the tab's own toggle for this URL, else the setting. */
async function highlightsFor(deps: BackgroundDeps, tabId: number, url: string, settings: Settings): Promise<boolean> {
  const state = await deps.store.get(tabId);
  if (state && state.url === url && state.status !== 'idle') return state.highlightsOn;
  return highlightsOnFor(settings, hostOf(url) ?? '');
}

/** Handlers for messages from content scripts. */
export function contentHandlers(deps: BackgroundDeps): Handlers<ContentToBackground, ContentSender> {
  return {
    async analyseArticle({ url, article, forced }, { tabId }) {
      const settings = deps.settingsNow?.() ?? (await currentSettings(deps));
      const host = hostOf(url) ?? '';
      if (isNeverRun(settings, host)) {
        await deps.store.update(tabId, url, { status: 'disabled', report: null });
        return fail('disabled');
      }
      const previous = await deps.store.get(tabId);
      const force = forced || (previous?.forced === true && previous.url === url);
      const highlightsOn = await highlightsFor(deps, tabId, url, settings);
      // In memory at once; storage.session gets it in the background (writes keep their order).
      void (await deps.store.updateInMemory(tabId, url, { url, status: 'analysing', highlightsOn })).persisted;
      let report: Report;
      try {
        report = deps.analyze(article);
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        console.error('[attribution-lens] engine failed', err);
        const state = await deps.store.update(tabId, url, { status: 'error', error, report: null });
        await deps.setBadge(tabId, state);
        return fail(error);
      }
      const annotate = force || report.article.relevant;
      const status = annotate ? 'done' : report.article.detected ? 'not-relevant' : 'not-article';
      // The page waits for this answer to highlight: the state is set in memory (where the popup
      // reads it) before answering; its copy in storage.session and the badge follow.
      const { state, persisted } = await deps.store.updateInMemory(tabId, url, {
        status,
        report,
        forced: force,
        error: null,
        anchoring: null,
      });
      void Promise.all([persisted, deps.setBadge(tabId, state)]).catch(err =>
        console.warn('[attribution-lens] could not store the state or set the badge', err),
      );
      return ok({ report, annotate, highlightsOn, settings });
    },

    async reportStatus({ url, status, error }, { tabId }) {
      const previous = await deps.store.get(tabId);
      // A detector's "not an article" must not wipe a forced annotation of the same page.
      if (previous?.url === url && previous.status === 'done' && status === 'not-article') return ok(null);
      const state = await deps.store.update(tabId, url, { url, status, error: error ?? null, report: null });
      await deps.setBadge(tabId, state);
      return ok(null);
    },

    async getPageSettings({ url }, { tabId }) {
      const settings = await currentSettings(deps);
      const state = await deps.store.get(tabId);
      return ok({
        settings,
        highlightsOn: await highlightsFor(deps, tabId, url, settings),
        disabled: isNeverRun(settings, hostOf(url) ?? ''),
        forced: state?.forced === true && state.url === url,
      });
    },

    async requestArticleScript({ url }, { tabId }) {
      const settings = deps.settingsNow?.() ?? (await currentSettings(deps));
      if (isNeverRun(settings, hostOf(url) ?? '')) {
        await deps.store.update(tabId, url, { url, status: 'disabled' });
        return ok({ injected: false });
      }
      try {
        await deps.inject(tabId);
        return ok({ injected: true });
      } catch (err) {
        return fail(`could not inject the article script: ${err instanceof Error ? err.message : String(err)}`);
      }
    },

    async reportAnchoring({ url, anchored, missed }, { tabId }) {
      await deps.store.update(tabId, url, { anchoring: { anchored, missed } });
      return ok(null);
    },
  };
}

/** Turns highlights on/off in a tab; `remember` stores the choice for the tab's site. */
export async function setTabHighlights(
  deps: BackgroundDeps,
  tabId: number,
  on: boolean,
  remember: boolean,
): Promise<Result<TabState | null>> {
  const state = await deps.store.get(tabId);
  const url = state?.url ?? (await deps.tabUrl(tabId)) ?? '';
  const host = hostOf(url);
  if (remember && host) {
    const settings = await currentSettings(deps);
    await saveSettings(deps.local, { ...settings, sites: { ...settings.sites, [host]: on } });
  }
  if (!state) return ok(null);
  const next = await deps.store.update(tabId, url, { highlightsOn: on });
  // The page may have no article script (not an article): that is not an error for the popup.
  await deps.sendToTab(tabId, 'setHighlights', { on });
  return ok(next);
}

/** Annotates the tab even if it was not detected (popup button, context menu). */
export async function annotateTab(deps: BackgroundDeps, tabId: number): Promise<Result<null>> {
  const url = (await deps.tabUrl(tabId)) ?? '';
  const host = hostOf(url);
  if (!host) return fail('Only web pages (http and https) can be annotated.');
  const settings = await currentSettings(deps);
  if (isNeverRun(settings, host)) return fail(`Attribution Lens is turned off on ${host}.`);
  const previous = await deps.store.get(tabId);
  if (previous?.url === url) await deps.store.update(tabId, url, { forced: true });
  else await deps.store.reset(tabId, url, { forced: true, highlightsOn: highlightsOnFor(settings, host) });
  const existing = await deps.sendToTab(tabId, 'annotate', {});
  if (existing.ok) return ok(null);
  try {
    await deps.inject(tabId);
    return ok(null);
  } catch (err) {
    return fail(`This page cannot be annotated: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Handlers for messages from the popup and options pages. */
export function pageHandlers(deps: BackgroundDeps): Handlers<PopupToBackground, null> {
  const pushSettings = async (settings: Settings): Promise<void> => {
    await Promise.all(deps.knownTabs().map(id => deps.sendToTab(id, 'applySettings', { settings })));
  };
  return {
    getTabState: async ({ tabId }) => ok(await deps.store.get(tabId)),
    setHighlights: ({ tabId, on, remember }) => setTabHighlights(deps, tabId, on, remember),
    annotateTab: ({ tabId }) => annotateTab(deps, tabId),
    async revealActor({ tabId, actorId }) {
      const res = await deps.sendToTab(tabId, 'revealActor', { actorId });
      return res.ok ? ok(null) : fail(res.error);
    },
    getSettings: async () => ok(await currentSettings(deps)),
    async saveSettings({ settings }) {
      const saved = await saveSettings(deps.local, settings);
      if (!saved) return fail('These settings are not valid.');
      await deps.session?.remove(NOTICE_KEY);
      await pushSettings(saved);
      return ok({ ...saved, notice: null });
    },
    async resetSettings() {
      const saved = (await saveSettings(deps.local, defaultSettings())) ?? defaultSettings();
      await deps.session?.remove(NOTICE_KEY);
      await pushSettings(saved);
      return ok({ ...saved, notice: null });
    },
  };
}
