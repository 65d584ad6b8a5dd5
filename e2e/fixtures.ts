/**
 * The one `test` every spec imports: Playwright's, extended with the
 * fixtures the whole suite shares. Specs import `test` and `expect` from
 * here, never from '@playwright/test' directly, so a suite-wide check
 * covers every test.
 *
 * `cspViolations` (automatic): every page, popup and frame of the test's
 * browser context reports its `securitypolicyviolation` events, and the test
 * fails if any fired — the console must run under its strict
 * Content-Security-Policy without tripping it (no inline script, no eval
 * probe, no host missing from connect-src or frame-src).
 */
import { test as base, expect } from '@playwright/test';

export interface CspViolation {
  /** The document that reported it. */
  documentURL: string;
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}

const BINDING = '__reportCspViolation';

export const test = base.extend<{ cspViolations: CspViolation[] }>({
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
