/**
 * Command-line annotator: `npm run annotate -- [--json] [--timing] PATH_OR_URL...`.
 * For each input in order: load (file or http(s) URL), parse with linkedom, extract, analyse,
 * print (one JSON line per report with --json). A failed input gets one line on stderr and
 * the exit code 1; the other inputs are still reported.
 */
import { analyze } from '../lib/engine';
import { extractArticle } from '../lib/page/extract';
import type { ExtractedArticle, Report } from '../lib/types';
import { parseArgs, useColor, USAGE, type CliOptions } from './args';
import { InputError, loadInput } from './load-input';
import { parseDocument } from './parse-document';
import { renderReport } from './render-terminal';

const NAME = 'attribution-lens';
/** Runs of `analyze` for the warm-up figure of --timing (the first WARM_SKIP only warm the JIT). */
const WARM_RUNS = 15;
const WARM_SKIP = 5;

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

/** Medians of warm runs: the whole analysis, its language work and its cross-reference matching. */
function warmMedian(article: ExtractedArticle): { total: number; language: number; xref: number } {
  const total: number[] = [];
  const language: number[] = [];
  const xref: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const timing = { language: 0, xref: 0 };
    total.push(timed(() => analyze(article, { timing }))[1]);
    language.push(timing.language);
    xref.push(timing.xref);
  }
  const warm = (xs: number[]) => median(xs.slice(WARM_SKIP));
  return { total: warm(total), language: warm(language), xref: warm(xref) };
}

/** Annotates one input; returns false when it failed (already reported on stderr). */
async function annotateOne(input: string, o: CliOptions, color: boolean): Promise<boolean> {
  try {
    const [loaded, readMs] = await (async () => {
      const t0 = performance.now();
      const l = await loadInput(input);
      return [l, performance.now() - t0] as const;
    })();
    const [doc, parseMs] = timed(() => parseDocument(loaded.html));
    const [article, extractMs] = timed(() => extractArticle(doc, { url: loaded.url }));
    const [report, analyseMs] = timed((): Report => analyze(article));
    if (o.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else process.stdout.write(`${renderReport(report, article.text, input, { color, width: process.stdout.columns ?? 80 })}\n\n`);
    if (o.timing) {
      const warm = warmMedian(article);
      const f = (n: number) => n.toFixed(1);
      process.stderr.write(
        `${NAME}: timing ${input}: read ${f(readMs)} ms, parse ${f(parseMs)} ms, extract ${f(extractMs)} ms, analyse ${f(analyseMs)} ms ` +
          `(after warm-up: median ${f(warm.total)} ms of ${WARM_RUNS - WARM_SKIP} warm runs: language ${f(warm.language)} ms, cross-references ${f(warm.xref)} ms), ${report.article.words} words\n`,
      );
    }
    return true;
  } catch (e) {
    const reason = e instanceof InputError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`${NAME}: ${input}: ${oneLine(reason)}\n`);
    return false;
  }
}

async function main(argv: string[]): Promise<number> {
  const o = parseArgs(argv);
  if (o.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (o.unknown.length) {
    process.stderr.write(`${NAME}: unknown option ${o.unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  if (!o.inputs.length) {
    process.stderr.write(`${NAME}: no input given\n${USAGE}\n`);
    return 2;
  }
  const color = !o.json && useColor(o.color, process.stdout.isTTY, process.env);
  let failed = 0;
  for (const input of o.inputs) if (!(await annotateOne(input, o, color))) failed++;
  return failed ? 1 : 0;
}

// A closed pipe (`| head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${NAME}: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 1;
  },
);
