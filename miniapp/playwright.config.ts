// The browser suites (e2e/*.e2e.ts) against the H5 build, each spec file with a server of its own (e2e/fixtures).
// scripts/test.mjs builds the H5 storefront and the server first and runs this. E2E_WORKERS: suites at once.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.e2e.ts',
  outputDir: '../artifacts/e2e-results',
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  // list: progress on the console; json: each suite's wall time for scripts/test.mjs; html: the failures with
  // their screenshots, to open after a run.
  reporter: [
    ['list'],
    ['json', { outputFile: '../artifacts/e2e-results.json' }],
    ['html', { outputFolder: '../artifacts/e2e-report', open: 'never' }],
  ],
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    // Debian's Chromium (scripts/ensure-chromium.sh): nothing can be downloaded here, and none is.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
