#!/usr/bin/env node
// Prints one line, `N passed, N failed`, from the runners' own JSON reports (Vitest and Playwright)
// plus the non-test gates of `npm test` (typecheck, lint, build, web-ext lint) counted as one test each.
import fs from 'node:fs';

const read = f => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch { return null; } };
let passed = 0, failed = 0;
const vitest = read('test-results/vitest.json');
if (vitest) { passed += vitest.numPassedTests ?? 0; failed += vitest.numFailedTests ?? 0; }
const pw = read('test-results/playwright.json');
if (pw?.stats) { passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0); failed += pw.stats.unexpected ?? 0; }
const steps = read('test-results/steps.json');
const gates = ['typecheck', 'lint', 'build', 'web-ext lint'];
if (steps) {
  for (const g of gates) {
    if (steps.failed.includes(g)) failed++;
    else passed++;
  }
}
else failed++;
if (steps?.failed.includes('unit') && !vitest?.numFailedTests) failed++;
if (steps?.failed.includes('e2e') && !pw?.stats?.unexpected) failed++;
console.log(`${passed} passed, ${failed} failed`);
