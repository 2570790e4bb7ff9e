import { defineConfig } from '@playwright/test';

// Browsers cannot be downloaded here: use the system Chromium (override with CHROMIUM_PATH).
// No webServer entry: the fixtures in e2e/support start mosquitto and the static server per test.
const workers = Number.parseInt(process.env.E2E_WORKERS ?? '', 10);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: Number.isFinite(workers) && workers > 0 ? workers : 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  // Generous for UI updates on a busy 2-core machine; specs that promise a deadline
  // (e.g. "Connected within 5 s") pass their own timeout.
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    headless: true,
    trace: 'off',
    screenshot: 'only-on-failure',
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
