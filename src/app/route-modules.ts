import type { ComponentType } from 'react';

interface RouteModule {
  Component: ComponentType;
}

/** A page's code: loads once, and remembers the page once it has loaded. */
export interface RouteLoader {
  load: () => Promise<RouteModule>;
  /** Set when the module has loaded: the router then renders it without suspending. */
  loaded: ComponentType | undefined;
}

function routeLoader(importer: () => Promise<RouteModule>): RouteLoader {
  const route: RouteLoader = {
    loaded: undefined,
    load: () => {
      const p = importer();
      p.then(
        (m) => (route.loaded = m.Component),
        () => undefined,
      );
      return p;
    },
  };
  return route;
}

/**
 * Every page's `import()`, in one place for the router and for start-up's preload. A page already
 * loaded renders at once: React.lazy would suspend it for a tick even then, and React holds back
 * revealing a suspended page for up to 300 ms after its fallback showed, which made the first row
 * on a fresh load arrive either at once or ~250 ms late.
 */
export const routeModules = {
  dashboard: routeLoader(() => import('./routes/dashboard.tsx')),
  pools: routeLoader(() => import('./routes/pools.tsx')),
  pool: routeLoader(() => import('./routes/pool-detail.tsx')),
  poolHistory: routeLoader(() => import('./routes/pool-history.tsx')),
  upload: routeLoader(() => import('./routes/upload.tsx')),
  assignments: routeLoader(() => import('./routes/assignments.tsx')),
  notFound: routeLoader(() => import('./routes/not-found.tsx')),
};
