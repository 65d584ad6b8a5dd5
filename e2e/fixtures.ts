/**
 * The one `test` every spec imports: Playwright's, extended with the
 * fixtures the whole suite shares. Specs import `test` and `expect` from
 * here, never from '@playwright/test' directly, so a suite-wide check
 * covers every test.
 *
 * A new spec, in short:
 *
 *   import { expect, test } from './fixtures.ts';
 *   test.use({ user: 'admin' });            // start signed in (saved session)
 *   test('…', async ({ app, emulator, graph, page }) => {
 *     await emulator.fault({ … });          // arrange (the emulator is already reset)
 *     await app.open('/pools');             // the console, signed in as the test's user
 *     …
 *     expect(await graph.pools()).toHaveLength(…);   // end state, read as the admin
 *   });
 *
 * `cspViolations` (automatic): every page, popup and frame of the test's
 * browser context reports its `securitypolicyviolation` events, and the test
 * fails if any fired — the console must run under its strict
 * Content-Security-Policy without tripping it (no inline script, no eval
 * probe, no host missing from connect-src or frame-src).
 *
 * `pair` (worker): the console+emulator pair of the test's worker
 * (e2e/pairs.ts, from its parallelIndex): `baseURL` is its console, and
 * `emulator`, `graph` and the saved sessions are its emulator's. A test that
 * needs an origin (a CSP source, a URL in a framing page) takes it from here,
 * never from a fixed port.
 *
 * `emulator` (automatic): the pair's emulator control API (EmulatorControl,
 * e2e/support.ts). Before every test the emulator is reset to the `seed`
 * option ('default' unless `test.use({ seed: 'large' | 'empty' })`), with
 * throttling off, no fault rules and an empty request log; ask for it to arm
 * faults, revoke sessions or call Graph as the admin. One connection per
 * worker. A spec needs no beforeAll/beforeEach emulator setup of its own.
 *
 * `graph`: reads of the emulator's Graph state as the admin, outside the UI
 * (GraphState, e2e/pages/graph-state.ts), to arrange and check end states.
 *
 * `user` (option, default none): `test.use({ user: 'admin' | 'reader' |
 * 'operator' })` starts the test's browser context signed in as that seeded
 * user, from the session the `setup` project saved on the pair (e2e/sign-in.setup.ts,
 * e2e/sessions.ts): cookies and localStorage through `storageState`, MSAL's
 * sessionStorage cache through an init script. `test.describe(() => {
 * test.use({ user: 'reader' }); test(…) })` gives a group of tests another
 * user (an anonymous describe adds nothing to the titles). Without it the context starts
 * signed out and the test signs in through the UI (`signIn`, e2e/support.ts)
 * — keep doing that in tests of sign-in itself, and in tests that revoke,
 * expire or rotate tokens (they would spend the saved session's refresh
 * token or sessions for the tests after them).
 *
 * `app`: `app.open(path)` opens the console at `path` and waits until it
 * shows the test's user signed in; `app.user` is that user ({ name,
 * username }). `open` needs the `user` option.
 */
import { test as base, expect } from '@playwright/test';
import type { SeedName } from '../emulator/graph/engine.ts';
import { GraphState } from './pages/graph-state.ts';
import { pairOf, type Pair } from './pairs.ts';
import { restoreSessionStorage, savedSession, SIGNED_IN_USERS, type UserKey } from './sessions.ts';
import { EmulatorControl } from './support.ts';

export type { Pair, UserKey };

export interface CspViolation {
  /** The document that reported it. */
  documentURL: string;
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}

export interface SignedInApp {
  /** The test's user, as the console shows them. */
  user: { name: string; username: string };
  /** Opens the console at `path` (default /pools) and waits until it shows the user signed in. */
  open(path?: string): Promise<void>;
}

interface Options {
  /** Start the test signed in as this seeded user (a saved session); null: signed out. */
  user: UserKey | null;
  /** The seed the `emulator` fixture resets to. */
  seed: SeedName;
}

interface TestFixtures {
  cspViolations: CspViolation[];
  emulator: EmulatorControl;
  graph: GraphState;
  app: SignedInApp;
}

interface WorkerFixtures {
  pair: Pair;
  emulatorConnection: EmulatorControl;
}

const BINDING = '__reportCspViolation';

export const test = base.extend<Options & TestFixtures, WorkerFixtures>({
  user: [null, { option: true }],
  seed: ['default', { option: true }],

  pair: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use, workerInfo) => {
      await use(pairOf(workerInfo.parallelIndex));
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ pair }, use) => {
    await use(pair.consoleOrigin);
  },

  emulatorConnection: [
    async ({ pair }, use) => {
      const control = await EmulatorControl.create(pair);
      await use(control);
      await control.dispose();
    },
    { scope: 'worker' },
  ],

  emulator: [
    async ({ emulatorConnection, seed }, use) => {
      await emulatorConnection.reset(seed);
      await emulatorConnection.throttle({ enabled: false });
      await emulatorConnection.clearFaults();
      await emulatorConnection.clearRequests();
      await use(emulatorConnection);
    },
    // Every test starts from a reset emulator, whether or not it asks for the fixture (a reset takes milliseconds).
    { auto: true },
  ],

  graph: async ({ emulator }, use) => {
    await use(new GraphState(emulator));
  },

  // A saved session for the `user` option: its cookies and localStorage come in
  // through Playwright's own storageState option…
  storageState: async ({ user, storageState, browser, pair }, use) => {
    if (!user) return use(storageState);
    await use((await savedSession(browser, user, pair)).storageState);
  },

  // …and MSAL's sessionStorage through an init script on the console's origin.
  context: async ({ context, user, browser, pair }, use) => {
    if (user) await restoreSessionStorage(context, (await savedSession(browser, user, pair)).sessionStorage);
    await use(context);
  },

  app: async ({ page, user }, use) => {
    const who = user ? SIGNED_IN_USERS[user] : null;
    await use({
      user: { name: who?.name ?? '', username: who?.username ?? '' },
      async open(path = '/pools') {
        if (!who) throw new Error("app.open needs a signed-in user: test.use({ user: 'admin' | 'reader' | 'operator' }), or sign in with signIn()");
        await page.goto(path);
        await expect(page.getByRole('button', { name: `Account: ${who.name}` })).toBeVisible();
      },
    });
  },

  cspViolations: [
    async ({ context }, use) => {
      const violations: CspViolation[] = [];
      await context.exposeBinding(BINDING, (_source, violation: CspViolation) => {
        violations.push(violation);
      });
      await context.addInitScript((binding) => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as Record<string, (v: unknown) => Promise<void>>)[binding];
          void report?.({
            documentURL: e.documentURI,
            effectiveDirective: e.effectiveDirective,
            blockedURI: e.blockedURI,
            sourceFile: e.sourceFile,
            lineNumber: e.lineNumber,
            sample: e.sample,
          });
        });
      }, BINDING);
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
export type { Locator, Page } from '@playwright/test';
