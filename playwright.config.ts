import { randomUUID } from 'node:crypto';
import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import { CONTROL_KEY_ENV, TENANT_ID } from './emulator/constants.ts';
import { PAIRS, writePairConfig } from './e2e/pairs.ts';
import { CONFIG_FILE_ENV } from './scripts/vite-security-headers.ts';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The emulator's control API key for this run: set before the web servers and
// the workers start, so the emulator started below and every worker (which
// inherit the environment and load this file again) share it.
process.env[CONTROL_KEY_ENV] ??= randomUUID();
const controlKey = process.env[CONTROL_KEY_ENV];

for (const pair of PAIRS) writePairConfig(pair);

type WebServer = Extract<PlaywrightTestConfig['webServer'], unknown[]>[number];

/**
 * e2e runs the built console under `vite preview` (not the dev server) against
 * the bundled emulator, with the strict security headers (a test fails on any
 * CSP violation: e2e/fixtures.ts). One console+emulator pair per worker
 * (e2e/pairs.ts): worker i uses http://localhost:(4173+i) and
 * https://localhost:(8443+i) — pair 0 is the pair `npm start` serves — so
 * tests on different workers never share state, and each test resets its
 * pair's emulator. E2E_WORKERS=1 runs one pair, one test at a time.
 */
export default defineConfig({
  testDir: 'e2e',
  // Tests are spread one by one over the workers (no spec depends on the order of its tests).
  fullyParallel: true,
  workers: PAIRS.length,
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
  webServer: PAIRS.flatMap((pair): WebServer[] => [
    {
      // Pair 0: the emulator's own app registration (redirect URIs on 4173 and 5173); others register their console's.
      command: `npx tsx emulator/cli.ts --port ${pair.emulatorPort} --seed default${pair.index > 0 ? ` --redirect-uri ${pair.consoleOrigin}/redirect.html` : ''}`,
      // A public document: the control API needs the key.
      url: `${pair.emulatorOrigin}/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
      env: { [CONTROL_KEY_ENV]: controlKey },
      // SIGTERM, so the emulator removes its key file on the way out.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      ignoreHTTPSErrors: true,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      // The same build; pair i > 0 serves a config.json (and a policy) for its own emulator. Vite refuses a
      // second preview of the project unless told (--bypass-lock): the pairs are meant to run side by side.
      command: `npx vite preview --port ${pair.consolePort} --strictPort --bypass-lock`,
      url: `${pair.consoleOrigin}/config.json`,
      ...(pair.configFile ? { env: { [CONFIG_FILE_ENV]: pair.configFile } } : {}),
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ]),
});
