import { describe, expect, it } from 'vitest';
import { paths } from './paths.ts';

describe('paths', () => {
  it('pairs each route pattern with its link', () => {
    expect(paths.pools.path).toBe('/pools');
    expect(paths.pool.path).toBe('/pools/:poolId');
    expect(paths.upload.getHref()).toBe(paths.upload.path);
    expect(paths.assignments.getHref()).toBe(paths.assignments.path);
    expect(paths.dashboard.getHref()).toBe(paths.dashboard.path);
    expect(new URL(paths.dashboard.getHref({ q: 'a&b' }), 'https://x.test').searchParams.get('q')).toBe('a&b');
  });

  it('encodes pool ids as one segment', () => {
    expect(paths.pool.getHref('7c1b4a3e-2f5d')).toBe('/pools/7c1b4a3e-2f5d');
    expect(paths.pool.getHref('a/b?c#d e%')).toBe('/pools/a%2Fb%3Fc%23d%20e%25');
    expect(() => paths.pool.getHref('..')).toThrow(RangeError);
    expect(() => paths.pool.getHref('')).toThrow(RangeError);
  });

  it('puts the name filter in the query string, encoded', () => {
    expect(paths.pools.getHref()).toBe('/pools');
    expect(paths.pools.getHref({ name: '' })).toBe('/pools');
    const href = paths.pools.getHref({ name: 'T-Mobile & Co #1' });
    expect(new URL(href, 'https://x.test').searchParams.get('name')).toBe('T-Mobile & Co #1');
    expect(href).not.toContain('#');
  });
});
