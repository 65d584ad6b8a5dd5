import { createBrowserRouter, Navigate } from 'react-router';
import type { AppConfig } from '../config/config.ts';
import { paths } from '../config/paths.ts';
import { RouteError } from './route-error.tsx';
import { Shell } from './shell.tsx';

/** Routes as data; every page is lazy-loaded so the initial bundle stays small. */
export function createAppRouter(config: AppConfig) {
  return createBrowserRouter([
    {
      element: <Shell config={config} />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Navigate to={paths.pools.getHref()} replace /> },
        { path: paths.pools.path, lazy: () => import('./routes/pools.tsx') },
        { path: paths.pool.path, lazy: () => import('./routes/pool-detail.tsx') },
        { path: paths.upload.path, lazy: () => import('./routes/upload.tsx') },
        { path: paths.assignments.path, lazy: () => import('./routes/assignments.tsx') },
        { path: '*', lazy: () => import('./routes/not-found.tsx') },
      ],
    },
  ]);
}
