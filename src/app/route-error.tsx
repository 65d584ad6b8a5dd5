import { useRouteError } from 'react-router';
import { ErrorState } from '../components/error-state.tsx';

export function RouteError() {
  const error = useRouteError();
  return (
    <main style={{ padding: 24 }}>
      <ErrorState error={error} title="This page failed to load" onRetry={() => window.location.reload()} />
    </main>
  );
}
