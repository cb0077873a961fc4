import type { Draft } from '../../lib/engine';
import type { ExtractedArticle, Report } from '../../lib/types';
import { errorText } from '../../lib/messaging/client';
import type {
  BackgroundToContent,
  ContentToBackground,
  PayloadOf,
  PopupToBackground,
  PreparedAnswer,
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
import type { DetectorVerdict } from '../../lib/page/handoff';
import type { ScriptName } from './inject';
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
  /** The engine's language work: what the page needs to highlight (lib/engine.ts). */
  draft: (article: ExtractedArticle) => Draft;
  /** The rest of the report: cross-references. */
  finish: (article: ExtractedArticle, draft: Draft) => Report;
  /** Runs one of our runtime-registered scripts in the tab's top frame. */
  inject: (tabId: number, script: ScriptName) => Promise<void>;
  /** The detector's verdict on the tab's page (null: no detector there, or unreadable). */
  detectorVerdict: (tabId: number) => Promise<DetectorVerdict | null>;
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

/**
 * Analyses of articles the detector sent ahead (`prepareArticle`), per tab, until the article
 * script's `analyseArticle` with the same article takes them. One per tab; dropped when the tab
 * navigates or closes ({@link forgetPrepared}).
 */
interface Prepared {
  url: string;
  article: ExtractedArticle;
  draft: Draft;
}
const prepared = new Map<number, Prepared>();
/** Per tab, the number of the latest `analyseArticle`: an older run's late result is dropped. */
const latestRun = new Map<number, number>();
/** Per tab, the completion of the latest report (the popup waits for it rather than show half). */
const finishing = new Map<number, Promise<void>>();
/** Per tab, what `reportAnchoring` calls: the page has drawn its highlights. */
const anchoredWaiters = new Map<number, () => void>();
/** The longest the cross-references wait for a page's highlights. */
const FINISH_WAIT_MS = 250;

const nextTask = (): Promise<void> => new Promise(resolve => setTimeout(resolve, 0));

/** Resolves when tab `tabId` reports its anchoring, or after FINISH_WAIT_MS. */
function anchoredOrTimeout(tabId: number): Promise<void> {
  anchoredWaiters.get(tabId)?.();
  return new Promise(resolve => {
    const done = (): void => {
      clearTimeout(timer);
      if (anchoredWaiters.get(tabId) === done) anchoredWaiters.delete(tabId);
      resolve();
    };
    const timer = setTimeout(done, FINISH_WAIT_MS);
    anchoredWaiters.set(tabId, done);
  });
}

/** Drops the tab's analysis sent ahead, if any (the tab navigated or closed). */
export function forgetPrepared(tabId: number): void {
  prepared.delete(tabId);
  finishing.delete(tabId);
}

/**
 * Does the draft of `a` serve for `b`? The language work reads the text and the verdict only:
 * the source (which the detector leaves for the article script to complete) does not count.
 */
function sameDraftInput(a: ExtractedArticle, b: ExtractedArticle): boolean {
  return a.text === b.text && a.detected === b.detected && JSON.stringify(a.detectReasons) === JSON.stringify(b.detectReasons);
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
  /** The tab's error state for an engine failure; the message for the page. */
  const engineFailed = async (tabId: number, url: string, err: unknown): Promise<string> => {
    const error = errorText(err);
    console.error('[attribution-lens] engine failed', err);
    const state = await deps.store.update(tabId, url, { status: 'error', error, report: null });
    await deps.setBadge(tabId, state);
    return error;
  };
  /**
   * A new analysis of tab `tabId`: its state says so at once (in memory; storage.session gets it
   * in a later task), and it gets the run number that lets a newer run win over it.
   */
  const beginRun = async (tabId: number, url: string, highlightsOn: boolean): Promise<number> => {
    void (await deps.store.updateInMemory(tabId, url, { url, status: 'analysing', highlightsOn, anchoring: null })).persisted;
    const run = (latestRun.get(tabId) ?? 0) + 1;
    latestRun.set(tabId, run);
    return run;
  };
  /**
   * A candidate the detector sent that is not relevant: the tab's state is settled here, as
   * `analyseArticle` would settle it, and the detector asks for no article script (most news
   * articles a reader opens are about something else: they then cost the page the detector's
   * reading only). Not for a forced tab (the article script annotates it anyway): null, the
   * article script decides.
   */
  const settleUnannotated = async (tabId: number, { url, article, draft }: Prepared, settings: Settings): Promise<PreparedAnswer> => {
    const previous = await deps.store.get(tabId);
    if (previous?.forced === true && previous.url === url) return null;
    const run = await beginRun(tabId, url, await highlightsFor(deps, tabId, url, settings));
    settle(tabId, url, article, draft, false, false, run);
    return { annotate: false };
  };
  /**
   * The tab's final state for `draft` of `article`, run `run` of the tab: the page waits for the
   * answer to highlight, so the cross-references (and with them the tab's state, badge and
   * storage.session copy) follow in the next task. A newer run of the same tab wins over this one.
   * On an annotated page they wait until the page reports its highlights drawn (or
   * FINISH_WAIT_MS): on a machine with few cores, matching them would otherwise compete with the
   * page's own highlighting for the processor.
   */
  const settle = (tabId: number, url: string, article: ExtractedArticle, draft: Draft, annotate: boolean, force: boolean, run: number): void => {
    const status = annotate ? 'done' : draft.article.detected ? 'not-relevant' : 'not-article';
    const finished = (annotate ? anchoredOrTimeout(tabId) : nextTask()).then(async () => {
      if (latestRun.get(tabId) !== run) return;
      let report: Report;
      try {
        report = deps.finish(article, draft);
      } catch (err) {
        await engineFailed(tabId, url, err);
        return;
      }
      const { state, persisted } = await deps.store.updateInMemory(tabId, url, { status, report, forced: force, error: null });
      await persisted;
      await deps.setBadge(tabId, state);
    });
    finishing.set(tabId, finished.catch(err => console.warn('[attribution-lens] could not store the state or set the badge', err)));
  };
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
      const run = await beginRun(tabId, url, highlightsOn);
      const ahead = prepared.get(tabId);
      prepared.delete(tabId);
      const reuse = ahead && ahead.url === url && sameDraftInput(ahead.article, article) ? ahead : null;
      let draft: Draft;
      try {
        draft = reuse?.draft ?? deps.draft(article);
      } catch (err) {
        return fail(await engineFailed(tabId, url, err));
      }
      const annotate = force || draft.article.relevant;
      settle(tabId, url, article, draft, annotate, force, run);
      return ok({ report: { actors: draft.actors, claims: draft.claims }, annotate, highlightsOn, settings });
    },

    async prepareArticle({ url, article }, { tabId }) {
      // Synchronous up to the analysis (no await before it): the article script's
      // `analyseArticle`, sent later from the same page, finds the draft ready. The
      // cross-references wait until that message is answered (the worker is free for it).
      const host = hostOf(url) ?? '';
      const known = deps.settingsNow?.();
      if (known && isNeverRun(known, host)) return ok(null);
      let entry: Prepared;
      try {
        entry = { url, article, draft: deps.draft(article) };
      } catch {
        prepared.delete(tabId); // `analyseArticle` analyses again and reports the error
        return ok(null);
      }
      prepared.set(tabId, entry);
      // A site turned off meanwhile: the article script's request records that.
      const settings = known ?? (await currentSettings(deps));
      if (isNeverRun(settings, host)) return ok(null);
      if (!entry.draft.article.relevant) return ok(await settleUnannotated(tabId, entry, settings));
      // The detector draws a relevant article's highlights at once (forced pages, whose tab
      // state says so, wait for the article script).
      if (!(await highlightsFor(deps, tabId, url, settings))) return ok(null);
      return ok({ report: { actors: entry.draft.actors, claims: entry.draft.claims }, settings });
    },

    async loadReadability(_payload, { tabId }) {
      try {
        await deps.inject(tabId, 'readability');
        return ok(null);
      } catch (err) {
        return fail(`could not load Readability: ${errorText(err)}`);
      }
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
        await deps.inject(tabId, 'article');
        return ok({ injected: true });
      } catch (err) {
        return fail(`could not inject the article script: ${errorText(err)}`);
      }
    },

    async reportAnchoring({ url, anchored, missed }, { tabId }) {
      anchoredWaiters.get(tabId)?.();
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
    await deps.inject(tabId, 'article');
    return ok(null);
  } catch (err) {
    return fail(`This page cannot be annotated: ${errorText(err)}`);
  }
}

/**
 * The tab's state; when nothing is known yet ('idle'), the detector's verdict is asked for: the
 * detector sends nothing on pages that are not articles (it would cost every page a message),
 * nor on candidates it settled for lack of cyber vocabulary, so "not an article" and that "not
 * relevant" are learnt here, when someone looks (the popup, tests).
 */
export async function resolveTabState(deps: BackgroundDeps, tabId: number): Promise<TabState | null> {
  await finishing.get(tabId);
  const state = await deps.store.get(tabId);
  if (state && state.status !== 'idle') return state;
  const verdict = await deps.detectorVerdict(tabId);
  // No answer: no detector there (a browser page, a page loaded before the extension) or not yet.
  if (verdict === null || (verdict.candidate && !verdict.noCyber)) return state;
  const { url } = verdict;
  if (state && state.url !== url) return state;
  const now = await deps.store.get(tabId);
  if (now && now.status !== 'idle') return now; // the article script answered meanwhile
  const status = verdict.noCyber ? 'not-relevant' : 'not-article';
  const next = await deps.store.update(tabId, url, { url, status, error: null, report: null });
  await deps.setBadge(tabId, next);
  return next;
}

/** Handlers for messages from the popup and options pages. */
export function pageHandlers(deps: BackgroundDeps): Handlers<PopupToBackground, null> {
  const pushSettings = async (settings: Settings): Promise<void> => {
    await Promise.all(deps.knownTabs().map(id => deps.sendToTab(id, 'applySettings', { settings })));
  };
  return {
    getTabState: async ({ tabId }) => ok(await resolveTabState(deps, tabId)),
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
