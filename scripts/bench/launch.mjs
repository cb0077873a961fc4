// How the benchmark's browsers are launched (scripts/bench.mjs, scripts/bench/trace-window.mjs):
// Debian's Chromium, headless, a persistent context with a profile of its own, as a reader's
// browser is. NOTE: until the seventh pass the extension-free browser was `chromium.launch()` +
// `newContext()`; on this machine that configuration loaded pages and ran Readability ≈ 1.6×
// slower than a persistent context (15 alternating pages each: Readability 22.6 against 14.4 ms on
// `heavy-article-short`, 10.2 against 6.5 ms on `article-short`), which flattered every ratio
// against Readability and the peer.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BROWSER = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const VIEWPORT = { width: 1100, height: 850 };
// Saved real pages (`--pages ../shared/pages/readability`) name images, fonts and scripts on hosts
// this machine cannot reach; each request would hang until it times out and hold the page's load
// back for minutes. Every host but the local server fails at once, in both browsers alike (no
// request interception, which would slow every request down). Our own pages load nothing else.
const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/** A fresh browser: with the built extension in `extension` (a directory), else without one. */
export function launchBrowser(extension = null) {
  const args = extension ? [...OFFLINE, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : OFFLINE;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), extension ? 'al-bench-' : 'al-bench-free-'));
  return chromium.launchPersistentContext(profile, { executablePath: BROWSER, headless: true, viewport: VIEWPORT, args });
}
