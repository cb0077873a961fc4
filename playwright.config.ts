import { defineConfig } from '@playwright/test';

/** End-to-end tests: the built extension in real Debian Chromium and Firefox ESR. */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    { name: 'chromium', testIgnore: /firefox\.spec\.ts$/ },
    { name: 'firefox', testMatch: /firefox\.spec\.ts$/ },
  ],
});
