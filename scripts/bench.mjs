#!/usr/bin/env node
// `npm run bench`: builds the Chrome extension, runs it in headless Debian Chromium over a set of
// pages and prints, per page and overall, the median and p90 of: the floor (reading every text
// node), Readability alone, a peer pipeline (compromise + <mark> wrapping), ours (document_idle →
// highlights painted, with its phases), the content scripts' own main-thread work, long tasks,
// heap growth, script sizes and compile time, plus a scaling run (one article ×1, ×4, ×16).
//
//   npm run bench -- [--runs N] [--pages DIR] [--json] [--markdown] [--doc FILE]
//                    [--no-build] [--no-scale] [--no-cold] [--scale-page NAME] [--only SUBSTRING]
//                    [--timeline]
//
// --pages DIR takes DIR/*.html and DIR/*/source.html (e.g. ../shared/pages/readability).
// Speed goals are measured here, never asserted in `npm test`. See docs/benchmark.md.
//
// Method (why it is honest):
// - Every run is a fresh page (new tab, closed afterwards). The floor, Readability and the peer
//   run in a second browser WITHOUT the extension (same binary, flags and launch: a persistent
//   context with a profile of its own), one fresh page each,
//   so neither the extension's scripts nor another measure's DOM changes touch them. Readability
//   and compromise are injected (page.addScriptTag) before their timers start: their own load is
//   not counted (which favours them; ours includes injecting and parsing our article script).
// - Ours runs in a persistent context with the built extension. The content scripts record
//   `performance.now()` points in their isolated world (lib/page/timing.ts: not performance.mark,
//   which the page could read); we read them through the DevTools protocol in the extension's
//   isolated execution context. "Ours" = from the first statement of the detector's evaluation
//   (it runs at document_idle; its own modules are evaluated after that point) to `al:painted`: the
//   task after the first animation frame after the highlights were registered. Message round trips,
//   injecting the article script and the background's analysis are included. The background's engine
//   time is read from the service worker (wall clock, aligned with the page's timeOrigin).
// - "CS work" = the content scripts' synchronous spans (detector evaluation and check, article
//   script extraction, index, anchoring, highlighting); script compile time is reported apart.
// - Long tasks come from a PerformanceObserver added at document start (page.addInitScript). In
//   the extension run, those that start after the detector's first line are the extension's; the
//   extension-free page's long tasks (load included) are reported as the page's own.
// - Heap growth: after the work, a forced GC and Runtime.getHeapUsage in the extension run, minus
//   the same in the extension-free run of the same page (medians of both).
// - Host page: the page's own load event and first contentful paint, alone in the extension-free
//   browser and with the extension, the two runs back to back (not a goal).
// - One warm-up page per browser is not counted (the first run also starts the service worker and
//   loads the knowledge base, reported separately as "cold").
// - Cold service worker: the warm-up page again, with the service worker stopped before each run
//   (as Chrome does after 30 s idle); reported apart, not a goal (--no-cold skips it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import * as inPage from './bench/in-page.mjs';
import { launchBrowser } from './bench/launch.mjs';
import { kb, mb, mdTable, median, ms, p90, ratio, summary, textTable } from './bench/stats.mjs';

const args = process.argv.slice(2);
const flag = name => args.includes(name);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(opt('--runs', 7)));
const PAGES_DIR = path.resolve(opt('--pages', 'bench/pages'));
const ONLY = opt('--only', null);
/** Print every run's timing points (ms from the detector's start), for finding where time goes. */
const TIMELINE = flag('--timeline');
const SCALE_PAGE = opt('--scale-page', 'article-medium');
const JSON_OUT = flag('--json');
const MARKDOWN = flag('--markdown');
const DOC = opt('--doc', null);
const EXT = path.resolve(process.env.BENCH_EXT ?? '.output/chrome-mv3');
const TIMEOUT_MS = 20_000;
const log = (...a) => (JSON_OUT ? console.error : console.log)('[bench]', ...a);

// ── build and sizes ─────────────────────────────────────────────────────────────────────────────
if (!flag('--no-build')) {
  log('building the extension (npx wxt build)…');
  const b = spawnSync('npx', ['wxt', 'build'], { stdio: JSON_OUT ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
// Every file that can run in a page: the manifest's content scripts (the detector and the
// highlight stylesheet), the scripts the background injects (content-scripts/: the article
// script, Readability) and the verdict script (read when the popup opens on a page).
const alwaysOn = manifest.content_scripts.flatMap(cs => [...(cs.js ?? []), ...(cs.css ?? [])]);
const injected = fs.readdirSync(path.join(EXT, 'content-scripts')).map(f => `content-scripts/${f}`);
const pageFiles = [...new Set([...alwaysOn, ...injected, 'verdict.js'])].filter(f => fs.existsSync(path.join(EXT, f))).sort();
const sizes = Object.fromEntries(
  pageFiles.map(f => {
    const buf = fs.readFileSync(path.join(EXT, f));
    return [f, { bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length }];
  }),
);
const sum = (files, key) => files.reduce((n, f) => n + (sizes[f]?.[key] ?? 0), 0);
const sizeReport = {
  files: sizes,
  alwaysOnJs: sum(alwaysOn.filter(f => f.endsWith('.js')), 'bytes'),
  alwaysOnGzip: sum(alwaysOn, 'gzip'),
  allGzip: sum(Object.keys(sizes), 'gzip'), // all of them: the most a page can get
};

// ── pages ───────────────────────────────────────────────────────────────────────────────────────
function listPages(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isFile() && e.name.endsWith('.html')) out.push({ name: e.name.replace(/\.html$/, ''), file: path.join(dir, e.name) });
    else if (e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'source.html'))) out.push({ name: e.name, file: path.join(dir, e.name, 'source.html') });
  }
  return out.filter(p => !ONLY || p.name.includes(ONLY));
}
const countElements = html => (html.match(/<[a-z][a-z0-9-]*/gi) ?? []).length; // start tags
const REALISTIC = 1000; // elements: real news pages carry ≈ 900–2,000+ (bench/pages/heavy-*: scripts/bench/make-pages.mjs)
const weight = n => (n >= REALISTIC ? 'realistic' : 'light');
const pages = listPages(PAGES_DIR).map(p => ({ ...p, html: fs.readFileSync(p.file, 'utf8') }));
if (!pages.length) {
  log('no pages in', PAGES_DIR);
  process.exit(1);
}

/** The scaling pages: the article body of `base` repeated ×k inside the same <article>. */
function scaled(html, k) {
  const m = /(<article[^>]*>)([\s\S]*?)(<\/article>)/i.exec(html);
  if (!m) return null;
  const inner = m[2];
  // Repeat the running text (the paragraphs after the dateline/byline), keep headline and byline once.
  const firstP = inner.search(/<p>(?!<)/i);
  const head = firstP >= 0 ? inner.slice(0, firstP) : '';
  const body = firstP >= 0 ? inner.slice(firstP) : inner;
  const repeated = Array.from({ length: k }, (_, i) => (i ? `<h2>Part ${i + 1}</h2>\n` : '') + body).join('\n');
  return html.replace(m[0], () => m[1] + head + repeated + m[3]);
}
const scaleBase = pages.find(p => p.name === SCALE_PAGE) ?? listPages(path.resolve('bench/pages')).map(p => ({ ...p, html: fs.readFileSync(p.file, 'utf8') })).find(p => p.name === SCALE_PAGE);
const scalePages = flag('--no-scale') || !scaleBase ? [] : [1, 4, 16].map(k => ({ name: `${scaleBase.name}×${k}`, k, html: scaled(scaleBase.html, k) })).filter(p => p.html);

const served = new Map([...pages, ...scalePages].map((p, i) => [`/p${i}/${encodeURIComponent(p.name.replace(/×/g, 'x'))}.html`, p]));
for (const [url, p] of served) p.path = url;
served.set('/empty.html', { html: '<!doctype html><html><head><title>empty</title></head><body></body></html>' });
const server = http.createServer((req, res) => {
  const p = served.get(new URL(req.url ?? '/', 'http://x').pathname);
  if (!p) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(p.html);
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const BASE = `http://127.0.0.1:${server.address().port}`;

// ── browsers ────────────────────────────────────────────────────────────────────────────────────
const READABILITY = fs.readFileSync(path.resolve('node_modules/@mozilla/readability/Readability.js'), 'utf8');
const COMPROMISE = fs.readFileSync(path.resolve('node_modules/compromise/builds/compromise.js'), 'utf8');
// Both browsers are launched the same way, each with a profile of its own (./bench/launch.mjs).
const freeCtx = await launchBrowser();
await freeCtx.addInitScript(inPage.longTaskObserver);
const chromiumVersion = await (async () => {
  const page = await freeCtx.newPage();
  const { product } = await (await freeCtx.newCDPSession(page)).send('Browser.getVersion');
  await page.close();
  return product.replace(/^[^/]*\//, '');
})();
const ext = await launchBrowser(EXT);
await ext.addInitScript(inPage.longTaskObserver);
let [sw] = ext.serviceWorkers();
sw ??= await ext.waitForEvent('serviceworker');
const EXT_ORIGIN = `chrome-extension://${new URL(sw.url()).host}`;
/** The extension's live service worker (a new one after the cold runs stop it). */
const worker = () => ext.serviceWorkers().findLast(w => w.url().startsWith(EXT_ORIGIN)) ?? sw;

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** One extension-free page: load, then `fn` (after injecting `script`, if any). */
async function freeRun(url, fn, script, withHeap = false) {
  const page = await freeCtx.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const cdp = withHeap ? await freeCtx.newCDPSession(page) : null;
    const heap = cdp ? await heapAfterGc(cdp) : NaN;
    if (script) await page.addScriptTag({ content: script });
    const result = await page.evaluate(fn);
    const longTasks = await page.evaluate(() => window.__benchLongTasks ?? []);
    return { ...result, heap, longTasks };
  } finally {
    await page.close();
  }
}

/** The page's milestones once it has painted (or after 2 s): polled on a timer, not in its frames. */
async function milestonesOf(page) {
  await page.waitForFunction(inPage.hasPainted, null, { polling: 50, timeout: 2000 }).catch(() => undefined);
  return page.evaluate(inPage.milestones);
}

/** The page alone in the extension-free browser, nothing run in it: its own load and first paint. */
async function plainRun(url) {
  const page = await freeCtx.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await milestonesOf(page);
  } finally {
    await page.close();
  }
}

/** Parse/compile time of a content script's source, in a fresh extension-free page. */
async function compileRun(src) {
  const page = await freeCtx.newPage();
  try {
    await page.goto(`${BASE}/empty.html`);
    return await page.evaluate(inPage.compile, src);
  } finally {
    await page.close();
  }
}

/** How long a `via` page is left to run its detector before the tab navigates on. */
const VIA_SETTLE_MS = 300;

const T = (points, name) => points.find(p => p.name === name)?.t ?? NaN;

/** The background's timing spans (epoch ms) since the last read, which clears them. */
async function backgroundSpans() {
  // A stopped worker's handle may never answer: give up after a second.
  const read = worker().evaluate(() => {
    const list = globalThis.__attributionLensBackgroundTimings ?? [];
    globalThis.__attributionLensBackgroundTimings = [];
    return list;
  });
  return Promise.race([read, new Promise(res => setTimeout(res, 1000, []))]).catch(() => []);
}

/** The background's spans that become points of a page's run (`bg:<name>-start`, `-end`). */
const BACKGROUND_SPANS = new Set(['engine', 'message', 'worker-script', 'worker-evaluation', 'knowledge-base', 'warm-up']);

/**
 * One page with the extension: wait for the content scripts to finish, read their timings. With
 * `via`, the new tab loads that page of the same site first (its detector runs there) and then
 * navigates to `url`: the renderer is the one the site already has, with the detector's code in
 * its compilation cache, as when a reader follows a link within a site.
 */
async function oursRun(url, { coldWorker = false, via = null } = {}) {
  if (!coldWorker) await backgroundSpans(); // drop spans of earlier pages (a stopped worker has none)
  const page = await ext.newPage();
  const cdp = await ext.newCDPSession(page);
  let iso = null;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === EXT_ORIGIN && context.auxData?.type === 'isolated') iso = context.id;
  });
  await cdp.send('Runtime.enable');
  try {
    if (via) {
      await page.goto(via, { waitUntil: 'load' });
      await page.waitForTimeout(VIA_SETTLE_MS);
      iso = null; // the next document's isolated world is a new context
    }
    await page.goto(url, { waitUntil: 'load' });
    let origin = NaN;
    const read = async () => {
      if (iso === null) return [];
      const r = await cdp.send('Runtime.evaluate', { expression: 'JSON.stringify({ origin: performance.timeOrigin, points: globalThis.__attributionLensTimings ?? [] })', contextId: iso, returnByValue: true }).catch(() => null);
      if (!r?.result?.value) return [];
      const v = JSON.parse(r.result.value);
      origin = v.origin;
      return v.points;
    };
    const deadline = Date.now() + TIMEOUT_MS;
    let points = [];
    for (;;) {
      points = await read();
      const names = new Set(points.map(p => p.name));
      // Relevant article: painted. Candidate not annotated: the article script is done. Not a
      // candidate: the detector is done (it sends nothing more).
      // A candidate's article script always ends with `al:done` (after taking over the detector's
      // drawing, on relevant articles): waiting for it counts all of its work.
      const painted = !names.has('al:highlight-end') || names.has('al:painted');
      const finished = names.has('al:candidate') ? painted && names.has('al:done') : names.has('al:detector-end');
      if (finished || Date.now() > deadline) break;
      await new Promise(r => setTimeout(r, 25));
    }
    // The engine's run in the background, on the page's clock (both clocks are wall time).
    // A woken worker also builds the knowledge base and warms the engine up (cold runs).
    for (const s of await backgroundSpans()) {
      if (!BACKGROUND_SPANS.has(s.name) || !Number.isFinite(origin)) continue;
      points.push({ name: `bg:${s.name}-start`, t: s.start - origin }, { name: `bg:${s.name}-end`, t: s.end - origin });
    }
    const longTasks = await page.evaluate(() => window.__benchLongTasks ?? []);
    const highlights = await page.evaluate(inPage.ourHighlights);
    const host = await milestonesOf(page);
    const heap = await heapAfterGc(cdp);
    if (TIMELINE) {
      const start = T(points, 'al:detector-start');
      const line = points.filter(p => p.t >= start).sort((a, b) => a.t - b.t).map(p => `${p.name} ${ms(p.t - start)}`);
      log(`timeline of ${new URL(url).pathname}: ${line.join(' | ')}`);
    }
    return { points, longTasks, highlights, heap, host };
  } finally {
    await page.close();
  }
}

/** Phases (ms) from one run's timing points. */
function phases(points) {
  const t = name => T(points, name);
  const start = t('al:detector-start');
  const end = Number.isFinite(t('al:painted')) ? t('al:painted') : Number.isFinite(t('al:done')) ? t('al:done') : t('al:detector-end');
  const span = (a, b) => t(b) - t(a);
  /** Every `[a, b]` pair in order (the detector and the article script may both run a phase). */
  const all = (a, b) => {
    if (a === b) return points.filter(p => p.name === a).map(p => [p.t, p.t]);
    const out = [];
    let open = NaN;
    for (const p of points) {
      if (p.name === a) open = p.t;
      else if (p.name === b && Number.isFinite(open)) {
        out.push([open, p.t]);
        open = NaN;
      }
    }
    return out;
  };
  // Work done in slices (lib/page/steps.ts) gives the page its turn between `al:yield-start` and
  // `al:yield-end`: a gap inside one of our spans is not our work, and splits the span into the
  // tasks it ran in. (Our other work that ran during a gap has spans of its own, inside the gap.)
  const gaps = all('al:yield-start', 'al:yield-end');
  const pieces = ([x, y]) => {
    const out = [];
    for (const [g0, g1] of gaps) {
      if (g0 < x || g1 > y) continue;
      out.push([x, g0]);
      x = g1;
    }
    out.push([x, y]);
    return out;
  };
  const net = ([x, y]) => pieces([x, y]).reduce((sum, [a, b]) => sum + (b - a), 0);
  const total = (a, b) => all(a, b).reduce((sum, s) => sum + net(s), 0);
  const detector = total('al:detector-start', 'al:detector-end'); // includes `prepare` on candidates
  const extract = span('al:extract-start', 'al:extract-end'); // the article script's, when the detector's was not usable
  /** The first `[a, b]` span, less the page's turns inside it (NaN without one). */
  const first = (a, b) => {
    const [s] = all(a, b);
    return s ? net(s) : NaN;
  };
  const index = first('al:index-start', 'al:index-end');
  const anchor = first('al:anchor-start', 'al:anchor-end');
  const highlight = span('al:highlight-start', 'al:highlight-end');
  const work = [detector, extract].filter(Number.isFinite).reduce((a, b) => a + b, 0) + total('al:index-start', 'al:index-end') + total('al:anchor-start', 'al:anchor-end') + total('al:highlight-start', 'al:highlight-end') + total('al:complete-start', 'al:complete-end');
  // The content scripts' synchronous spans: a long task is the extension's if it contains one.
  // (The article script's evaluation happens just before `al:article-start`, in the same task.)
  const spans = [
    ['al:detector-start', 'al:detector-end'],
    ['al:article-start', 'al:article-start'],
    ['al:extract-start', 'al:extract-end'],
    ['al:complete-start', 'al:complete-end'],
    ['al:index-start', 'al:index-end'],
    ['al:anchor-start', 'al:anchor-end'],
    ['al:highlight-start', 'al:highlight-end'],
  ].flatMap(([a, b]) => all(a, b).flatMap(pieces));
  return {
    spans,
    total: end - start,
    painted: t('al:painted') - start,
    detector,
    quickCheck: span('al:detector-start', 'al:quickcheck-end'),
    prepare: first('al:prepare-start', 'al:prepare-end'),
    inject: span('al:request-script', 'al:article-start'),
    extract,
    engine: span('bg:engine-start', 'bg:engine-end'),
    // A woken worker's start (cold runs only): its knowledge base, its warm-up, and how long the
    // detector's text waited from being sent to the engine starting on it.
    workerScript: span('bg:worker-script-start', 'bg:worker-script-end'),
    workerEvaluation: span('bg:worker-evaluation-start', 'bg:worker-evaluation-end'),
    knowledgeBase: span('bg:knowledge-base-start', 'bg:knowledge-base-end'),
    warmUp: span('bg:warm-up-start', 'bg:warm-up-end'),
    toEngine: span('al:analyse-start', 'bg:engine-start'),
    // The detector's text on its way to the worker, and the answer on its way back (from the
    // worker's message listener returning to the page's callback running: the page's main thread
    // may be busy with its own rendering then).
    send: span('al:analyse-start', 'bg:message-start'),
    answer: span('bg:message-end', 'al:analyse-end'),
    analyse: span('al:analyse-start', 'al:analyse-end'),
    index,
    anchor,
    highlight,
    paint: t('al:painted') - t('al:highlight-end'),
    work, // synchronous main-thread work of the content scripts (not counting script evaluation)
    candidate: points.some(p => p.name === 'al:candidate'),
    start,
    end,
  };
}

// ── runs ────────────────────────────────────────────────────────────────────────────────────────
log(`Chromium ${chromiumVersion}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}; ${pages.length} pages from ${path.relative(process.cwd(), PAGES_DIR) || '.'}, ${RUNS} runs each${scalePages.length ? `, scaling ×1/×4/×16 of ${scaleBase.name}` : ''}`);
const LOAD = os.loadavg();
const warm = pages.find(p => /article/i.test(p.name)) ?? scalePages[0] ?? pages[0];
const cold = phases((await oursRun(BASE + warm.path)).points);
await freeRun(BASE + warm.path, inPage.floor, null);
log(`warm-up (not counted): ${warm.name} cold ours ${ms(cold.total)} ms (analyse ${ms(cold.analyse)} ms, service worker and knowledge base starting)`);

const compileTimes = {};
for (const f of Object.keys(sizes).filter(f => f.endsWith('.js'))) {
  const src = fs.readFileSync(path.join(EXT, f), 'utf8');
  const times = [];
  for (let r = 0; r < RUNS; r++) times.push(await compileRun(src));
  compileTimes[f] = summary(times);
}

async function measurePage(p) {
  const url = BASE + p.path;
  const s = { floor: [], readability: [], peer: [], peerNlp: [], peerWrap: [], ours: [], heapFree: [], heapOurs: [], pageLongTasks: [], ourLongTasks: [], otherLongTasks: [], highlights: [], peerMarks: [], hostFree: [], hostOurs: [] };
  for (let r = 0; r < RUNS; r++) {
    const f = await freeRun(url, inPage.floor, null, true);
    s.floor.push(f.ms);
    s.heapFree.push(f.heap);
    s.pageLongTasks.push(...f.longTasks.map(l => l.duration));
    s.readability.push((await freeRun(url, inPage.readability, READABILITY)).ms);
    const pr = await freeRun(url, inPage.peer, COMPROMISE);
    s.peer.push(pr.ms);
    s.peerNlp.push(pr.nlpMs);
    s.peerWrap.push(pr.wrapMs);
    s.peerMarks.push(pr.marks);
    // The page alone and with the extension, one right after the other (paired: the machine's
    // load changes less between the two), in turn first (neither always follows the peer's page).
    const alone = r % 2 ? null : await plainRun(url);
    const o = await oursRun(url);
    s.hostFree.push(alone ?? (await plainRun(url)));
    s.hostOurs.push(o.host);
    const ph = phases(o.points);
    s.ours.push(ph);
    s.heapOurs.push(o.heap);
    s.highlights.push(o.highlights);
    s.ourLongTasks.push(...o.longTasks.filter(l => ph.spans.some(([a, b]) => l.start <= b && l.start + l.duration >= a)).map(l => l.duration));
    s.otherLongTasks.push(...o.longTasks.filter(l => l.start + l.duration > ph.start && !ph.spans.some(([a, b]) => l.start <= b && l.start + l.duration >= a)).map(l => l.duration));
  }
  const pick = key => summary(s.ours.map(x => x[key]));
  const relevant = median(s.highlights) > 0;
  const candidate = s.ours.filter(x => x.candidate).length > RUNS / 2;
  // A page that is not a candidate again, in a tab that was already on the site (not a goal's
  // figure: the goal is judged on the fresh tabs above).
  const sameTab = [];
  if (!candidate) for (let r = 0; r < RUNS; r++) sameTab.push(phases((await oursRun(url, { via: BASE + '/empty.html' })).points).work);
  const res = {
    name: p.name,
    kind: relevant ? 'relevant article' : candidate ? 'candidate, not annotated' : 'not a candidate',
    chars: undefined,
    elements: countElements(p.html),
    floor: summary(s.floor),
    readability: summary(s.readability),
    peer: summary(s.peer),
    peerNlp: summary(s.peerNlp),
    peerWrap: summary(s.peerWrap),
    peerMarks: median(s.peerMarks),
    ours: pick('total'),
    workMin: Math.min(...s.ours.map(x => x.work)),
    workSameTab: sameTab.length ? summary(sameTab) : null,
    phases: Object.fromEntries(['detector', 'quickCheck', 'prepare', 'inject', 'extract', 'engine', 'analyse', 'index', 'anchor', 'highlight', 'paint', 'work', 'send', 'answer'].map(k => [k, pick(k)])),
    highlights: median(s.highlights),
    longTasks: {
      ours: { count: s.ourLongTasks.length, over50: s.ourLongTasks.filter(d => d > 50).length, max: Math.max(0, ...s.ourLongTasks) },
      page: { count: s.pageLongTasks.length, max: Math.max(0, ...s.pageLongTasks) },
      // After document_idle in the extension run but containing none of our work (page, browser, load on the machine).
      other: { count: s.otherLongTasks.length, max: Math.max(0, ...s.otherLongTasks) },
    },
    heapGrowth: median(s.heapOurs) - median(s.heapFree),
    // The page's own load event and first contentful paint, without and with the extension, and
    // the median of the paired differences.
    host: Object.fromEntries(
      ['load', 'fcp'].map(k => [
        k,
        {
          without: median(s.hostFree.map(h => h[k]).filter(Number.isFinite)),
          with: median(s.hostOurs.map(h => h[k]).filter(Number.isFinite)),
          delta: median(s.hostFree.map((h, i) => s.hostOurs[i][k] - h[k]).filter(Number.isFinite)),
        },
      ]),
    ),
  };
  res.ratioReadability = res.ours.median / res.readability.median;
  res.ratioPeer = res.ours.median / res.peer.median;
  return res;
}

const results = [];
for (const p of pages) {
  const r = await measurePage(p);
  results.push(r);
  log(`${r.name}: ${r.kind}; ours ${ms(r.ours.median)} ms, Readability ${ms(r.readability.median)} ms, peer ${ms(r.peer.median)} ms, content-script work ${ms(r.phases.work.median)} ms${r.workSameTab ? ` (${ms(r.workSameTab.median)} ms in a tab already on the site)` : ''}`);
}
const scaling = [];
for (const p of scalePages) {
  const r = await measurePage(p);
  r.k = p.k;
  scaling.push(r);
  log(`${r.name}: ours ${ms(r.ours.median)} ms, Readability ${ms(r.readability.median)} ms, peer ${ms(r.peer.median)} ms, longest task of ours ${ms(r.longTasks.ours.max)} ms`);
}

// Cold worker: Chrome stops an idle extension service worker after 30 s, so the first article a
// reader opens after a pause meets a stopped one: it starts (often woken by the tab's navigation,
// which the background listens to), builds the knowledge base, and runs the engine's code cold.
// The service worker is stopped (DevTools protocol) before each of these pages; not a goal.
async function coldRuns(p) {
  const ctl = await ext.newPage();
  const cdp = await ext.newCDPSession(ctl);
  const running = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(EXT_ORIGIN)) running.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const out = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 5000;
      while ([...running.values()].some(s => s !== 'stopped') && Date.now() < deadline) await new Promise(res => setTimeout(res, 20));
      await new Promise(res => setTimeout(res, 200));
      out.push(phases((await oursRun(BASE + p.path, { coldWorker: true })).points));
    }
  } finally {
    await ctl.close();
  }
  const of = key => summary(out.map(x => x[key]).filter(Number.isFinite));
  return { page: p.name, ours: of('total'), analyse: of('analyse'), engine: of('engine'), workerScript: of('workerScript'), workerEvaluation: of('workerEvaluation'), knowledgeBase: of('knowledgeBase'), warmUp: of('warmUp'), toEngine: of('toEngine') };
}
const coldWorker = warm && !flag('--no-cold') ? await coldRuns(warm) : null;
if (coldWorker) log(`cold service worker, ${coldWorker.page}: ours ${ms(coldWorker.ours.median)} ms (send → answer ${ms(coldWorker.analyse.median)} ms, engine ${ms(coldWorker.engine.median)} ms, knowledge base ${ms(coldWorker.knowledgeBase.median)} ms)`);
await ext.close();
await freeCtx.close();
server.closeAllConnections();
server.close();

// ── report ──────────────────────────────────────────────────────────────────────────────────────
const relevant = results.filter(r => r.kind === 'relevant article');
const nonArticles = results.filter(r => r.kind !== 'relevant article');
const notCandidates = results.filter(r => r.kind === 'not a candidate');
const groups = ['light', 'realistic'].map(w => ({ w, rs: relevant.filter(r => weight(r.elements) === w) })).filter(g => g.rs.length);
const byWeight = Object.fromEntries(groups.map(({ w, rs }) => [w, { pages: rs.map(r => r.name), ratioReadability: median(rs.map(r => r.ratioReadability)), ratioPeer: median(rs.map(r => r.ratioPeer)), oursMedian: median(rs.map(r => r.ours.median)) }]));
const overall = {
  byWeight,
  ratioReadability: median(relevant.map(r => r.ratioReadability)),
  ratioPeer: median(relevant.map(r => r.ratioPeer)),
  oursMedian: median(relevant.map(r => r.ours.median)),
  oursP90: p90(relevant.map(r => r.ours.p90)),
  nonArticleWork: notCandidates.length ? Math.max(...notCandidates.map(r => r.phases.work.median)) : NaN,
  nonArticleWorkP90: notCandidates.length ? Math.max(...notCandidates.map(r => r.phases.work.p90)) : NaN,
  nonArticleWorkMin: notCandidates.length ? Math.max(...notCandidates.map(r => r.workMin)) : NaN,
  nonArticleWorkSameTab: notCandidates.length ? Math.max(...notCandidates.map(r => r.workSameTab?.median ?? NaN)) : NaN,
  longTasksOver50: [...results, ...scaling].reduce((n, r) => n + r.longTasks.ours.over50, 0),
  longestOurs: Math.max(0, ...[...results, ...scaling].map(r => r.longTasks.ours.max)),
  heapTypical: median(relevant.map(r => r.heapGrowth)),
  scale16: scaling.length === 3 ? scaling[2].ours.median / scaling[0].ours.median : NaN,
};
const multi = groups.length > 1;
const goals = [
  ...(multi ? groups.map(g => g.w) : [null]).flatMap(w => {
    const o = w ? byWeight[w] : overall;
    const on = w ? ` (${w} pages${w === 'realistic' ? `, ≥ ${REALISTIC.toLocaleString('en-US')} elements` : ''})` : '';
    return [
      [`relevant article${on}: ours ≤ 1.5× Readability (median of per-page ratios)`, ratio(o.ratioReadability), o.ratioReadability <= 1.5],
      [`relevant article${on}: ours ≤ 0.2× peer pipeline`, ratio(o.ratioPeer), o.ratioPeer <= 0.2],
    ];
  }),
  ['not an article: content-script work ≤ 1 ms (worst page median)', `${ms(overall.nonArticleWork)} ms (best run ${ms(overall.nonArticleWorkMin)} ms; ${ms(overall.nonArticleWorkSameTab)} ms in a tab already on the site)`, overall.nonArticleWork <= 1],
  ['no long task > 50 ms caused by the extension', `${overall.longTasksOver50} (longest ${ms(overall.longestOurs)} ms)`, overall.longTasksOver50 === 0],
  ['×16 text → at most ×16 time', ratio(overall.scale16), overall.scale16 <= 16],
  ['always-on content script ≤ 20 KB minified', kb(sizeReport.alwaysOnJs), sizeReport.alwaysOnJs <= 20 * 1024],
  ['everything loaded into a page ≤ 50 KB gzipped', kb(sizeReport.allGzip), sizeReport.allGzip <= 50 * 1024],
  ['content-script heap growth ≤ 5 MB on a typical article', mb(overall.heapTypical), overall.heapTypical <= 5 * 1048576],
];

const mr = x => `${ms(x.median)} / ${ms(x.p90)}`;
const pageHeader = ['page', 'kind', 'elements', 'floor', 'Readability', 'peer', 'ours', 'ours/Rd', 'ours/peer', 'CS work', 'heap +', 'long tasks: ours / others after idle / page alone'];
const pageRow = r => [
  r.name,
  r.kind,
  `${r.elements} (${weight(r.elements)})`,
  mr(r.floor),
  mr(r.readability),
  mr(r.peer),
  mr(r.ours),
  ratio(r.ratioReadability),
  ratio(r.ratioPeer),
  mr(r.phases.work),
  mb(r.heapGrowth),
  `${r.longTasks.ours.count} (max ${ms(r.longTasks.ours.max)}) / ${r.longTasks.other.count} / ${r.longTasks.page.count}`,
];
const phaseKeys = ['quickCheck', 'prepare', 'detector', 'inject', 'extract', 'send', 'engine', 'answer', 'analyse', 'index', 'anchor', 'highlight', 'paint'];
const phaseRow = r => [r.name, ...phaseKeys.map(k => ms(r.phases[k].median)), `${r.highlights}`];
const scaleHeader = ['page', 'floor', 'Readability', 'peer', 'ours', 'ours ×k/×1', 'Rd ×k/×1', 'peer ×k/×1', 'ours/Rd', 'ours/peer', 'longest task ours'];
const scaleRow = r => [
  r.name,
  mr(r.floor),
  mr(r.readability),
  mr(r.peer),
  mr(r.ours),
  ratio(r.ours.median / scaling[0].ours.median),
  ratio(r.readability.median / scaling[0].readability.median),
  ratio(r.peer.median / scaling[0].peer.median),
  ratio(r.ratioReadability),
  ratio(r.ratioPeer),
  `${ms(r.longTasks.ours.max)} ms`,
];
const sizeHeader = ['file', 'minified', 'gzipped', 'compile (median / p90 ms)'];
const sizeRows = Object.entries(sizes).map(([f, s]) => [f + (alwaysOn.includes(f) ? ' (always on)' : ''), kb(s.bytes), kb(s.gzip), compileTimes[f] ? mr(compileTimes[f]) : '–']);
const goalRows = goals.map(([g, v, ok]) => [g, v, ok ? 'met' : '**missed**']);

const hostHeader = ['page', 'kind', 'load event: alone → with the extension (Δ)', 'first contentful paint: alone → with (Δ)'];
const signed = x => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${ms(Math.abs(x))}` : '–');
const hostCell = h => `${ms(h.without)} → ${ms(h.with)} (${signed(h.delta)})`;
const hostRow = r => [r.name, r.kind, hostCell(r.host.load), hostCell(r.host.fcp)];
const hostText =
  'The page\'s own milestones (median ms from navigation start; Δ = median of the paired differences of the runs), alone in the extension-free browser and with the extension (not a goal; a content script at `document_idle` runs before the load event ends)';
const coldText = () =>
  `**Cold service worker** (stopped before each page, as after 30 s idle; not a goal): ${coldWorker.page}, ours ${mr(coldWorker.ours)} ms; send → answer ${mr(coldWorker.analyse)} ms; engine ${mr(coldWorker.engine)} ms. ` +
  `In the woken worker: started and its script loaded in ${mr(coldWorker.workerScript)} ms, our modules evaluated in ${mr(coldWorker.workerEvaluation)} ms, the knowledge base built in ${mr(coldWorker.knowledgeBase)} ms, engine warm-up ${mr(coldWorker.warmUp)} ms; the detector's text sent → the engine starts on it ${mr(coldWorker.toEngine)} ms.`;

const sameTabText = () =>
  `**Pages that are not candidates, in a tab already on the site** (the tab loaded another page of the same site first, so the renderer has the detector's code compiled; not the goal's figure): content-script work ${notCandidates.filter(r => r.workSameTab).map(r => `${r.name} ${mr(r.workSameTab)}`).join(', ')} ms.`;

function markdown() {
  return [
    `Chromium ${chromiumVersion} headless, ${os.cpus().length} CPUs (load average ${LOAD.map(x => x.toFixed(1)).join(', ')} at the start), ${RUNS} fresh pages per figure; times in ms as median / p90.`,
    '',
    mdTable(pageHeader, results.map(pageRow)),
    '',
    ...(notCandidates.some(r => r.workSameTab) ? [sameTabText(), ''] : []),
    '**Ours, phases (medians, ms)**: quickCheck = from the detector\'s first statement (its modules\' evaluation included) to its decision; prepare = the detector reading the article container, on candidates (part of detector); inject = detector asks → article script runs; extract = the article script reading the page again (only when the detector\'s reading was not usable); engine = the analysis in the background (it starts when the detector\'s text arrives, while the article script loads); send = the detector\'s text sent → the worker\'s message listener starts; answer = the listener returns → the page\'s callback runs; analyse = the detector sends its text (or, without a container, the article script asks) → the answer arrives; index = the live text index (built while the answer travels); paint = highlights registered → the task after the next frame rendering (rAF, then a posted message).',
    '',
    mdTable(['page', ...phaseKeys, 'ranges'], [...results, ...scaling].map(phaseRow)),
    '',
    scaling.length ? `**Scaling** (${scaleBase.name}'s body repeated ×1, ×4, ×16):\n\n${mdTable(scaleHeader, scaling.map(scaleRow))}\n` : '',
    '**Content scripts** (compile = `new Function(source)` in a fresh page):',
    '',
    mdTable(sizeHeader, sizeRows),
    '',
    coldWorker ? `${coldText()}\n` : '',
    `**Host page.** ${hostText}:`,
    '',
    mdTable(hostHeader, results.map(hostRow)),
    '',
    '**Goals**',
    '',
    mdTable(['goal', 'measured', ''], goalRows),
  ].join('\n');
}

if (JSON_OUT) {
  console.log(JSON.stringify({ chromium: chromiumVersion, loadAverage: LOAD, runs: RUNS, pagesDir: PAGES_DIR, cold, coldWorker, sizes: sizeReport, compileTimes, results, scaling, overall, goals: goals.map(([goal, value, met]) => ({ goal, value, met })) }, null, 2));
} else {
  console.log(`\nLoad average at the start ${LOAD.map(x => x.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs. Times in ms, median / p90 of ${RUNS} fresh pages. CS work = the content scripts' synchronous main-thread work.\n`);
  console.log(textTable(pageHeader, results.map(pageRow)));
  if (notCandidates.some(r => r.workSameTab)) console.log(`\n${sameTabText().replace(/\*\*/g, '')}`);
  console.log('\nOurs, phases (medians, ms):\n');
  console.log(textTable(['page', ...phaseKeys, 'ranges'], [...results, ...scaling].map(phaseRow)));
  if (scaling.length) {
    console.log(`\nScaling (${scaleBase.name} ×1, ×4, ×16):\n`);
    console.log(textTable(scaleHeader, scaling.map(scaleRow)));
  }
  console.log('\nContent scripts:\n');
  console.log(textTable(sizeHeader, sizeRows));
  if (coldWorker) console.log(`\n${coldText().replace(/\*\*/g, '')}`);
  console.log(`\nHost page. ${hostText}:\n`);
  console.log(textTable(hostHeader, results.map(hostRow)));
  console.log(`\nOverall (relevant articles): ours ${ms(overall.oursMedian)} ms median, ${ms(overall.oursP90)} ms p90; ours/Readability ${ratio(overall.ratioReadability)}, ours/peer ${ratio(overall.ratioPeer)}${groups.length > 1 ? ` (${groups.map(({ w }) => `${w} pages ${ratio(byWeight[w].ratioReadability)} / ${ratio(byWeight[w].ratioPeer)}`).join(', ')})` : ''}; non-article pages: ${nonArticles.map(r => `${r.name} ${ms(r.phases.work.median)} ms`).join(', ')}\n`);
  console.log(textTable(['goal', 'measured', ''], goals.map(([g, v, ok]) => [g, v, ok ? 'met' : 'MISSED'])));
  if (MARKDOWN) console.log(`\n${markdown()}`);
}
if (DOC) {
  const intro = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8').split('<!-- bench:figures -->')[0] : '# Benchmark\n\n';
  fs.writeFileSync(DOC, `${intro}<!-- bench:figures -->\n\n${markdown()}\n`);
  log('figures written to', DOC);
}
