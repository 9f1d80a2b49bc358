// End-to-end tests: Playwright drives browser mode in headless Chromium
// (Debian's, found by tests/e2e/chromiumPath.ts; scripts/ensure-chromium.mjs
// installs it first where it is missing).
import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/e2e/chromiumPath';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    headless: true,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findChromium(),
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
