import type { Page, Worker } from '@playwright/test';
import type { TabState } from '../../lib/messaging/protocol';
import fs from 'node:fs';
import path from 'node:path';
import { PAGES_DIR, expect, highlightSizes, serialise, test, waitForState } from './fixtures';

/**
 * The built extension in Chromium over our own pages: highlights per type through the CSS
 * Custom Highlight API, the DOM unchanged, the popup switch, the badge, a hover card, keyboard
 * focus, the negative page, a single-page app, late-loaded text and a strict-CSP page.
 */

declare const chrome: typeof import('wxt/browser').browser;

const badge = (worker: Worker, tabId: number): Promise<string> =>
  worker.evaluate(id => chrome.action.getBadgeText({ tabId: id }), tabId);

/** The page's DOM as its HTML source alone produces it (these pages run no DOM-changing script). */
function pristine(page: Page): Promise<string> {
  const file = path.join(PAGES_DIR, path.basename(new URL(page.url()).pathname));
  const html = fs.readFileSync(file, 'utf8');
  // DOMParser is not subject to the page's CSP (a fetch would be, on the strict-CSP page).
  return page.evaluate(source => new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML, html);
}

/** Every actor type and claim kind of the report has a non-empty highlight. */
function expectHighlightsFor(state: TabState, sizes: Record<string, number>): void {
  const report = state.report;
  expect(report, 'a report').not.toBeNull();
  expect(report!.actors.length, 'actors found by the engine').toBeGreaterThan(0);
  for (const type of new Set(report!.actors.map(a => a.type))) expect(sizes[`al-actor-${type}`] ?? 0, type).toBeGreaterThan(0);
  for (const kind of new Set(report!.claims.map(c => c.kind))) expect(sizes[`al-claim-${kind}`] ?? 0, kind).toBeGreaterThan(0);
}

/** Opens our relevant article and waits until it is analysed and its highlights anchored. */
async function openArticle(
  page: Page,
  baseUrl: string,
  tabIdOf: (page: Page) => Promise<number>,
  tabState: (id: number) => Promise<TabState | null>,
): Promise<{ tabId: number; state: TabState }> {
  await page.goto(`${baseUrl}/attribution.html`);
  const tabId = await tabIdOf(page);
  return { tabId, state: await waitForState(tabState, tabId, s => s?.status === 'done' && s.anchoring !== null) };
}

test('relevant article: highlights per type, DOM unchanged, badge, hover card, keyboard focus', async ({
  page,
  baseUrl,
  worker,
  tabIdOf,
  tabState,
}) => {
  const { tabId, state } = await openArticle(page, baseUrl, tabIdOf, tabState);
  expect(state.report!.article.relevant).toBe(true);
  expect(state.report!.claims.length, 'claims found by the engine').toBeGreaterThan(0);
  const total = state.anchoring!.anchored + state.anchoring!.missed;
  expect(state.anchoring!.missed, `missed of ${total}`).toBeLessThanOrEqual(Math.floor(total * 0.05));
  await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBeGreaterThan(0);
  expectHighlightsFor(state, await highlightSizes(page));
  expect(await serialise(page)).toBe(await pristine(page));
  expect(await badge(worker, tabId)).toBe(String(state.report!.claims.length));
  await page.screenshot({ path: 'test-results/annotated-chromium.png', fullPage: true });

  // Hover the first state mention: a card in a shadow root names the actor.
  const box = await page.evaluate(() => {
    const h = CSS.highlights.get('al-actor-state') as unknown as Set<Range> | undefined;
    const first = h ? [...h][0] : undefined;
    if (!first) return null;
    const r = first.getClientRects()[0];
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: first.toString() };
  });
  expect(box, 'a state highlight on screen').not.toBeNull();
  await page.mouse.move(box!.x, box!.y);
  await page.mouse.move(box!.x + 1, box!.y);
  const card = page.locator('al-card .card');
  await expect(card).toBeVisible();
  const names = state.report!.actors.filter(a => a.type === 'state').map(a => a.name);
  expect(names).toContain(await card.locator('.name').textContent());
  await page.mouse.move(5, 5);
  await expect(page.locator('al-card')).toHaveCount(0);
  expect(await serialise(page), 'no trace once the card is closed').toBe(await pristine(page));

  // Keyboard: the next-highlight command opens a focused card; Escape closes it.
  await worker.evaluate(
    id => chrome.tabs.sendMessage(id, { al: 1, from: 'background', method: 'focusHighlight', payload: { direction: 1 } }),
    tabId,
  );
  await expect(card).toBeVisible();
  expect((await highlightSizes(page))['al-focus']).toBe(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('al-card')).toHaveCount(0);
  expect((await highlightSizes(page))['al-focus'] ?? 0).toBe(0);
});

test('popup switch turns highlights off and on, remembered for the site', async ({
  page,
  baseUrl,
  tabIdOf,
  tabState,
  openPopup,
}) => {
  await page.goto(`${baseUrl}/attribution.html`);
  const tabId = await tabIdOf(page);
  await waitForState(tabState, tabId, s => s?.status === 'done' && s.anchoring !== null);
  await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBeGreaterThan(0);
  const popup = await openPopup(tabId);
  const toggle = popup.locator('#highlight-toggle');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBe(0);
  expect((await tabState(tabId))!.highlightsOn).toBe(false);
  // Remembered: a reload of the same site comes back with highlights off.
  await page.reload();
  await waitForState(tabState, tabId, s => s?.status === 'done');
  await page.waitForTimeout(500);
  expect(Object.keys(await highlightSizes(page))).toHaveLength(0);
  await popup.reload();
  await popup.locator('#highlight-toggle').click();
  await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBeGreaterThan(0);
  expect(await serialise(page)).toBe(await pristine(page));
});

/** The content scripts' timing points (lib/page/timing.ts), read in the extension's isolated world. */
async function contentTimings(page: Page, extensionId: string): Promise<{ name: string; t: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === `chrome-extension://${extensionId}` && context.auxData?.type === 'isolated') contexts.push(context.id);
  });
  await cdp.send('Runtime.enable'); // reports the contexts that exist
  expect(contexts, "the extension's isolated world").toHaveLength(1);
  const r = await cdp.send('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.__attributionLensTimings ?? [])', contextId: contexts[0], returnByValue: true });
  await cdp.detach();
  return JSON.parse(r.result.value as string);
}

test('the detector draws the first highlights; the article script takes them over without anchoring again', async ({
  page,
  baseUrl,
  worker,
  extensionId,
  tabIdOf,
  tabState,
}) => {
  const { tabId, state } = await openArticle(page, baseUrl, tabIdOf, tabState);
  const points = await contentTimings(page, extensionId);
  const first = (name: string) => points.find(p => p.name === name)?.t ?? NaN;
  expect(first('al:highlight-end'), 'highlights registered before the article script ran').toBeLessThan(first('al:article-start'));
  expect(points.filter(p => p.name === 'al:anchor-start'), 'anchored once (by the detector)').toHaveLength(1);
  expect(points.filter(p => p.name === 'al:highlight-end'), 'registered twice: drawn, then taken over').toHaveLength(2);
  expectHighlightsFor(state, await highlightSizes(page));
  // Taken over: the article script's switch removes every highlight, the detector's included.
  await worker.evaluate(id => chrome.tabs.sendMessage(id, { al: 1, from: 'background', method: 'setHighlights', payload: { on: false } }), tabId);
  await expect.poll(async () => highlightSizes(page)).toEqual({});
  await worker.evaluate(id => chrome.tabs.sendMessage(id, { al: 1, from: 'background', method: 'setHighlights', payload: { on: true } }), tabId);
  expectHighlightsFor(state, await highlightSizes(page));
});

test('a relevant article in a huge container is read and indexed in slices that yield to the page; the detector still draws first', async ({ page, serve, extensionId, tabIdOf, tabState }) => {
  const html = fs.readFileSync(path.join(PAGES_DIR, 'attribution.html'), 'utf8');
  // 40,000 empty inline elements inside the story's container: every DOM walk meets them (at
  // several µs each in a new isolated world), its text and cyber vocabulary stay the story's.
  const huge = html.replace('</article>', `<div class="story-extras">${'<b></b>'.repeat(40_000)}</div></article>`);
  expect(huge).not.toBe(html);
  const base = await serve({ '/huge-container.html': huge });
  await page.goto(`${base}/huge-container.html`);
  const tabId = await tabIdOf(page);
  const state = await waitForState(tabState, tabId, s => s?.status === 'done' && s.anchoring !== null, 20_000);
  await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBeGreaterThan(0);
  expectHighlightsFor(state, await highlightSizes(page));
  const points = await contentTimings(page, extensionId);
  const at = (name: string, from = 0) => points.findIndex((p, i) => i >= from && p.name === name);
  /** Whether the page had its turn (`al:yield-start`) between the first `start` and the `end` after it. */
  const yieldedWithin = (start: string, end: string): boolean => {
    const a = at(start);
    const b = at(end, a);
    const y = at('al:yield-start', a);
    return a >= 0 && b > a && y > a && y < b;
  };
  expect(yieldedWithin('al:prepare-start', 'al:prepare-end'), "the detector's reading of the container").toBe(true);
  expect(yieldedWithin('al:index-start', 'al:index-end'), 'the text index').toBe(true);
  const first = (name: string) => points.find(p => p.name === name)?.t ?? NaN;
  expect(first('al:highlight-end'), 'highlights registered before the article script ran').toBeLessThan(first('al:article-start'));
});

test('a dark article gets the dark scheme, from the first drawing to the article script\'s', async ({ page, serve, extensionId, tabIdOf, tabState }) => {
  const html = fs.readFileSync(path.join(PAGES_DIR, 'attribution.html'), 'utf8');
  // After the page's own rules (they set a white body). The story's own box is transparent: the
  // walk up from the highlighted text reaches the body.
  const dark = html.replace('</head>', '<style>body { background: rgb(18, 18, 20); color: rgb(230, 230, 230); }</style></head>');
  expect(dark).not.toBe(html);
  const base = await serve({ '/dark.html': dark });
  // Every name registered in any frame, the detector's first drawing included.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenHighlights: string[] }).seenHighlights = seen;
    const tick = (): void => {
      (CSS.highlights as unknown as Map<string, unknown>).forEach((_h, name) => void (seen.includes(name) || seen.push(name)));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(`${base}/dark.html`);
  const tabId = await tabIdOf(page);
  const state = await waitForState(tabState, tabId);
  const points = await contentTimings(page, extensionId);
  expect(points.filter(p => p.name === 'al:highlight-end'), 'drawn by the detector, then taken over').toHaveLength(2);
  const names = Object.keys(await highlightSizes(page));
  expect(names.length).toBeGreaterThan(0);
  expect(names.filter(n => !n.startsWith('al-dk-')), 'every highlight in the dark scheme').toEqual([]);
  const seen = await page.evaluate(() => (window as unknown as { seenHighlights: string[] }).seenHighlights);
  expect(seen.filter(n => n.startsWith('al-') && !n.startsWith('al-dk-')), 'never a light one, in any frame').toEqual([]);
  // The same names as the light page's, with the dark prefix.
  const light: Record<string, number> = {};
  for (const [name, size] of Object.entries(await highlightSizes(page))) light[name.replace(/^al-dk-/, 'al-')] = size;
  expectHighlightsFor(state, light);
});

test('negative page (sport): no highlights, empty badge', async ({ page, baseUrl, worker, tabIdOf, tabState }) => {
  await page.goto(`${baseUrl}/negative.html`);
  const tabId = await tabIdOf(page);
  const state = await waitForState(tabState, tabId, s => s?.status === 'not-relevant' || s?.status === 'not-article');
  expect(state.report?.article.relevant ?? false).toBe(false);
  await page.waitForTimeout(300);
  expect(await highlightSizes(page)).toEqual({});
  expect(await badge(worker, tabId)).toBe('');
  expect(await serialise(page)).toBe(await pristine(page));
});

/** A live update that turns a story into one about a state's cyber operation. */
const CYBER_UPDATE = [
  'Update: The British government on Monday formally blamed Russia for a cyber attack that disrupted the ticketing systems of several European football associations.',
  "The National Cyber Security Centre said it was almost certain that the intrusion was carried out by APT28, a hacking group run by Russia's GRU military intelligence agency.",
  'The Russian embassy in London denied any involvement and called the accusation groundless.',
];

/** Adds {@link CYBER_UPDATE}'s paragraphs at the end of `selector`'s element, or before it (`before`). */
async function addCyberUpdate(page: Page, selector: string, before = false): Promise<void> {
  await page.evaluate(
    ({ texts, selector, before }) => {
      const at = document.querySelector(selector)!;
      for (const text of texts) {
        const p = document.createElement('p');
        p.textContent = text;
        if (before) at.before(p);
        else at.append(p);
      }
    },
    { texts: CYBER_UPDATE, selector, before },
  );
}

/** The detector's timing points once a page has been settled without an article script. */
async function settledAlone(page: Page, extensionId: string): Promise<string[]> {
  await page.waitForTimeout(300);
  const points = (await contentTimings(page, extensionId)).map(p => p.name);
  expect(points, 'the detector is done').toContain('al:done');
  expect(points, 'no article script asked for').not.toContain('al:request-script');
  expect(points, 'no article script ran').not.toContain('al:article-start');
  return points;
}

for (const { file, what, sent, early, update, readability } of [
  // Enough cyber vocabulary to be analysed: the background settles it from the detector's text.
  { file: 'crime.html', what: 'a story about cyber crime, not states: the background settles it from the detector\'s text', sent: true, early: false, update: { at: 'article', before: false }, readability: false },
  // Too little: nothing is sent, and the background learns "not relevant" from the verdict.
  { file: 'negative.html', what: 'a story in an <article> container without cyber vocabulary: the detector settles it alone', sent: false, early: true, update: { at: 'article', before: false }, readability: false },
  // Two terms ("network", "servers") in 730 words: too sparse to be relevant, settled alone too.
  { file: 'sparse.html', what: 'a long story in an <article> container with two cyber terms, too sparse to be relevant: the detector settles it alone', sent: false, early: false, update: { at: 'article', before: false }, readability: false },
  // Without a container the update goes straight into <body> too: Readability reads it.
  { file: 'unboxed.html', what: 'a story without an article container or cyber vocabulary: the detector settles it alone', sent: false, early: true, update: { at: 'footer', before: true }, readability: true },
]) {
  test(`${what}, with no article script, and reads it again when it changes`, async ({ page, baseUrl, extensionId, tabIdOf, tabState }) => {
    await page.goto(`${baseUrl}/${file}`);
    const tabId = await tabIdOf(page);
    const state = await waitForState(tabState, tabId, s => s?.status === 'not-relevant');
    const points = await settledAlone(page, extensionId);
    // Without two stems on the whole page it is settled before its container is read.
    if (early) expect(points, 'settled on the whole page\'s text').toContain('al:page-no-cyber');
    else expect(points, 'settled on its article\'s text').not.toContain('al:page-no-cyber');
    if (sent) {
      expect(state.report?.article.relevant).toBe(false);
      expect(points, 'the detector sent the text').toContain('al:analyse-end');
    } else {
      expect(state.report).toBeNull();
      expect(points, 'no text sent for analysis').not.toContain('al:analyse-start');
    }
    // A live story: it grows into one about a state's cyber operation.
    await addCyberUpdate(page, update.at, update.before);
    const after = await waitForState(tabState, tabId, s => s?.status === 'done' && (s.anchoring?.anchored ?? 0) > 0, 20_000);
    await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBeGreaterThan(0);
    expectHighlightsFor(after, await highlightSizes(page));
    const read = (await contentTimings(page, extensionId)).map(p => p.name);
    if (readability) expect(read, 'Readability was injected').toContain('al:readability-load');
    else expect(read, 'read in place, no Readability').not.toContain('al:readability-load');
  });
}

test('single-page app: the story swapped in after navigation is analysed', async ({ page, baseUrl, tabIdOf, tabState }) => {
  await page.goto(`${baseUrl}/spa.html`);
  const tabId = await tabIdOf(page);
  await page.waitForTimeout(500);
  expect(await highlightSizes(page)).toEqual({});
  await page.click('#story-link');
  await expect(page).toHaveURL(/story=gru/);
  const state = await waitForState(tabState, tabId, s => s?.status === 'done' && /story=gru/.test(s.url) && s.anchoring !== null);
  await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBeGreaterThan(0);
  expectHighlightsFor(state, await highlightSizes(page));
});

test('late-loaded article text gets highlights', async ({ page, baseUrl, tabIdOf, tabState }) => {
  await page.goto(`${baseUrl}/late.html`);
  const tabId = await tabIdOf(page);
  const state = await waitForState(tabState, tabId, s => s?.status === 'done' && (s.anchoring?.anchored ?? 0) > 0, 20_000);
  await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBeGreaterThan(0);
  expectHighlightsFor(state, await highlightSizes(page));
});

test('strict Content-Security-Policy page still gets highlights and a card', async ({ page, baseUrl, tabIdOf, tabState }) => {
  await page.goto(`${baseUrl}/csp-attribution.html`);
  const tabId = await tabIdOf(page);
  const state = await waitForState(tabState, tabId, s => s?.status === 'done' && s.anchoring !== null);
  await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBeGreaterThan(0);
  expectHighlightsFor(state, await highlightSizes(page));
  expect(await serialise(page)).toBe(await pristine(page));
});

test('"Annotate this page" on an undetected page runs the article script on request', async ({
  page,
  baseUrl,
  worker,
  tabIdOf,
  tabState,
}) => {
  await page.goto(`${baseUrl}/negative.html`);
  const tabId = await tabIdOf(page);
  await waitForState(tabState, tabId, s => s?.status === 'not-relevant' || s?.status === 'not-article');
  await worker.evaluate(id => (globalThis as unknown as { __attributionLens: { annotate(id: number): Promise<unknown> } }).__attributionLens.annotate(id), tabId);
  const state = await waitForState(tabState, tabId, s => s?.status === 'done' && s.forced);
  expect(state.report).not.toBeNull();
  expect(await serialise(page)).toBe(await pristine(page));
});
