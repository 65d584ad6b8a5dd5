import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** src/ logic tests (.ts) that use the DOM or browser storage. */
const DOM_LOGIC_TESTS = [
  'src/app/link-intent.test.ts',
  'src/auth/on-demand-permissions.test.ts',
  'src/config/config.test.ts',
  'src/features/upload/csv/validate-in-worker.test.ts',
  'src/features/upload/lib/resume-state.test.ts',
  'src/graph/static.test.ts',
  'src/lib/account-storage.test.ts',
  'src/lib/download.test.ts',
];

export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default is one worker fewer than the cores: one on CI's 2-core
    // machine. The unit run is CPU-bound (jsdom, transforms), so both cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          // Components (.tsx) and the few logic tests that need a DOM or browser storage.
          include: ['src/**/*.test.tsx', ...DOM_LOGIC_TESTS],
          setupFiles: ['src/testing/setup-tests.ts'],
          // A limit for hangs, not a speed check: a component test that takes 1–2 s alone took
          // over 5 s (the default) on the shared 2-core CI machine under load.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          // Logic tests need no DOM: building a jsdom per file was most of the unit run's time.
          name: 'logic',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          exclude: DOM_LOGIC_TESTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['emulator/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
