import { act, fireEvent, render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { oneOf, textParam, useSearchParamsState } from './use-search-params-state.ts';

const PARAMS = { q: textParam, dir: oneOf(['asc', 'desc'] as const, 'asc' as const) };

function Probe() {
  const [values, update] = useSearchParamsState(PARAMS);
  return (
    <>
      <output aria-label="values">{JSON.stringify(values)}</output>
      <button onClick={() => update({ dir: 'desc', q: '' })}>descending, no text</button>
      <button onClick={() => update({ dir: null })}>default order</button>
    </>
  );
}

function setup(url: string) {
  const router = createMemoryRouter([{ path: '/', element: <Probe /> }, { path: '/other', element: null }], { initialEntries: ['/other', url], initialIndex: 1 });
  render(<RouterProvider router={router} />);
  return router;
}

const values = () => JSON.parse(screen.getByLabelText('values').textContent ?? '') as unknown;

describe('useSearchParamsState', () => {
  it('parses each parameter, falling back for absent or unknown values', () => {
    setup('/?q=berlin&dir=sideways');
    expect(values()).toEqual({ q: 'berlin', dir: 'asc' });
  });

  it('sets and removes parameters (null or empty), keeps ones it does not own, and replaces the history entry', () => {
    const router = setup('/?q=berlin&tab=devices');
    fireEvent.click(screen.getByRole('button', { name: 'descending, no text' }));
    expect(values()).toEqual({ q: '', dir: 'desc' });
    expect(router.state.location.search).toBe('?tab=devices&dir=desc');
    fireEvent.click(screen.getByRole('button', { name: 'default order' }));
    expect(router.state.location.search).toBe('?tab=devices');
    // replaced, not pushed: Back leaves the page
    act(() => void router.navigate(-1));
    expect(router.state.location.pathname).toBe('/other');
  });
});
