#!/usr/bin/env node
// `npm test`: every gate in order (typecheck, lint, unit/DOM tests, build, e2e in Chromium and Firefox,
// web-ext lint). Each step runs even if an earlier one failed, so one run shows every failure;
// the exit code is non-zero if any step failed. Runner JSON reports go to test-results/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit', 'npx', ['vitest', 'run']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['e2e', 'npx', ['playwright', 'test']],
  ['web-ext lint', 'npm', ['run', '--silent', 'lint:ext']],
];
fs.mkdirSync('test-results', { recursive: true });
const failed = [];
for (const [name, cmd, args] of steps) {
  if (name === 'e2e' && failed.includes('build')) { failed.push(name); continue; }
  console.log(`\n[attribution-lens] ── ${name} ──`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(`[attribution-lens] ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (r.status !== 0) failed.push(name);
}
fs.writeFileSync('test-results/steps.json', JSON.stringify({ failed }, null, 2));
if (failed.length) console.log(`\n[attribution-lens] failed steps: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);
