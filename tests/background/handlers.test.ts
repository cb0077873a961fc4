import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractedArticle, Report } from '../../lib/types';
import type { Settings } from '../../lib/messaging/protocol';
import { contentHandlers, forgetPrepared, pageHandlers, type BackgroundDeps } from '../../entrypoints/background/handlers';
import { routeMessage, type RouterOptions } from '../../entrypoints/background/router';
import { TabStateStore, type SessionArea } from '../../entrypoints/background/tab-state';
import { badgeText } from '../../entrypoints/background/badge';
import { SETTINGS_KEY, defaultSettings } from '../../lib/storage/settings';

/** A Map-backed storage area (storage.local / storage.session). */
function area(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async key => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async items => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async key => void data.delete(key),
  };
}

const ARTICLE: ExtractedArticle = {
  source: { url: 'https://news.example/a', title: 'T', site: 'news.example', published: null, language: 'en' },
  detected: true,
  detectReasons: ['JSON-LD NewsArticle'],
  text: 'The Netherlands blamed China for the hack.',
};

/** A fixed engine result for the plumbing (the real engine has its own tests). */
function report(relevant: boolean): Report {
  return {
    schema: 'attribution-lens/report@1',
    source: ARTICLE.source,
    article: { detected: true, relevant, relevance: relevant ? 1 : 0, reasons: [], words: 7 },
    actors: [
      { id: 'state:NL', name: 'Netherlands', type: 'state', country: 'NL', aliases: [], kb: 'iso:NL', mentions: [{ start: 4, end: 15, text: 'Netherlands' }] },
      { id: 'state:CN', name: 'China', type: 'state', country: 'CN', aliases: [], kb: 'iso:CN', mentions: [{ start: 24, end: 29, text: 'China' }] },
    ],
    claims: relevant
      ? [{ id: 'c1', kind: 'attribution', claimant: 'state:NL', accused: ['state:CN'], sentence: ARTICLE.text, start: 0, end: 42, quote: false, confidence: null }]
      : [],
    crossReferences: [],
  };
}

const draftOf = ({ actors, claims, article }: Report) => ({ actors, claims, article });
/** Lets the tasks the handlers left behind run (the report's completion after the answer). */
const settle = () => new Promise(resolve => setTimeout(resolve, 0)).then(() => new Promise(resolve => setTimeout(resolve, 0)));
/** What the article script sends once its highlights are drawn: the report is then completed. */
const drawn = async (tabId = 7) => {
  await router.content.reportAnchoring({ url: 'https://news.example/a', anchored: 2, missed: 0 }, { tabId, url: 'https://news.example/a' });
  await settle();
};

const EXT = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
let deps: BackgroundDeps;
let router: RouterOptions;
let local: ReturnType<typeof area>;
let session: ReturnType<typeof area>;
let relevant = true;
const contentSender = { id: EXT, url: 'https://news.example/a', frameId: 0, tab: { id: 7, url: 'https://news.example/a' } };
const pageSender = { id: EXT, url: `${ORIGIN}popup.html?tabId=7` };
const msg = (from: string, method: string, payload: unknown) => ({ al: 1, from, method, payload });

beforeEach(() => {
  local = area();
  session = area();
  relevant = true;
  deps = {
    store: new TabStateStore(session),
    local,
    session,
    draft: vi.fn(() => draftOf(report(relevant))),
    finish: vi.fn(() => report(relevant)),
    inject: vi.fn(async () => {}),
    detectorVerdict: vi.fn(async () => null),
    sendToTab: vi.fn(async () => ({ ok: true as const, value: null })),
    tabUrl: async () => 'https://news.example/a',
    setBadge: vi.fn(async () => {}),
    knownTabs: () => [7],
  } as BackgroundDeps;
  router = { extensionId: EXT, extensionOrigin: ORIGIN, content: contentHandlers(deps), page: pageHandlers(deps) };
});

describe('router: sender and shape checks', () => {
  it.each([
    ['foreign extension', msg('content', 'getPageSettings', { url: 'https://x.example/' }), { ...contentSender, id: 'other' }],
    ['content message without a tab', msg('content', 'getPageSettings', { url: 'https://x.example/' }), { id: EXT, url: 'https://x.example/' }],
    ['content message from a subframe', msg('content', 'getPageSettings', { url: 'https://x.example/' }), { ...contentSender, frameId: 3 }],
    ['page method sent by a content script', msg('page', 'getSettings', {}), contentSender],
    ['content method name sent as page', msg('page', 'analyseArticle', {}), pageSender],
    ['unknown method', msg('content', 'eval', {}), contentSender],
    ['bad payload', msg('content', 'analyseArticle', { url: 'https://news.example/a', article: { text: 5 }, forced: false }), contentSender],
    ['javascript: URL', msg('content', 'getPageSettings', { url: 'javascript:alert(1)' }), contentSender],
    ['not an envelope', { method: 'getSettings' }, pageSender],
    ['prototype key as method', msg('page', 'constructor', {}), pageSender],
    ['article sent ahead without text', msg('content', 'prepareArticle', { url: 'https://news.example/a', article: { ...ARTICLE, text: undefined } }), contentSender],
    ['article sent ahead from an extension page', msg('page', 'prepareArticle', { url: 'https://news.example/a', article: ARTICLE }), pageSender],
    ['loadReadability with a payload', msg('content', 'loadReadability', { file: '/x.js' }), contentSender],
  ])('rejects %s', async (_label, message, sender) => {
    const res = await routeMessage(message, sender, router);
    expect(res.ok).toBe(false);
    expect(deps.draft).not.toHaveBeenCalled();
  });

  it('accepts a well-formed content message and analyses once', async () => {
    const res = await routeMessage(msg('content', 'analyseArticle', { url: 'https://news.example/a', article: ARTICLE, forced: false }), contentSender, router);
    expect(res).toMatchObject({ ok: true, value: { annotate: true, highlightsOn: true } });
    // Answered before the cross-references: the state is complete a task later.
    expect((await deps.store.get(7))?.status).toBe('analysing');
    expect(deps.finish).not.toHaveBeenCalled();
    // …and, on a page to highlight, after the page says its highlights are drawn.
    await settle();
    expect(deps.finish).not.toHaveBeenCalled();
    await drawn();
    expect(deps.finish).toHaveBeenCalledTimes(1);
    const state = await deps.store.get(7);
    expect(state).toMatchObject({ status: 'done', url: 'https://news.example/a' });
    expect(badgeText(state)).toBe('1');
  });
});

describe('the article sent ahead by the detector', () => {
  const content = { tabId: 7, url: 'https://news.example/a' };
  const analyse = (article: ExtractedArticle) => router.content.analyseArticle({ url: 'https://news.example/a', article, forced: false }, content);

  it('is analysed on arrival and not again when the article script sends the same article', async () => {
    // The answer is what the detector draws at once: actors and claims, with the settings.
    const early = await router.content.prepareArticle({ url: 'https://news.example/a', article: ARTICLE }, content);
    const drawnAtOnce = early.ok && early.value && 'report' in early.value ? early.value : null;
    expect(drawnAtOnce && Object.keys(drawnAtOnce.report).sort()).toEqual(['actors', 'claims']);
    expect(drawnAtOnce?.report.claims.map(c => c.kind)).toEqual(['attribution']);
    expect(drawnAtOnce?.settings.scheme).toBe(defaultSettings().scheme);
    expect(deps.draft).toHaveBeenCalledTimes(1);
    // The article script completes the source (the detector sends the URL only): the
    // language work is not done again for it.
    const res = await analyse({ ...structuredClone(ARTICLE), source: { ...ARTICLE.source, published: '2021-07-19' } });
    expect(deps.draft).toHaveBeenCalledTimes(1);
    // The page gets actors and claims only; the popup reads the whole report from the state.
    expect(res.ok && Object.keys(res.value.report).sort()).toEqual(['actors', 'claims']);
    // The popup (getTabState) waits for the whole report, cross-references included.
    expect((await router.page.getTabState({ tabId: 7 }, null)).ok && (await deps.store.get(7))?.report?.crossReferences).toEqual([]);
    expect(deps.finish).toHaveBeenCalledTimes(1);
    // Taken once: a re-analysis of the same page runs the engine again.
    await analyse(ARTICLE);
    expect(deps.draft).toHaveBeenCalledTimes(2);
  });

  it('is not used for a different text, verdict or page', async () => {
    for (const other of [
      { ...ARTICLE, text: `${ARTICLE.text} More.` },
      { ...ARTICLE, detected: false },
      { ...ARTICLE, detectReasons: ['has an <article> element'] },
    ]) {
      vi.mocked(deps.draft).mockClear();
      await router.content.prepareArticle({ url: 'https://news.example/a', article: ARTICLE }, content);
      await analyse(other);
      expect(deps.draft).toHaveBeenCalledTimes(2);
      expect(vi.mocked(deps.draft).mock.calls[1][0]).toEqual(other);
    }
    vi.mocked(deps.draft).mockClear();
    await router.content.prepareArticle({ url: 'https://news.example/b', article: ARTICLE }, content);
    await analyse(ARTICLE);
    expect(deps.draft).toHaveBeenCalledTimes(2);
  });

  it('is not drawn at once with the highlights off for the site', async () => {
    deps.settingsNow = () => ({ ...defaultSettings(), sites: { 'news.example': false } });
    expect(await router.content.prepareArticle({ url: 'https://news.example/a', article: ARTICLE }, content)).toEqual({ ok: true, value: null });
    // Prepared all the same: the article script's analysis finds the draft.
    await analyse(ARTICLE);
    expect(deps.draft).toHaveBeenCalledTimes(1);
  });

  it('when not relevant, settles the tab itself: the page needs no article script', async () => {
    relevant = false;
    expect(await router.content.prepareArticle({ url: 'https://news.example/a', article: ARTICLE }, content)).toEqual({ ok: true, value: { annotate: false } });
    // What the popup reads: the whole report, as after the article script's analysis.
    expect(await router.page.getTabState({ tabId: 7 }, null)).toMatchObject({ value: { status: 'not-relevant', url: 'https://news.example/a', report: { article: { relevant: false } } } });
    expect(deps.finish).toHaveBeenCalledTimes(1);
    expect(badgeText(await deps.store.get(7))).toBe('');
    expect(deps.inject).not.toHaveBeenCalled();
    // "Annotate anyway" later injects the article script, whose analysis finds the draft.
    await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: true }, content);
    expect(deps.draft).toHaveBeenCalledTimes(1);
    await drawn();
    expect(await deps.store.get(7)).toMatchObject({ status: 'done', forced: true });
  });

  it('when not relevant on a forced tab or a turned-off site, leaves the tab to the article script', async () => {
    relevant = false;
    await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: true }, content);
    await drawn();
    expect(await router.content.prepareArticle({ url: 'https://news.example/a', article: ARTICLE }, content)).toEqual({ ok: true, value: null });
    expect(await deps.store.get(7)).toMatchObject({ status: 'done', forced: true });
    vi.mocked(deps.finish).mockClear();
    deps.settingsNow = () => ({ ...defaultSettings(), neverRun: ['news.example'] });
    expect(await router.content.prepareArticle({ url: 'https://news.example/b', article: ARTICLE }, { tabId: 8, url: 'https://news.example/b' })).toEqual({ ok: true, value: null });
    await settle();
    expect(deps.finish).not.toHaveBeenCalled();
  });

  it('is dropped when the tab navigates, and skipped on never-run sites', async () => {
    await router.content.prepareArticle({ url: 'https://news.example/a', article: ARTICLE }, content);
    forgetPrepared(7);
    await analyse(ARTICLE);
    expect(deps.draft).toHaveBeenCalledTimes(2);
    vi.mocked(deps.draft).mockClear();
    deps.settingsNow = () => ({ ...defaultSettings(), neverRun: ['news.example'] });
    await router.content.prepareArticle({ url: 'https://news.example/a', article: ARTICLE }, content);
    expect(deps.draft).not.toHaveBeenCalled();
  });

  it('an engine error while preparing is reported by the analysis that follows', async () => {
    vi.mocked(deps.draft).mockImplementation(() => {
      throw new Error('engine down');
    });
    expect(await router.content.prepareArticle({ url: 'https://news.example/a', article: ARTICLE }, content)).toEqual({ ok: true, value: null });
    expect(await analyse(ARTICLE)).toEqual({ ok: false, error: 'engine down' });
    expect(await deps.store.get(7)).toMatchObject({ status: 'error', error: 'engine down' });
  });

  it("keeps the page's anchoring count that arrives before the report is complete; a newer run wins", async () => {
    await analyse(ARTICLE);
    await router.content.reportAnchoring({ url: 'https://news.example/a', anchored: 3, missed: 0 }, content);
    await settle();
    expect(await deps.store.get(7)).toMatchObject({ status: 'done', anchoring: { anchored: 3, missed: 0 } });
    // Two runs back to back (the page changed): only the second one's report is kept.
    relevant = true;
    await analyse(ARTICLE);
    relevant = false;
    await analyse({ ...ARTICLE, text: `${ARTICLE.text} Nothing else.` });
    await settle();
    expect(deps.finish).toHaveBeenCalledTimes(2);
    expect(await deps.store.get(7)).toMatchObject({ status: 'not-relevant' });
  });

  it('a page that never reports its highlights still gets its report (after a bounded wait)', async () => {
    await analyse(ARTICLE);
    const t0 = Date.now();
    expect(await router.page.getTabState({ tabId: 7 }, null)).toMatchObject({ value: { status: 'done' } });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(deps.finish).toHaveBeenCalledTimes(1);
  });

  it('a failure matching cross-references becomes an error state', async () => {
    vi.mocked(deps.finish).mockImplementation(() => {
      throw new Error('index broken');
    });
    expect((await analyse(ARTICLE)).ok).toBe(true);
    expect(await router.page.getTabState({ tabId: 7 }, null)).toMatchObject({ value: { status: 'error', error: 'index broken' } });
  });

  it('loadReadability injects the Readability script into the sender tab', async () => {
    expect(await router.content.loadReadability({}, content)).toEqual({ ok: true, value: null });
    expect(deps.inject).toHaveBeenCalledWith(7, 'readability');
    vi.mocked(deps.inject).mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await router.content.loadReadability({}, content)).toMatchObject({ ok: false, error: expect.stringContaining('Cannot access') });
  });
});

describe('"not an article" is asked of the detector when someone looks', () => {
  const verdict = (value: { url: string; candidate: boolean; noCyber?: boolean } | null) => vi.mocked(deps.detectorVerdict).mockResolvedValue(value);

  it('an idle tab whose detector settled a candidate for lack of cyber vocabulary becomes not-relevant, with no badge', async () => {
    await deps.store.reset(7, 'https://news.example/a');
    verdict({ url: 'https://news.example/a', candidate: true, noCyber: true });
    const res = await router.page.getTabState({ tabId: 7 }, null);
    expect(res).toMatchObject({ ok: true, value: { status: 'not-relevant', url: 'https://news.example/a', report: null } });
    expect(deps.setBadge).toHaveBeenLastCalledWith(7, expect.objectContaining({ status: 'not-relevant' }));
    // An article script that answered meanwhile wins over the verdict.
    await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: true }, { tabId: 7, url: '' });
    expect(await router.page.getTabState({ tabId: 7 }, null)).toMatchObject({ value: { status: 'done' } });
  });

  it('an idle tab whose detector found no candidate becomes not-article', async () => {
    await deps.store.reset(7, 'https://news.example/a');
    verdict({ url: 'https://news.example/a', candidate: false });
    const res = await router.page.getTabState({ tabId: 7 }, null);
    expect(res).toMatchObject({ ok: true, value: { status: 'not-article', url: 'https://news.example/a' } });
    expect(deps.detectorVerdict).toHaveBeenCalledWith(7);
    expect(deps.setBadge).toHaveBeenCalled();
  });

  it('stays idle for a candidate, a silent tab, or a verdict about another page; known states are not asked about', async () => {
    await deps.store.reset(7, 'https://news.example/a');
    verdict({ url: 'https://news.example/a', candidate: true });
    expect(await router.page.getTabState({ tabId: 7 }, null)).toMatchObject({ value: { status: 'idle' } });
    verdict(null);
    expect(await router.page.getTabState({ tabId: 7 }, null)).toMatchObject({ value: { status: 'idle' } });
    verdict({ url: 'https://news.example/other', candidate: false });
    expect(await router.page.getTabState({ tabId: 7 }, null)).toMatchObject({ value: { status: 'idle' } });
    await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: false }, { tabId: 7, url: '' });
    vi.mocked(deps.detectorVerdict).mockClear();
    expect(await router.page.getTabState({ tabId: 7 }, null)).toMatchObject({ value: { status: 'done' } });
    expect(deps.detectorVerdict).not.toHaveBeenCalled();
  });

  it('a tab with no state at all takes the URL from the verdict', async () => {
    verdict({ url: 'https://news.example/c', candidate: false });
    expect(await router.page.getTabState({ tabId: 9 }, null)).toMatchObject({ value: { tabId: 9, status: 'not-article', url: 'https://news.example/c' } });
  });
});

describe('tab state and toggles', () => {
  it('survives a service-worker restart (storage.session mirror) and is removed with the tab', async () => {
    await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: false }, { tabId: 7, url: '' });
    // The report and its mirror come after the answer (the page is not kept waiting for them).
    expect((session.data.get('tab:7') as { status?: string } | undefined)?.status).not.toBe('done');
    await drawn();
    expect(session.data.get('tab:7')).toMatchObject({ status: 'done' });
    deps.store.forgetMemory();
    expect((await deps.store.get(7))?.report?.claims).toHaveLength(1);
    await deps.store.remove(7);
    deps.store.forgetMemory();
    expect(await deps.store.get(7)).toBeNull();
  });

  it('not relevant: no annotation, empty badge; forced: annotated', async () => {
    relevant = false;
    const res = await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: false }, { tabId: 7, url: '' });
    expect(res.ok && res.value.annotate).toBe(false);
    await settle();
    expect(badgeText(await deps.store.get(7))).toBe('');
    const annotate = await router.page.annotateTab({ tabId: 7 }, null);
    expect(annotate.ok).toBe(true);
    const forced = await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: false }, { tabId: 7, url: '' });
    expect(forced.ok && forced.value.annotate).toBe(true);
    await drawn();
    expect((await deps.store.get(7))?.status).toBe('done');
  });

  it('setHighlights tells the tab and remembers the site', async () => {
    await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: false }, { tabId: 7, url: '' });
    const res = await router.page.setHighlights({ tabId: 7, on: false, remember: true }, null);
    expect(res.ok && res.value?.highlightsOn).toBe(false);
    expect(deps.sendToTab).toHaveBeenCalledWith(7, 'setHighlights', { on: false });
    expect((local.data.get(SETTINGS_KEY) as Settings).sites['news.example']).toBe(false);
    const page = await router.content.getPageSettings({ url: 'https://news.example/b' }, { tabId: 8, url: '' });
    expect(page.ok && page.value.highlightsOn).toBe(false);
  });

  it('never-run sites are never injected nor analysed', async () => {
    await router.page.saveSettings({ settings: { ...defaultSettings(), neverRun: ['example'] } }, null);
    const inj = await router.content.requestArticleScript({ url: 'https://news.example/a', reasons: [] }, { tabId: 7, url: '' });
    expect(inj).toEqual({ ok: true, value: { injected: false } });
    expect(deps.inject).not.toHaveBeenCalled();
    const res = await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: true }, { tabId: 7, url: '' });
    expect(res.ok).toBe(false);
    expect(deps.draft).not.toHaveBeenCalled();
    expect((await router.page.annotateTab({ tabId: 7 }, null)).ok).toBe(false);
  });

  it('corrupt stored settings come back as defaults with a notice, cleared by saving', async () => {
    local.data.set(SETTINGS_KEY, { version: 2, defaultOn: 'yes', sites: 3 });
    const got = await router.page.getSettings({}, null);
    expect(got.ok && got.value.defaultOn).toBe(true);
    expect(got.ok && got.value.notice).toMatch(/reset to the defaults/);
    const again = await router.page.getSettings({}, null);
    expect(again.ok && again.value.notice).toMatch(/reset/);
    await router.page.saveSettings({ settings: defaultSettings() }, null);
    const after = await router.page.getSettings({}, null);
    expect(after.ok && after.value.notice).toBeNull();
  });

  it('an engine error becomes an error state, not a crash', async () => {
    deps.draft = () => {
      throw new Error('boom');
    };
    router = { ...router, content: contentHandlers(deps) };
    const res = await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: false }, { tabId: 7, url: '' });
    expect(res).toEqual({ ok: false, error: 'boom' });
    expect((await deps.store.get(7))?.status).toBe('error');
  });
});

describe('the recovery notice is not lost', () => {
  it('survives a toggle that reads the settings before the popup does', async () => {
    local.data.set(SETTINGS_KEY, { version: 2, scheme: 42 });
    await router.page.setHighlights({ tabId: 7, on: false, remember: true }, null);
    const got = await router.page.getSettings({}, null);
    expect(got.ok && got.value.notice).toMatch(/reset/);
  });
});

describe('a new page in a tab', () => {
  it.each(['reset first', 'update first'])('does not wipe a state the new page reported while the tab state was loading (%s)', async order => {
    // A session area whose reads take a while (a woken worker reading storage.session).
    const slow = area();
    let release: () => void = () => undefined;
    const gate = new Promise<void>(resolve => (release = resolve));
    const store = new TabStateStore({ ...slow, get: async key => (await gate, slow.get(key)) });
    const since = Date.now();
    const url = 'https://news.example/a';
    // The detector's request lands while the reset waits: the site is switched off.
    const reset = () => store.resetUnlessNewer(3, url, since, { highlightsOn: true });
    const update = () => store.update(3, url, { url, status: 'disabled' });
    const pending = order === 'reset first' ? [reset(), update()] : [update(), reset()];
    release();
    await Promise.all(pending);
    expect(await store.get(3)).toMatchObject({ status: 'disabled', url });
    expect(slow.data.get('tab:3')).toMatchObject({ status: 'disabled' });
  });

  it('resets an older state, or one of another URL', async () => {
    const store = new TabStateStore(area());
    await store.update(3, 'https://news.example/a', { url: 'https://news.example/a', status: 'done' });
    expect(await store.resetUnlessNewer(3, 'https://news.example/a', Date.now() - 60_000)).toBeNull();
    expect(await store.resetUnlessNewer(3, 'https://news.example/b', Date.now() - 60_000)).toMatchObject({ status: 'idle', url: 'https://news.example/b' });
    expect(await store.resetUnlessNewer(3, 'https://news.example/b', Date.now() + 1000)).toMatchObject({ status: 'idle' });
  });
});
