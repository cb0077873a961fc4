import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../lib/types';

const root = path.resolve(__dirname, '../..');
const fx = (name: string) => path.join(root, 'tests/fixtures/pages', name);
const tsx = path.join(root, 'node_modules/.bin/tsx');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(tsx, ['cli/annotate.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

describe('annotate CLI', () => {
  it('--json prints one report per input, in input order', () => {
    const files = ['time.html', 'wire-jsonld.html', 'home.html'].map(fx);
    const r = run(['--json', ...files]);
    expect(r.code).toBe(0);
    const reports = r.lines.map(l => JSON.parse(l) as Report);
    expect(reports.map(x => x.schema)).toEqual(Array(3).fill('attribution-lens/report@1'));
    expect(reports.map(x => x.source.title)).toEqual([
      'Senators press for sanctions after pipeline hack',
      'Harbour nations accuse Veloria of hacking port systems',
      'The Evening Ledger',
    ]);
    expect(reports.map(x => x.article.detected)).toEqual([true, true, false]);
  });

  it('a missing file: one stderr line, the good report still printed, exit 1', () => {
    const r = run(['--json', fx('nope.html'), fx('bare.html')]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([`attribution-lens: ${fx('nope.html')}: no such file`]);
    expect(r.lines).toHaveLength(1);
    expect((JSON.parse(r.lines[0]) as Report).source.title).toBe('Agency warns of espionage campaign against universities');
  });

  it('refuses non-HTML inputs, each with its reason', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-cli-'));
    const put = (n: string, data: string | Buffer) => (fs.writeFileSync(path.join(dir, n), data), path.join(dir, n));
    const inputs = [put('empty.html', ''), put('data.json', '{"a": 1}'), put('img.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3, 4])), put('notes.txt', 'plain words only'), dir, 'ftp://example.com/x.html'];
    const r = run(['--json', ...inputs]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(0);
    const errs = r.err.trim().split('\n');
    expect(errs).toHaveLength(inputs.length);
    for (const [i, why] of ['empty file', 'JSON, not HTML', 'binary data, not HTML', 'not HTML', 'is a directory', 'only http and https'].entries()) {
      expect(errs[i]).toContain(`attribution-lens: ${inputs[i]}: ${why}`);
    }
  });

  it('--help prints usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: npm run annotate -- [--json] [--timing]');
  });

  it('the terminal view: header, text, summary; colour only when forced', () => {
    const plain = run([fx('og-only.html')], { NO_COLOR: '1' });
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('Ministers summon ambassador over data breach');
    expect(plain.out).toContain('Northern Herald · 2023-06-14');
    expect(plain.out).toMatch(/^Actors \(\d+\)$/m);
    expect(plain.out).not.toContain('\x1b[');
    expect(run(['--color', fx('og-only.html')]).out).toContain('\x1b[1m');
  });

  it('--timing prints parse, extract and analyse times, and the warm language and cross-reference times, to stderr', () => {
    const r = run(['--json', '--timing', fx('wire-jsonld.html')]);
    expect(r.lines).toHaveLength(1);
    expect(r.err).toMatch(/parse [\d.]+ ms, extract [\d.]+ ms, analyse [\d.]+ ms \(after warm-up: median [\d.]+ ms of \d+ warm runs: language [\d.]+ ms, cross-references [\d.]+ ms\)/);
  });

  it('survives hostile pages (10,000 levels deep, 1 MB paragraph, malformed HTML)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-cli-'));
    const pages = {
      'deep.html': `<body>${'<div>'.repeat(10_000)}<p>bottom</p>${'</div>'.repeat(10_000)}`,
      'unclosed.html': `<body>${'<div><span><b>'.repeat(5_000)}<p>never closed`,
      'big.html': `<p>${'cyber '.repeat(175_000)}</p>`,
      'malformed.html': '<html><head><title>x</ti<body><table><tr><td>a<p>b</table></b> &#xFFFFFF; <script>never',
    };
    const files = Object.entries(pages).map(([n, h]) => (fs.writeFileSync(path.join(dir, n), h), path.join(dir, n)));
    const t0 = Date.now();
    const r = run(['--json', ...files]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(files.length);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  const readability = path.resolve(root, '../shared/pages/readability');
  it.skipIf(!fs.existsSync(readability))('the 130 saved pages of ../shared/pages/readability in one call: every page reported', () => {
    const files = fs.readdirSync(readability).sort().map(d => path.join(readability, d, 'source.html')).filter(f => fs.existsSync(f));
    const r = run(['--json', '--timing', ...files]);
    expect(r.code).toBe(0);
    const reports = r.lines.map(l => JSON.parse(l) as Report);
    expect(reports).toHaveLength(files.length);
    expect(reports.every(x => x.schema === 'attribution-lens/report@1')).toBe(true);
    // Bound per page, in ms, for parse + extract (the stated bound of the CLI).
    const slow = r.err.split('\n').filter(Boolean).map(l => /parse ([\d.]+) ms, extract ([\d.]+) ms/.exec(l)).filter(m => m && +m[1] + +m[2] > 2_000);
    expect(slow).toEqual([]);
  });
  if (!fs.existsSync(readability)) it('skips the saved-page run: ../shared/pages/readability is absent', () => expect(fs.existsSync(readability)).toBe(false));
});
