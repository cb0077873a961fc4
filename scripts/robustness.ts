/**
 * Robustness run (issue 6): the annotator CLI, in one process per set, over the saved real pages
 * of ../shared/pages/readability and over the generated hostile pages (scripts/hostile-pages.ts,
 * written to a temp dir). Prints the time per page (parse + extract + analyse, from `--timing`)
 * and checks: exit code, one report per HTML page, `relevant: false`, no hidden text in a
 * report, a clean one-line error per non-HTML page, every page under its bound.
 *
 *   npx tsx scripts/robustness.ts [--quiet]
 *
 * Exit code 0 when every check passes. The bounds below are the ones the tests assert.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Report } from '../lib/types';
import { writeHostilePages, type HostilePage } from './hostile-pages';

/**
 * Per page, parse + extract + analyse, in ms, for a real saved page. Measured maximum 1.4 s
 * (18,000 words) on a shared 2-CPU machine under load (load average ~10); ×3.5 for noise.
 */
export const REAL_PAGE_MS = 5_000;
/**
 * Per page, parse + extract + analyse, in ms, for a hostile page of ordinary size (deep, malformed,
 * odd characters). Measured maximum ~0.6 s under the same load; ×5 for noise.
 */
export const PAGE_MS = 3_000;
/**
 * The same for the huge hostile pages (1 MB paragraph, 100,000 words, 200,000 elements, 5 MB
 * script, 600,000-character words). Measured maximum 1.3 s idle, 3.6 s under load, 13 s with
 * three test files in parallel on a machine at load ~12 (200,000 elements); hence 20 s.
 */
export const HUGE_PAGE_MS = 20_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The `--timing` figures of one input, in ms. */
export interface PageTiming {
  input: string;
  parse: number;
  extract: number;
  analyse: number;
  total: number;
}

/** Reads the CLI's `--timing` lines from its stderr. */
export function parseTimings(stderr: string): Map<string, PageTiming> {
  const out = new Map<string, PageTiming>();
  for (const m of stderr.matchAll(/^attribution-lens: timing (.+): read [\d.]+ ms, parse ([\d.]+) ms, extract ([\d.]+) ms, analyse ([\d.]+) ms/gm)) {
    const [parse, extract, analyse] = [+m[2], +m[3], +m[4]];
    out.set(m[1], { input: m[1], parse, extract, analyse, total: parse + extract + analyse });
  }
  return out;
}

/** Runs the annotator once over `files`; stdout lines, stderr and exit code. */
export function runCli(files: string[], args = ['--json', '--timing']): { code: number | null; lines: string[]; err: string } {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const r = spawnSync(tsx, ['cli/annotate.ts', ...args, ...files], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 600_000 });
  return { code: r.status, lines: r.stdout.split('\n').filter(Boolean), err: r.stderr };
}

/** The 130 saved pages, or [] when ../shared is absent. */
export function realPages(): string[] {
  const dir = path.resolve(root, '../shared/pages/readability');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().map(d => path.join(dir, d, 'source.html')).filter(f => existsSync(f));
}

interface Checked {
  problems: string[];
  rows: string[];
  max: PageTiming | null;
}

function checkReports(files: string[], run: ReturnType<typeof runCli>, boundOf: (f: string) => number, hidden: (f: string) => string[]): Checked {
  const problems: string[] = [];
  const rows: string[] = [];
  const timings = parseTimings(run.err);
  if (run.code !== 0) problems.push(`exit code ${run.code}`);
  if (run.lines.length !== files.length) problems.push(`${run.lines.length} reports for ${files.length} pages`);
  const seen: PageTiming[] = [];
  files.forEach((f, i) => {
    const line = run.lines[i] ?? '';
    let report: Report | null = null;
    try {
      report = JSON.parse(line) as Report;
    } catch {
      problems.push(`${f}: no JSON report`);
    }
    if (report?.article.relevant !== false) problems.push(`${f}: relevant is ${report?.article.relevant}`);
    for (const h of hidden(f)) if (line.includes(h)) problems.push(`${f}: hidden text ${h} reached the report`);
    const t = timings.get(f);
    if (!t) problems.push(`${f}: no timing line`);
    else {
      seen.push(t);
      if (t.total > boundOf(f)) problems.push(`${f}: ${t.total.toFixed(0)} ms > bound ${boundOf(f)} ms`);
      rows.push(`${t.total.toFixed(0).padStart(7)} ms  (parse ${t.parse.toFixed(0)}, extract ${t.extract.toFixed(0)}, analyse ${t.analyse.toFixed(0)})  ${path.relative(process.cwd(), f)}`);
    }
  });
  const max = seen.reduce<PageTiming | null>((m, t) => (!m || t.total > m.total ? t : m), null);
  return { problems, rows, max };
}

function slowest(t: PageTiming | null): string {
  return t ? `${t.total.toFixed(0)} ms (${path.basename(path.dirname(t.input))}/${path.basename(t.input)})` : '-';
}

function main(quiet: boolean): number {
  const problems: string[] = [];
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const real = realPages();
  if (!real.length) say('[attribution-lens] ../shared/pages/readability is absent: real pages skipped');
  else {
    const c = checkReports(real, runCli(real), () => REAL_PAGE_MS, () => []);
    if (!quiet) c.rows.forEach(say);
    say(`[attribution-lens] real pages: ${real.length}, slowest ${slowest(c.max)}, bound ${REAL_PAGE_MS} ms`);
    problems.push(...c.problems);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'al-hostile-'));
  try {
    const pages = writeHostilePages(dir);
    const byFile = new Map<string, HostilePage>(pages.map(p => [p.file, p]));
    const html = pages.filter(p => p.expect === 'report').map(p => p.file);
    const c = checkReports(html, runCli(html), f => (byFile.get(f)?.huge ? HUGE_PAGE_MS : PAGE_MS), f => byFile.get(f)?.hidden ?? []);
    if (!quiet) c.rows.forEach(say);
    say(`[attribution-lens] hostile pages: ${html.length}, slowest ${slowest(c.max)}, bounds ${PAGE_MS} / ${HUGE_PAGE_MS} ms (huge)`);
    problems.push(...c.problems);
    const refused = pages.filter(p => p.expect === 'refused').map(p => p.file);
    const r = runCli(refused, ['--json']);
    const errs = r.err.trim().split('\n');
    if (r.code !== 1 || r.lines.length || errs.length !== refused.length) problems.push(`non-HTML: exit ${r.code}, ${r.lines.length} reports, ${errs.length} error lines`);
    say(`[attribution-lens] non-HTML inputs: ${refused.length}, refused: ${errs.map(e => e.slice(e.lastIndexOf(': ') + 2)).join('; ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const p of problems) say(`[attribution-lens] FAIL ${p}`);
  say(problems.length ? `[attribution-lens] ${problems.length} problem(s)` : '[attribution-lens] all checks passed');
  return problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.includes('--quiet'));
}
