import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

/*
 * The jsdom patches every component test needs, in one place (test helpers
 * must not patch on import).
 */
// jsdom has no ResizeObserver; Fluent (breadcrumb, toolbar overflow) and the virtualiser expect one.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoopResizeObserver;

// jsdom lays nothing out, so Tabster (Fluent's focus manager) finds no visible
// element, cannot move focus into a dialog, and aria-hides the dialog itself.
// Give it the little layout it checks: a sized body and an offsetParent.
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.parentElement;
  },
});
document.body.getBoundingClientRect = () => new DOMRect(0, 0, 1280, 800);
// The table virtualiser sizes its window from the scroller's client box: give
// it room for every row a test renders.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1280 });

// findBy*/waitFor give up after 1 s by default. A limit for hangs, not a speed check: on the
// shared 2-core machine under load a Fluent dialog step took longer than that, and a test
// failed that passes alone (the same reason as the project's testTimeout).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
