import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TabState } from '../../lib/messaging/protocol';

/**
 * Shared end-to-end fixtures: the built `.output/chrome-mv3` in Debian Chromium (persistent
 * context; headless unless HEADED=1), its service worker and id, a local HTTP server on
 * 127.0.0.1:0 serving `tests/e2e/pages/*.html` (files named `csp-*` get a strict
 * Content-Security-Policy), and helpers for tab ids, tab state and `popup.html?tabId=N`.
 */

declare const chrome: typeof import('wxt/browser').browser;

/** The built Chrome extension. */
export const EXT_DIR = path.resolve('.output/chrome-mv3');
/** The pages the server serves. */
export const PAGES_DIR = path.resolve('tests/e2e/pages');
/** The strict CSP sent with `csp-*` pages. */
export const STRICT_CSP = "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; object-src 'none'";

/** A local server: `pages` overrides (path → HTML) first, then files from PAGES_DIR. */
export async function startServer(extra: Record<string, string> = {}): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const name = path.basename(url.pathname) || 'index.html';
    const body = extra[url.pathname] ?? (fs.existsSync(path.join(PAGES_DIR, name)) && name.endsWith('.html') ? fs.readFileSync(path.join(PAGES_DIR, name), 'utf8') : null);
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (name.startsWith('csp-')) headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections(); // keep-alive sockets would hang teardown
        server.close(() => resolve());
      }),
  };
}

/** Launches Chromium with the extension in a fresh profile. */
export async function launchWithExtension(headed = process.env.HEADED === '1'): Promise<BrowserContext> {
  if (!fs.existsSync(path.join(EXT_DIR, 'manifest.json'))) throw new Error(`build first: ${EXT_DIR} missing (npm run build)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-e2e-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    headless: !headed,
    viewport: { width: 1100, height: 850 },
    args: [`--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`],
  });
}

interface Fixtures {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Base URL of the page server, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** Serves extra pages (path → HTML) on a second server; returns its base URL. */
  serve: (pages: Record<string, string>) => Promise<string>;
  /** The tab id of an open page (asked of the service worker). */
  tabIdOf: (page: Page) => Promise<number>;
  /** The background's state for a tab (the `__attributionLens` test hook). */
  tabState: (tabId: number) => Promise<TabState | null>;
  /** Opens `popup.html?tabId=N` in a new tab. */
  openPopup: (tabId: number) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker');
    await use(sw);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  baseUrl: async ({}, use) => {
    const server = await startServer();
    await use(server.base);
    await server.close();
  },
  serve: async ({}, use) => {
    const closers: (() => Promise<void>)[] = [];
    await use(async pages => {
      const server = await startServer(pages);
      closers.push(server.close);
      return server.base;
    });
    await Promise.all(closers.map(c => c()));
  },
  tabIdOf: async ({ worker }, use) => {
    await use(async page => {
      const url = page.url();
      const id = await worker.evaluate(async u => (await chrome.tabs.query({})).find(t => t.url === u)?.id ?? -1, url);
      expect(id, `a tab with ${url}`).toBeGreaterThanOrEqual(0);
      return id;
    });
  },
  tabState: async ({ worker }, use) => {
    await use(tabId =>
      worker.evaluate(id => (globalThis as unknown as { __attributionLens: { getState(id: number): Promise<TabState | null> } }).__attributionLens.getState(id), tabId),
    );
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async tabId => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    });
  },
});

export { expect };

/** Names and sizes of our highlights in `CSS.highlights`, read in the page's main world. */
export function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    // NOTE: the main world shares the highlight registry with the content script's isolated world.
    (CSS.highlights as unknown as Map<string, Highlight>).forEach((h, name) => {
      if (name.startsWith('al-')) out[name] = h.size;
    });
    return out;
  });
}

/** Polls the background until the tab's state satisfies `done` (default: analysed and anchored). */
export async function waitForState(
  tabState: (id: number) => Promise<TabState | null>,
  tabId: number,
  done: (s: TabState | null) => boolean = s => s?.status === 'done' && s.anchoring !== null,
  timeout = 15_000,
): Promise<TabState> {
  let last: TabState | null = null;
  await expect
    .poll(async () => done((last = await tabState(tabId))), { timeout, message: 'tab state' })
    .toBe(true);
  return last as unknown as TabState;
}

/** The page's DOM serialisation (to compare before/after highlighting). */
export function serialise(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}
