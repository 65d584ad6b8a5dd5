import { randomUUID } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';
import { CONTROL_KEY_ENV, TENANT_ID } from './emulator/constants.ts';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The emulator's control API key for this run: set before the web servers and
// the workers start, so the emulator started below and every worker (which
// inherit the environment and load this file again) share it.
process.env[CONTROL_KEY_ENV] ??= randomUUID();
const controlKey = process.env[CONTROL_KEY_ENV];

/**
 * e2e runs the built console under `vite preview` (not the dev server) against
 * the bundled emulator on https://localhost:8443 — the same pair `npm start`
 * serves, with the strict security headers (a test fails on any CSP
 * violation: e2e/fixtures.ts). One shared emulator, so tests run one at a
 * time and reset it.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Reports live outside test-results/, which Playwright empties when it starts.
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: 'http://localhost:4173',
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
    },
  },
  projects: [
    // Each seeded user signs in once through the UI; tests reuse the saved session (e2e/sessions.ts).
    { name: 'setup', testMatch: /\.setup\.ts$/, use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'chromium', dependencies: ['setup'], use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: [
    {
      command: 'npx tsx emulator/cli.ts --port 8443 --seed default',
      // A public document: the control API needs the key.
      url: `https://localhost:8443/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
      env: { [CONTROL_KEY_ENV]: controlKey },
      // SIGTERM, so the emulator removes its key file on the way out.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      ignoreHTTPSErrors: true,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: 'npx vite preview --port 4173 --strictPort',
      url: 'http://localhost:4173/config.json',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
