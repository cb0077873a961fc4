import type { Request } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import type { TabState } from '../../lib/messaging/protocol';
import type { CrossReference } from '../../lib/types';
import { EXT_DIR, expect, highlightSizes, test, waitForState } from './fixtures';

/**
 * Security, end to end (issue 6): no network request by the extension during a whole session,
 * a strict CSP for extension pages (manifest and behaviour), only https links in the popup even
 * for a hostile report, and messages with a wrong shape or from the wrong world rejected.
 */

declare const chrome: typeof import('wxt/browser').browser;

const waitDone = (tabState: (id: number) => Promise<TabState | null>, tabId: number): Promise<TabState> => waitForState(tabState, tabId);

/** Who made a request: the service worker, an extension page, or a web page. */
function origin(r: Request): string {
  if (r.serviceWorker()) return `worker ${r.serviceWorker()!.url()}`;
  try {
    return `frame ${r.frame().url()}`;
  } catch {
    return 'unknown';
  }
}

test('a whole session (article, hover card, popup, toggles, options) makes no request but to the page server and the extension', async ({
  context,
  page,
  worker,
  baseUrl,
  extensionId,
  tabIdOf,
  tabState,
  openPopup,
}) => {
  const requests: string[] = [];
  context.on('request', r => requests.push(`${r.url()} <- ${origin(r)}`));
  const outside: string[] = [];
  await context.route(
    u => !['127.0.0.1', extensionId].includes(u.hostname),
    route => (outside.push(route.request().url()), route.abort()),
  );
  // The worker and extension pages: their CSP (default-src 'self') refuses any other origin,
  // even this machine's server, so they cannot make such a request at all.
  expect(await worker.evaluate(u => fetch(u).then(() => 'fetched', (e: Error) => e.message), `${baseUrl}/from-worker`)).toMatch(/Failed to fetch/);

  const cdp = await context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', e => void (e.context.origin === `chrome-extension://${extensionId}` && worlds.push(e.context.id)));
  await cdp.send('Runtime.enable');
  await page.goto(`${baseUrl}/attribution.html`);
  const tabId = await tabIdOf(page);
  await waitDone(tabState, tabId);
  await expect.poll(async () => Object.keys(await highlightSizes(page)).length).toBeGreaterThan(0);
  // Positive control: a request from the content scripts' world is seen by this recorder.
  await cdp.send('Runtime.evaluate', { contextId: worlds.at(-1), expression: `fetch(${JSON.stringify(`${baseUrl}/control-from-content`)}).then(r => r.status)`, awaitPromise: true });
  await expect.poll(() => requests.some(r => r.startsWith(`${baseUrl}/control-from-content <- frame`))).toBe(true);
  requests.splice(requests.findIndex(r => r.includes('/control-from-content')), 1);
  const box = await page.evaluate(() => {
    const h = CSS.highlights.get('al-actor-state') as unknown as Set<Range> | undefined;
    const r = h ? [...h][0].getClientRects()[0] : null;
    return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  });
  await page.mouse.move(box!.x, box!.y);
  await page.mouse.move(box!.x + 1, box!.y);
  await expect(page.locator('al-card .card')).toBeVisible();

  const popup = await openPopup(tabId);
  const toggle = popup.locator('#highlight-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const box1 = options.locator('input[type="checkbox"]').first();
  await box1.click();
  await box1.click();
  await page.reload();
  await waitDone(tabState, tabId);
  await page.waitForTimeout(500);

  const fromExtension = requests.filter(r => / <- (?:worker|frame chrome-extension:)/.test(r));
  expect(fromExtension.length, 'the extension pages loaded their own files').toBeGreaterThan(0);
  expect(fromExtension.filter(r => !r.startsWith(`chrome-extension://${extensionId}/`)), 'extension requests leaving the extension').toEqual([]);
  expect(requests.filter(r => !r.startsWith(baseUrl) && !r.startsWith(`chrome-extension://${extensionId}/`)), 'any request elsewhere').toEqual([]);
  expect(outside).toEqual([]);
});

test('extension pages run under a strict CSP: manifest, no inline script, no outside image', async ({ context, extensionId }) => {
  const manifests = [path.join(EXT_DIR, 'manifest.json'), path.resolve('.output/firefox-mv2/manifest.json')].filter(f => fs.existsSync(f));
  for (const file of manifests) {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as { content_security_policy?: string | { extension_pages?: string } };
    const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;
    expect(csp, file).toBeTruthy();
    const directives = new Map(csp!.split(';').map(d => d.trim().split(/\s+/)).filter(d => d[0]).map(([k, ...v]) => [k, v]));
    expect(directives.get('script-src'), file).toEqual(["'self'"]);
    expect(directives.get('object-src'), file).toEqual(["'none'"]);
    expect(directives.get('default-src'), file).toEqual(["'self'"]);
    expect(csp, file).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  }
  const popup = await context.newPage();
  const violations: string[] = [];
  popup.on('console', m => void (m.type() === 'error' && violations.push(m.text())));
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const probe = await popup.evaluate(async () => {
    // NOTE: no eval probe: code evaluated through the DevTools protocol is exempt from CSP.
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    const img = new Image();
    const imgBlocked = await new Promise<boolean>(resolve => {
      img.onload = () => resolve(false);
      img.onerror = () => resolve(true);
      img.src = 'http://127.0.0.1:9/pixel.png';
    });
    return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, imgBlocked };
  });
  expect(probe).toEqual({ inlineRan: false, imgBlocked: true });
  expect(violations.some(v => /Content Security Policy/.test(v))).toBe(true);
});

test('the popup renders only https links, whatever URLs a report carries', async ({ context, page, worker, baseUrl, extensionId, tabIdOf, tabState }) => {
  await page.goto(`${baseUrl}/attribution.html`);
  const real = await waitDone(tabState, await tabIdOf(page));
  const hostile = ['javascript:alert(1)', ' JavaScript:alert(2)', 'data:text/html,<script>alert(3)</script>', 'http://plain.example/x', 'vbscript:x', '//evil.example/'];
  const refs: CrossReference[] = [...hostile, 'https://www.gov.example/statement'].map((url, i) => ({
    id: `x${i}`,
    issuer: `Issuer ${i}`,
    issuerActor: null,
    kind: 'statement',
    date: '2025-03-18',
    title: `Statement ${i}`,
    url,
    event: null,
    relation: 'same-incident' as CrossReference['relation'],
    score: 1,
    why: [],
  }));
  const fakeTab = 987_654;
  const injected: TabState = { ...real, tabId: fakeTab, report: { ...real.report!, crossReferences: refs } };
  // Through the background's own mirror (storage.session), as a restarted worker would read it.
  await worker.evaluate(([id, s]) => chrome.storage.session.set({ [`tab:${id}`]: s }), [fakeTab, injected] as const);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${fakeTab}`);
  await expect(popup.getByText('Statement 6')).toBeVisible();
  for (const i of [0, 1, 2, 3, 4, 5]) await expect(popup.getByText(`Statement ${i}`, { exact: true }).first()).toBeVisible();
  const hrefs = await popup.locator('a[href]').evaluateAll(as => as.map(a => (a as HTMLAnchorElement).href));
  expect(hrefs).toContain('https://www.gov.example/statement');
  expect(hrefs.filter(h => !h.startsWith('https:') && !h.startsWith(`chrome-extension://${extensionId}/`)), 'non-https links').toEqual([]);
});

test('messages of the wrong shape or from the wrong world are rejected', async ({ context, page, baseUrl, extensionId, tabIdOf, tabState }) => {
  await page.goto(`${baseUrl}/attribution.html`);
  await waitDone(tabState, await tabIdOf(page));
  // The page's own world cannot reach the extension at all (no externally_connectable).
  expect(await page.evaluate(() => typeof (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
  // From the content scripts' world (as if it were compromised): page-only methods and bad payloads fail.
  const cdp = await context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', e => void (e.context.origin === `chrome-extension://${extensionId}` && worlds.push(e.context.id)));
  await cdp.send('Runtime.enable');
  await expect.poll(() => worlds.length).toBeGreaterThan(0);
  const send = async (message: unknown): Promise<unknown> =>
    (
      await cdp.send('Runtime.evaluate', {
        contextId: worlds[0],
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
        awaitPromise: true,
        returnByValue: true,
      })
    ).result.value;
  const msg = (from: string, method: string, payload: unknown) => ({ al: 1, from, method, payload });
  expect(await send(msg('page', 'resetSettings', {}))).toEqual({ ok: false, error: 'rejected: page-sender' });
  expect(await send(msg('page', 'getTabState', { tabId: 1 }))).toEqual({ ok: false, error: 'rejected: page-sender' });
  expect(await send(msg('content', 'analyseArticle', { url: page.url(), article: { text: 42 }, forced: true }))).toEqual({ ok: false, error: 'rejected: content-payload' });
  expect(await send(msg('content', 'reportStatus', { url: 'javascript:alert(1)', status: 'done' }))).toEqual({ ok: false, error: 'rejected: content-payload' });
  expect(await send(msg('content', 'constructor', {}))).toEqual({ ok: false, error: 'rejected: content-method' });
  expect(await send(msg('background', 'setHighlights', { on: false }))).toEqual({ ok: false, error: 'rejected: direction' });
  expect(await send({ method: 'getSettings' })).toEqual({ ok: false, error: 'rejected: not-ours' });
  // A well-formed content message still works (the channel itself is fine).
  expect(await send(msg('content', 'getPageSettings', { url: page.url() }))).toMatchObject({ ok: true });
});


