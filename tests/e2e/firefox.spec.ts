import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PAGES_DIR, startServer } from './fixtures';

/**
 * Core checks in Firefox ESR on the Firefox build (.output/firefox-mv2), driven by puppeteer-core
 * over WebDriver BiDi (Playwright cannot drive firefox-esr): highlights registered per type, the
 * DOM unchanged, the popup switch turning them off and on, the negative page left alone.
 */

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXT = path.resolve('.output/firefox-mv2');
const GECKO_ID = 'attribution-lens@attribution-lens.org';
const UUID = '7c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';

const SHOP = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Seeds and bulbs</title></head>
<body><h1>Seeds and bulbs</h1><ul><li>Tulips, 20 bulbs: 8 €</li><li>Sweet peas: 3 €</li></ul><button>Add to basket</button></body></html>`;

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

test.skip(!fs.existsSync(FIREFOX), `Firefox not found at ${FIREFOX}`);

test.beforeAll(async () => {
  expect(fs.existsSync(path.join(EXT, 'manifest.json')), `build first: ${EXT}`).toBe(true);
  server = await startServer({ '/shop.html': SHOP });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'], // else goto(moz-extension://…) is "not allowed in this context"
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  await browser.installExtension(EXT);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** `{ name: size }` of our entries in CSS.highlights (main world shares the registry). */
function sizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    (CSS.highlights as unknown as Map<string, { size: number }>).forEach((h, name) => {
      if (name.startsWith('al-')) out[name] = h.size;
    });
    return out;
  });
}

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let v = await fn();
  while (!ok(v) && Date.now() < end) {
    await new Promise(r => setTimeout(r, 200));
    v = await fn();
  }
  return v;
}

function pristine(page: Page, name: string): Promise<string> {
  const html = fs.readFileSync(path.join(PAGES_DIR, name), 'utf8');
  return page.evaluate(s => new DOMParser().parseFromString(s, 'text/html').documentElement.outerHTML, html);
}

/** The tab id of `url`, asked from an extension page (which has the tabs API). */
async function tabIdOf(url: string): Promise<number> {
  const ext = await browser.newPage();
  await ext.goto(`moz-extension://${UUID}/popup.html`, { waitUntil: [] });
  const id = await poll(
    () =>
      ext
        .evaluate(async u => {
          const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
          return (await api.tabs.query({})).find(t => t.url === u)?.id ?? -1;
        }, url)
        .catch(() => -1),
    v => v >= 0,
  );
  await ext.close();
  return id;
}

test('Firefox: relevant article highlighted per type, DOM unchanged, popup switch off and on', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/attribution.html`);
  const shown = await poll(() => sizes(page), s => Object.keys(s).length >= 3);
  expect(Object.keys(shown).some(n => n.startsWith('al-actor-')), JSON.stringify(shown)).toBe(true);
  expect(Object.keys(shown).some(n => n.startsWith('al-claim-')), JSON.stringify(shown)).toBe(true);
  expect(Object.values(shown).every(n => n > 0)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(await pristine(page, 'attribution.html'));
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/annotated-firefox.png' });

  const tabId = await tabIdOf(page.url());
  const popup = await browser.newPage();
  await popup.goto(`moz-extension://${UUID}/popup.html?tabId=${tabId}`, { waitUntil: [] });
  const toggle = await poll(() => popup.$('#highlight-toggle'), t => t !== null);
  expect(toggle, 'the popup switch').not.toBeNull();
  await toggle!.click();
  expect(Object.keys(await poll(() => sizes(page), s => Object.keys(s).length === 0))).toHaveLength(0);
  await toggle!.click();
  expect(Object.keys(await poll(() => sizes(page), s => Object.keys(s).length > 0)).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(await pristine(page, 'attribution.html'));
  await popup.close();
  await page.close();
});

test('Firefox: the negative page gets no highlight and no DOM change', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/negative.html`);
  await new Promise(r => setTimeout(r, 2500));
  expect(await sizes(page)).toEqual({});
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(await pristine(page, 'negative.html'));
  await page.close();
});

/** The popup's heading for `page`'s tab, opened again until `done` says it is final (15 s at most). */
async function popupHeading(page: Page, done: (heading: string) => boolean): Promise<string> {
  const tabId = await tabIdOf(page.url());
  const popup = await browser.newPage();
  try {
    const heading = async () => {
      await popup.goto(`moz-extension://${UUID}/popup.html?tabId=${tabId}`, { waitUntil: [] });
      return poll(() => popup.$eval('h2', el => el.textContent ?? '').catch(() => ''), t => t !== '', 5000);
    };
    return await poll(heading, done, 15_000);
  } finally {
    await popup.close();
  }
}

test('Firefox: the popup says "Not a news article" on a page that is not one (the detector\'s verdict, read on demand)', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/shop.html`);
  expect(await popupHeading(page, t => t === 'Not a news article')).toBe('Not a news article');
  await page.close();
});

test('Firefox: a story without a container or cyber vocabulary is settled by the detector alone: the popup reads "not relevant" from its verdict', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/unboxed.html`);
  const text = await popupHeading(page, t => t.startsWith('No state cyber activity found'));
  expect(text).toBe('No state cyber activity found — annotate anyway?');
  expect(await sizes(page)).toEqual({});
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(await pristine(page, 'unboxed.html'));
  await page.close();
});

test('Firefox: a story without an <article> container, arriving late, is read with Readability injected on demand', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/late.html`);
  // No container to read in place: the article script asks the background for Readability
  // (tabs.executeScript in Firefox MV2), then highlights the text the page added after load.
  const shown = await poll(() => sizes(page), s => Object.keys(s).some(n => n.startsWith('al-claim-')), 20_000);
  expect(Object.keys(shown).some(n => n.startsWith('al-actor-')), JSON.stringify(shown)).toBe(true);
  expect(Object.keys(shown).some(n => n.startsWith('al-claim-')), JSON.stringify(shown)).toBe(true);
  await page.close();
});
