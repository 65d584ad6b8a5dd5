import { describe, expect, it } from 'vitest';
import { nameMatcher, readFilters, writeFilters } from './filters.ts';

describe('dashboard filters in the URL', () => {
  it('reads every filter and falls back to the defaults on anything unknown', () => {
    expect(readFilters(new URLSearchParams('q=alpha&pools=attention&reason=notenoughspace'))).toEqual({
      q: 'alpha',
      pools: 'attention',
      reason: 'notenoughspace',
    });
    expect(readFilters(new URLSearchParams(''))).toEqual({ q: '', pools: 'all', reason: '' });
    expect(readFilters(new URLSearchParams('pools=everything&reason=%3Cscript%3E'))).toEqual({ q: '', pools: 'all', reason: '' });
    expect(readFilters(new URLSearchParams(`q=${'x'.repeat(500)}`)).q).toHaveLength(200);
  });

  it('writes only what differs from the defaults and keeps other params', () => {
    const next = writeFilters(new URLSearchParams('other=1&q=old'), { q: 'T-Mobile & Co', pools: 'attention' });
    expect(next.get('q')).toBe('T-Mobile & Co');
    expect(next.get('pools')).toBe('attention');
    expect(next.get('other')).toBe('1');
    expect(next.has('reason')).toBe(false);

    const cleared = writeFilters(next, { q: '', pools: 'all' });
    expect(cleared.toString()).toBe('other=1');
  });

  it('round-trips through the query string', () => {
    const params = writeFilters(new URLSearchParams(), { q: 'a b#c', reason: 'none' });
    expect(readFilters(new URLSearchParams(params.toString()))).toEqual({ q: 'a b#c', pools: 'all', reason: 'none' });
  });

  it('matches names case- and accent-insensitively; an empty filter matches all', () => {
    expect(nameMatcher('telefonica')('Telefónica Business')).toBe(true);
    expect(nameMatcher('  ALPHA ')('alpha-mobile')).toBe(true);
    expect(nameMatcher('beta')('alpha-mobile')).toBe(false);
    expect(nameMatcher('')('anything')).toBe(true);
  });
});
