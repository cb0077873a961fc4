import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractedArticle, Report } from '../../lib/types';
import type { Settings } from '../../lib/messaging/protocol';
import { contentHandlers, pageHandlers, type BackgroundDeps } from '../../entrypoints/background/handlers';
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
    analyze: vi.fn(() => report(relevant)),
    inject: vi.fn(async () => {}),
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
  ])('rejects %s', async (_label, message, sender) => {
    const res = await routeMessage(message, sender, router);
    expect(res.ok).toBe(false);
    expect(deps.analyze).not.toHaveBeenCalled();
  });

  it('accepts a well-formed content message and analyses once', async () => {
    const res = await routeMessage(msg('content', 'analyseArticle', { url: 'https://news.example/a', article: ARTICLE, forced: false }), contentSender, router);
    expect(res).toMatchObject({ ok: true, value: { annotate: true, highlightsOn: true } });
    const state = await deps.store.get(7);
    expect(state).toMatchObject({ status: 'done', url: 'https://news.example/a' });
    expect(badgeText(state)).toBe('1');
  });
});

describe('tab state and toggles', () => {
  it('survives a service-worker restart (storage.session mirror) and is removed with the tab', async () => {
    await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: false }, { tabId: 7, url: '' });
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
    expect(badgeText(await deps.store.get(7))).toBe('');
    const annotate = await router.page.annotateTab({ tabId: 7 }, null);
    expect(annotate.ok).toBe(true);
    const forced = await router.content.analyseArticle({ url: 'https://news.example/a', article: ARTICLE, forced: false }, { tabId: 7, url: '' });
    expect(forced.ok && forced.value.annotate).toBe(true);
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
    expect(deps.analyze).not.toHaveBeenCalled();
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
    deps.analyze = () => {
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
