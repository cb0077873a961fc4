#!/usr/bin/env node
// Where the time of *ours* goes (docs/benchmark.md, fifteenth pass): from the detector's first
// statement to the task after the frame that paints its highlights, what the page's main thread
// does, read from Chromium's own trace of fresh pages (the same launch as `npm run bench`):
//   ours        tasks running our scripts or delivering the background's answer to them;
//   our frame   the frame that paints the highlights (from its start to its end);
//   page frames the page's own frames meanwhile (its first paint, usually);
//   page other  the page's other tasks (its load event, …);
//   idle        nothing on the thread: the text's trip to the worker, the engine there, the
//               answer's trip back, and the wait for the next frame.
// Tracing slows everything a little: read the shares, not the absolute times.
//   node scripts/bench/trace-window.mjs [--runs 7] [--only SUBSTRING]    (build first: npx wxt build)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launchBrowser } from './launch.mjs';
import { median } from './stats.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('--runs', 7));
const ONLY = arg('--only', 'article-');
const EXT = path.resolve(process.env.BENCH_EXT ?? '.output/chrome-mv3');
const DIR = path.resolve('bench/pages');
if (!fs.existsSync(path.join(EXT, 'manifest.json'))) {
  console.error(`No built extension in ${EXT}: run \`npx wxt build\` first.`);
  process.exit(1);
}
const pages = fs.readdirSync(DIR).filter(f => f.endsWith('.html') && f.includes(ONLY) && !f.includes('unrelated')).sort();

const server = http.createServer((req, res) => {
  const file = path.join(DIR, path.basename(new URL(req.url, 'http://x').pathname));
  if (!fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fs.readFileSync(file));
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const ctx = await launchBrowser(EXT);
if (!ctx.serviceWorkers().length) await ctx.waitForEvent('serviceworker');
const settle = ms => new Promise(resolve => setTimeout(resolve, ms));
// Warm-up, as the bench's: the worker and the knowledge base started, the engine's code compiled.
for (let i = 0; i < 2; i++) {
  const p = await ctx.newPage();
  await p.goto(`${base}/${pages[0]}?warm${i}`);
  await settle(800);
  await p.close();
}

/** One fresh page, traced: its renderer's main-thread complete events, sorted. */
async function trace(url) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', e => events.push(...e.value));
  const done = new Promise(resolve => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'mojom', 'disabled-by-default-devtools.timeline.frame'] },
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  await settle(900);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  await page.close();
  const thread = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') thread.set(`${e.pid}:${e.tid}`, e.args.name);
  const counts = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (thread.get(key) === 'CrRendererMain') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return events.filter(e => `${e.pid}:${e.tid}` === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
}

const isDetector = e => /\/detector\.js$/.test(String(e.args?.data?.url ?? ''));
const within = (outer, e) => e.ts >= outer.ts && e.ts + (e.dur ?? 0) <= outer.ts + outer.dur;

/** The window's time by kind (ms), or null if the page drew nothing. */
function decompose(evs) {
  const start = evs.find(e => e.name === 'EvaluateScript' && isDetector(e));
  // The highlights' frame: the one whose animation-frame callbacks run ours (markPainted).
  const raf = evs.find(e => e.name === 'FunctionCall' && isDetector(e) && evs.some(f => f.name === 'FireAnimationFrame' && within(f, e)));
  if (!start || !raf) return null;
  const painted = evs.find(e => e.name === 'FunctionCall' && isDetector(e) && e.ts > raf.ts + raf.dur);
  if (!painted) return null;
  // As the bench's: from the first statement (the script's compile is reported apart there).
  const compile = evs.find(e => e.name === 'v8.compile' && isDetector(e) && within(start, e));
  const t0 = compile ? compile.ts + compile.dur : start.ts;
  const t1 = painted.ts;
  const out = { window: (t1 - t0) / 1000, ours: 0, ourFrame: 0, pageFrames: 0, pageOther: 0, idle: 0 };
  // A task, or a microtask checkpoint run after one (traced beside it, not inside it: it is
  // then the preceding task's, e.g. anchoring after the answer's delivery).
  const units = evs.filter(e => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunMicrotasks') && e.ts + e.dur > t0 && e.ts < t1);
  let last = 'pageOther';
  let open = null;
  for (const unit of units) {
    if (open && within(open, unit)) continue; // a checkpoint inside a task: counted with it
    const ms = (Math.min(unit.ts + unit.dur, t1) - Math.max(unit.ts, t0)) / 1000;
    let kind;
    if (unit.name === 'RunMicrotasks') kind = last === 'ourFrame' ? 'ours' : last;
    else {
      open = unit;
      const inside = evs.filter(e => e !== unit && within(unit, e));
      const frame = inside.some(e => e.name === 'PrePaint' || e.name === 'Paint' || e.name === 'Layout');
      const ourCode = inside.some(e => isDetector(e) || /^extensions\.mojom\./.test(String(e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '')));
      kind = frame && within(unit, raf) ? 'ourFrame' : ourCode ? 'ours' : frame ? 'pageFrames' : 'pageOther';
    }
    out[kind] += ms;
    last = kind;
  }
  out.idle = out.window - out.ours - out.ourFrame - out.pageFrames - out.pageOther;
  return out;
}

const KINDS = ['window', 'ours', 'ourFrame', 'pageFrames', 'pageOther', 'idle'];
console.log(`Medians of ${RUNS} fresh pages, ms (the detector's start → the task after the highlights' frame):`);
console.log(['page'.padEnd(22), ...KINDS.map(k => k.padStart(10))].join(' '));
for (const file of pages) {
  const rows = [];
  for (let i = 0; i < RUNS; i++) {
    const row = decompose(await trace(`${base}/${file}?run${i}`));
    if (row) rows.push(row);
  }
  if (!rows.length) {
    console.log(`${file.padEnd(22)} no highlights drawn`);
    continue;
  }
  console.log([file.replace(/\.html$/, '').padEnd(22), ...KINDS.map(k => median(rows.map(r => r[k])).toFixed(1).padStart(10))].join(' '));
}
await ctx.close();
server.close();
