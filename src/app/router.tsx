import { createElement, lazy, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { AppConfig } from '../config/config.ts';
import { paths } from '../config/paths.ts';
import { routeModules, type RouteLoader } from './route-modules.ts';
import { Shell } from './shell.tsx';

// Every page is lazy-loaded so the initial bundle stays small; a page whose code has already
// loaded (start-up preloads the first one) renders without suspending.
function page(route: RouteLoader): ComponentType {
  const Lazy = lazy(() => route.load().then((m) => ({ default: m.Component })));
  return function Page() {
    return createElement(route.loaded ?? Lazy);
  };
}
const DashboardRoute = page(routeModules.dashboard);
const PoolsRoute = page(routeModules.pools);
const PoolDetailRoute = page(routeModules.pool);
const PoolHistoryRoute = page(routeModules.poolHistory);
const UploadRoute = page(routeModules.upload);
const AssignmentsRoute = page(routeModules.assignments);
const NotFoundRoute = page(routeModules.notFound);

/** Routes as data: each path comes from src/config/paths.ts. */
export function AppRoutes({ config }: { config: AppConfig }) {
  return (
    <Routes>
      <Route element={<Shell config={config} />}>
        {/* The landing page after sign-in; deep links (/pools, /pools/:id…) still open where they point. */}
        <Route index element={<Navigate to={paths.dashboard.getHref()} replace />} />
        <Route path={paths.dashboard.path} element={<DashboardRoute />} />
        <Route path={paths.pools.path} element={<PoolsRoute />} />
        <Route path={paths.pool.path} element={<PoolDetailRoute />} />
        <Route path={paths.poolHistory.path} element={<PoolHistoryRoute />} />
        <Route path={paths.upload.path} element={<UploadRoute />} />
        <Route path={paths.assignments.path} element={<AssignmentsRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
