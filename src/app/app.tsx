import { useState } from 'react';
import { RouterProvider } from 'react-router';
import type { Auth } from '../auth/auth.ts';
import type { AppConfig } from '../config/config.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { AppProviders } from './providers.tsx';
import { createAppRouter } from './router.tsx';

export function App({ auth, config }: { auth: Auth; config: AppConfig }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => {
    const r = createAppRouter(config);
    auth.setRouterNavigate((url, replace) => void r.navigate(url, { replace }));
    return r;
  });
  return (
    <AppProviders auth={auth} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
