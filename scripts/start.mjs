#!/usr/bin/env node
// `npm start`: builds the Chrome extension, serves a demo article (demo/exchange-2021.html) on
// 127.0.0.1, and opens Chromium with the extension loaded on it. With a display (DISPLAY set)
// the browser stays open until you close it or press Ctrl+C. Without one, it runs headless,
// saves screenshots of the annotated page and of popup.html?tabId=N to artifacts/ and prints
// their paths. CHROMIUM_PATH overrides the browser (default: Debian's /usr/lib/chromium/chromium).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const log = (...a) => console.log('[attribution-lens]', ...a);
const EXT = path.resolve('.output/chrome-mv3');
// DEMO_PAGE picks another page from demo/ (demo/article.html is a fictional incident)
const DEMO = path.resolve(process.env.DEMO_PAGE ?? 'demo/exchange-2021.html');
const BROWSER = process.env.CHROMIUM_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find(p => fs.existsSync(p));
const headed = !!process.env.DISPLAY && process.env.HEADLESS !== '1';

log('building the extension (wxt build)…');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
if (!BROWSER) {
  log('no Chromium or Chrome found; set CHROMIUM_PATH. The built extension is in', EXT);
  process.exit(1);
}

const server = http.createServer((req, res) => {
  if (req.url === '/' || req.url?.startsWith('/article')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fs.readFileSync(DEMO));
  } else res.writeHead(404).end();
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/article`;
log('demo article at', url);

const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'al-start-')), {
  executablePath: BROWSER,
  headless: !headed,
  viewport: headed ? null : { width: 1200, height: 900 },
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
});
let [sw] = context.serviceWorkers();
sw ??= await context.waitForEvent('serviceworker');
const extensionId = new URL(sw.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

const shutdown = async () => {
  await context.close().catch(() => {});
  server.closeAllConnections();
  server.close();
};

if (headed) {
  log(`Chromium is open with Attribution Lens (id ${extensionId}). Hover a highlight; click the toolbar icon for the summary.`);
  log('Close the browser window or press Ctrl+C to stop.');
  process.on('SIGINT', () => void shutdown().then(() => process.exit(0)));
  context.on('close', () => {
    server.closeAllConnections();
    server.close();
  });
} else {
  const tabId = await sw.evaluate(async u => (await chrome.tabs.query({})).find(t => t.url === u)?.id ?? -1, url);
  // Wait for the analysis (state "done") and for highlights in the shared registry.
  const deadline = Date.now() + 20_000;
  let state = null;
  while (Date.now() < deadline) {
    state = await sw.evaluate(id => globalThis.__attributionLens?.getState(id) ?? null, tabId);
    const n = await page.evaluate(() => [...CSS.highlights.keys()].filter(k => k.startsWith('al-')).length);
    if (state?.status === 'done' && n > 0) break;
    await new Promise(r => setTimeout(r, 250));
  }
  fs.mkdirSync('artifacts', { recursive: true });
  const pageShot = path.resolve('artifacts/demo-annotated.png');
  const popupShot = path.resolve('artifacts/demo-popup.png');
  await page.screenshot({ path: pageShot, fullPage: true });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: popupShot, fullPage: true });
  const actors = state?.report?.actors.length ?? 0;
  const claims = state?.report?.claims.length ?? 0;
  log(`no display: ran headless. Status "${state?.status}", ${actors} actors, ${claims} claims.`);
  log('annotated page:', pageShot);
  log('popup:         ', popupShot);
  await shutdown();
}
