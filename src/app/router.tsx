import { lazy, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { AppConfig } from '../config/config.ts';
import { paths } from '../config/paths.ts';
import { Shell } from './shell.tsx';

// Every page is lazy-loaded so the initial bundle stays small.
const page = (load: () => Promise<{ Component: ComponentType }>) => lazy(() => load().then((m) => ({ default: m.Component })));
const DashboardRoute = page(() => import('./routes/dashboard.tsx'));
const PoolsRoute = page(() => import('./routes/pools.tsx'));
const PoolDetailRoute = page(() => import('./routes/pool-detail.tsx'));
const PoolHistoryRoute = page(() => import('./routes/pool-history.tsx'));
const UploadRoute = page(() => import('./routes/upload.tsx'));
const AssignmentsRoute = page(() => import('./routes/assignments.tsx'));
const NotFoundRoute = page(() => import('./routes/not-found.tsx'));

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
