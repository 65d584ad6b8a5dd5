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
const PoolsRoute = page(routeModules.pools);
const PoolDetailRoute = page(routeModules.pool);
const UploadRoute = page(routeModules.upload);
const AssignmentsRoute = page(routeModules.assignments);
const NotFoundRoute = page(routeModules.notFound);

/** Routes as data: each path comes from src/config/paths.ts. */
export function AppRoutes({ config }: { config: AppConfig }) {
  return (
    <Routes>
      <Route element={<Shell config={config} />}>
        <Route index element={<Navigate to={paths.pools.getHref()} replace />} />
        <Route path={paths.pools.path} element={<PoolsRoute />} />
        <Route path={paths.pool.path} element={<PoolDetailRoute />} />
        <Route path={paths.upload.path} element={<UploadRoute />} />
        <Route path={paths.assignments.path} element={<AssignmentsRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
