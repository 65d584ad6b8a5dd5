/**
 * The console's routes as data: `path` is the router pattern, `getHref`
 * builds a link to it. Ids and query values are always encoded here, so no
 * caller builds a URL by hand.
 */

function segment(id: string): string {
  // '.' and '..' survive encodeURIComponent and would be resolved away as dot segments.
  if (id === '' || id === '.' || id === '..') throw new RangeError(`not a usable id in a link: ${JSON.stringify(id)}`);
  return encodeURIComponent(id);
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export const paths = {
  dashboard: {
    path: '/dashboard',
    /** `q` pre-fills the dashboard's pool-name filter. */
    getHref: (q?: { q?: string }): string => withQuery('/dashboard', { q: q?.q }),
  },
  pools: {
    path: '/pools',
    /** `name` pre-fills the list's name filter. */
    getHref: (q?: { name?: string }): string => withQuery('/pools', { name: q?.name }),
  },
  pool: {
    path: '/pools/:poolId',
    getHref: (poolId: string): string => `/pools/${segment(poolId)}`,
  },
  /** A pool's history from Intune's audit log; also for a pool that was deleted (a replaced pool). */
  poolHistory: {
    path: '/pools/:poolId/history',
    getHref: (poolId: string): string => `/pools/${segment(poolId)}/history`,
  },
  upload: {
    path: '/upload',
    getHref: (): string => '/upload',
  },
  assignments: {
    path: '/assignments',
    getHref: (): string => '/assignments',
  },
} as const;
