import type { QueryClient } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import { paths } from '../config/paths.ts';
import { poolAssignmentsQueryOptions } from '../entities/assignments/get-pool-assignments.ts';
import { deviceStatesQueryOptions } from '../entities/pools/get-device-states.ts';
import { poolQueryOptions } from '../entities/pools/get-pool.ts';
import { poolsWithAssignmentsQueryOptions } from '../entities/pools/get-pools-with-assignments.ts';
import { poolsQueryOptions } from '../entities/pools/get-pools.ts';
import { routeModules } from './route-modules.ts';

/**
 * The first page's code, started before config.json and MSAL are ready: the
 * router's route then finds the module (and its chunks) already on the way
 * instead of asking for them after the first render. Same loader as
 * router.tsx (route-modules.ts); start-up waits for it before the first render.
 */
export function preloadRouteCode(pathname: string): Promise<unknown> {
  // '/' lands on the dashboard.
  const route = pathname === '/' || matchPath(paths.dashboard.path, pathname)
    ? routeModules.dashboard
    : matchPath(paths.pools.path, pathname)
    ? routeModules.pools
    : matchPath(paths.pool.path, pathname)
      ? routeModules.pool
      : matchPath(paths.assignments.path, pathname)
        ? routeModules.assignments
        : undefined;
  // A failed load is the router's to report (its error boundary), not start-up's.
  return route ? route.load().catch(() => undefined) : Promise.resolve();
}

/**
 * The first page's Graph data, asked for as soon as MSAL can hand out a token,
 * before React's first render: the page's own hook (same query options) then
 * joins the request in flight instead of starting it after its chunk has
 * loaded. Only for a signed-in user; through react-query and the Graph client.
 */
export function prefetchRouteData(pathname: string, queryClient: QueryClient): void {
  if (matchPath(paths.pools.path, pathname)) {
    void queryClient.prefetchQuery(poolsQueryOptions());
    return;
  }
  if (matchPath(paths.assignments.path, pathname)) {
    void queryClient.prefetchQuery(poolsWithAssignmentsQueryOptions());
    return;
  }
  // A pool's properties, assignments and device states (every page: the largest read).
  const poolId = matchPath(paths.pool.path, pathname)?.params.poolId;
  if (poolId) {
    void queryClient.prefetchQuery(poolQueryOptions(poolId));
    void queryClient.prefetchQuery(poolAssignmentsQueryOptions(poolId));
    void queryClient.prefetchQuery(deviceStatesQueryOptions(poolId));
  }
}
