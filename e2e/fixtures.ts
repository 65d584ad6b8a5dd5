/**
 * The one `test` every spec imports: Playwright's, extended with the
 * fixtures the whole suite shares. Specs import `test` and `expect` from
 * here, never from '@playwright/test' directly, so a suite-wide check
 * (such as failing on a Content-Security-Policy violation) covers every test.
 */
import { test as base } from '@playwright/test';

export const test = base.extend({});

export { expect } from '@playwright/test';
export type { Locator, Page } from '@playwright/test';
