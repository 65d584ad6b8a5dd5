/**
 * Table-driven fault matrix: one test per case of a flow, each starting from a
 * reset emulator (default seed, throttling off, no faults). A case either runs
 * or is `fixme` with the reason (a product change it waits for), so enabling it
 * later is deleting one line.
 */
import { test, type Page } from '../fixtures.ts';
import { EmulatorControl } from '../support.ts';
import { GraphState } from './graph-state.ts';

export interface MatrixContext {
  page: Page;
  emulator: EmulatorControl;
  graph: GraphState;
}

export interface MatrixCase {
  /** The fault, e.g. "429 with Retry-After". */
  fault: string;
  /** What the case asserts, in the test title. */
  expects: string;
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
  let emulator: EmulatorControl;
  test.describe(`fault matrix: ${flow}`, () => {
    test.beforeAll(async () => {
      emulator = await EmulatorControl.create();
    });
    test.afterAll(async () => {
      await emulator.dispose();
    });
    test.beforeEach(async () => {
      await emulator.reset('default');
      await emulator.throttle({ enabled: false });
      await emulator.clearFaults();
      await emulator.clearRequests();
    });
    for (const c of cases) {
      test(`${flow} · ${c.fault}: ${c.expects}`, async ({ page }) => {
        test.fixme(c.fixme !== undefined, c.fixme ?? '');
        if (c.timeoutMs) test.setTimeout(c.timeoutMs);
        if (c.clock) await page.clock.install();
        await c.run({ page, emulator, graph: new GraphState(emulator) });
      });
    }
  });
}
