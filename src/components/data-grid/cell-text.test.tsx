import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CellText } from './cell-text.tsx';

// jsdom lays nothing out: a text is "wider than its box" here when it is longer than 12 characters
// (100 px a character against the 1,280 px every box has in the tests), and the resize observer
// reports each element once, as the browser's does when observing starts.
class ReportingResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    queueMicrotask(() => this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver));
  }
  unobserve(): void {}
  disconnect(): void {}
}
const saved = { observer: globalThis.ResizeObserver, scrollWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollWidth') };
beforeAll(() => {
  globalThis.ResizeObserver = ReportingResizeObserver as unknown as typeof ResizeObserver;
  Object.defineProperty(HTMLElement.prototype, 'scrollWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return (this.textContent?.length ?? 0) * 100;
    },
  });
});
afterAll(() => {
  globalThis.ResizeObserver = saved.observer;
  if (saved.scrollWidth) Object.defineProperty(HTMLElement.prototype, 'scrollWidth', saved.scrollWidth);
});

// The tooltip is positioned on the cell, and jsdom gives the cell no box, so Fluent marks the tooltip as
// over a hidden reference; the browser check (e2e/wide-tables.spec.ts) sees it shown.
const findTooltip = () => screen.findByRole('tooltip', { hidden: true });

const renderCell = async (ui: React.ReactNode) => {
  render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
  await act(async () => {}); // the observer's first report
};

describe('CellText', () => {
  it('shows a text that fits as plain text: no tab stop, no tooltip', async () => {
    await renderCell(<CellText text="CTS-BER-1" />);
    expect(screen.getByText('CTS-BER-1').getAttribute('tabindex')).toBeNull();
    await userEvent.tab();
    expect(screen.queryByRole('tooltip', { hidden: true })).toBeNull();
  });

  it('makes a cut text a tab stop whose tooltip shows the whole value on keyboard focus', async () => {
    await renderCell(<CellText text="89049032907744105206233720236856" mono />);
    const cell = screen.getByText('89049032907744105206233720236856');
    expect(cell.getAttribute('tabindex')).toBe('0');
    // No tooltip is mounted until it is asked for (one per cut cell held 0.8 MB on a page of 1,000 devices).
    expect(screen.queryByRole('tooltip', { hidden: true })).toBeNull();
    await userEvent.tab();
    expect(document.activeElement).toBe(cell);
    expect((await findTooltip()).textContent).toBe('89049032907744105206233720236856');
  });

  it('with a hint, is always reachable, describes itself with the hint and shows it on focus until Escape', async () => {
    await renderCell(<CellText text="No room" hint="Remove an unused eSIM profile on the device." />);
    const cell = screen.getByText('No room');
    expect(cell.getAttribute('tabindex')).toBe('0');
    await userEvent.tab();
    expect((await findTooltip()).textContent).toBe('Remove an unused eSIM profile on the device.');
    expect(document.getElementById(cell.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Remove an unused eSIM profile on the device.');
    // Escape closes it; leaving the cell too.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('tooltip', { hidden: true })).toBeNull());
  });
});
