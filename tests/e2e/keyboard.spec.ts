import { chromium, type BrowserContext } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXT_DIR, expect, highlightSizes, startServer, test } from './fixtures';

/**
 * The `toggle-highlights` command (Alt+Shift+H) with real X key events: Playwright's synthetic
 * keys never reach extension commands, so this runs headed Chromium on an X display (ours: an
 * Xvfb we start when DISPLAY is unset) and types with xdotool. Skips, saying why, when Xvfb or
 * xdotool is missing.
 */

declare const chrome: typeof import('wxt/browser').browser;

const has = (bin: string): boolean => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const canRun = has('xdotool') && (!!process.env.DISPLAY || has('Xvfb'));
test.skip(!canRun, 'needs xdotool and an X display (DISPLAY or Xvfb) for real key events');

let xvfb: ChildProcess | null = null;

async function display(): Promise<string> {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  const n = 90 + Math.floor(Math.random() * 400);
  xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise(r => setTimeout(r, 700));
  return `:${n}`;
}

function xdotool(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync('xdotool', args, { env, encoding: 'utf8' });
  return r.stdout.trim();
}

test.afterAll(() => {
  if (xvfb?.pid) process.kill(xvfb.pid);
});

test('Alt+Shift+H toggles the highlights without opening the popup (real key events)', async () => {
  const DISPLAY = await display();
  const env = { ...process.env, DISPLAY };
  const server = await startServer();
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'al-kbd-')), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
      headless: false,
      env,
      viewport: { width: 1100, height: 750 },
      args: [`--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`],
    });
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker');
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.base}/attribution.html`);
    await expect.poll(async () => Object.keys(await highlightSizes(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const tabId = await sw.evaluate(async u => (await chrome.tabs.query({})).find(t => t.url === u)?.id ?? -1, page.url());

    const win = xdotool(env, 'search', '--onlyvisible', '--class', 'chromium').split('\n').filter(Boolean).pop();
    expect(win, 'a visible Chromium window').toBeTruthy();
    const press = (): void => {
      xdotool(env, 'windowfocus', '--sync', win!);
      xdotool(env, 'key', '--clearmodifiers', 'alt+shift+h');
    };
    press();
    await expect.poll(async () => Object.keys(await highlightSizes(page)).length, { timeout: 5000 }).toBe(0);
    const off = await sw.evaluate(id => (globalThis as unknown as { __attributionLens: { getState(id: number): Promise<{ highlightsOn: boolean } | null> } }).__attributionLens.getState(id), tabId);
    expect(off?.highlightsOn).toBe(false);
    expect(context.pages().some(p => p.url().includes('popup.html')), 'no popup opened').toBe(false);
    press();
    await expect.poll(async () => Object.keys(await highlightSizes(page)).length, { timeout: 5000 }).toBeGreaterThan(0);
  } finally {
    await context?.close();
    await server.close();
  }
});
