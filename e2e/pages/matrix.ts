/**
 * Table-driven fault matrix: one test per case of a flow, each starting from a
 * reset emulator (default seed, throttling off, no faults: the `emulator`
 * fixture) and, unless the case says otherwise, signed in as the admin from the
 * saved session (the `user` fixture option). A case either runs or is `fixme`
 * with the reason (a product change it waits for), so enabling it later is
 * deleting one line.
 */
import { test, type Page, type SignedInApp, type UserKey } from '../fixtures.ts';
import type { EmulatorControl } from '../support.ts';
import type { GraphState } from './graph-state.ts';

export interface MatrixContext {
  page: Page;
  emulator: EmulatorControl;
  graph: GraphState;
  /** The console, signed in as the case's `user`: app.open(path) (refused when `user` is null). */
  app: SignedInApp;
}

export interface MatrixCase {
  /** The fault, e.g. "429 with Retry-After". */
  fault: string;
  /** What the case asserts, in the test title. */
  expects: string;
  /**
   * Who the case starts signed in as (a saved session), default 'admin'. null: signed out — the case
   * signs in through the UI itself, as cases of sign-in do and cases that expire, rotate or revoke
   * tokens must (they would spend the saved session's refresh token for the cases after them).
   */
  user?: UserKey | null;
  /** Set when the behaviour described by the issue is not built yet: the test is marked fixme with this reason. */
  fixme?: string;
  /** Needs more than the default test timeout. */
  timeoutMs?: number;
  /** Install the page clock before the first navigation (cases that move time). */
  clock?: boolean;
  run(ctx: MatrixContext): Promise<void>;
}

/** Declares one test per case under `flow`. Call at the top level of a spec file. */
export function faultMatrix(flow: string, cases: MatrixCase[]): void {
  test.describe(`fault matrix: ${flow}`, () => {
    for (const c of cases) {
      // An anonymous group adds no title: it only gives the case its user.
      test.describe(() => {
        test.use({ user: c.user === undefined ? 'admin' : c.user });
        test(`${flow} · ${c.fault}: ${c.expects}`, async ({ page, emulator, graph, app }) => {
          test.fixme(c.fixme !== undefined, c.fixme ?? '');
          if (c.timeoutMs) test.setTimeout(c.timeoutMs);
          if (c.clock) await page.clock.install();
          await c.run({ page, emulator, graph, app });
        });
      });
    }
  });
}
