import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, Suspense, lazy, type ReactNode } from 'react';
import { useLocation } from 'react-router';

// The error panel is needed only when a page fails: keep it out of the initial bundle.
const ErrorState = lazy(() => import('../components/error-state.tsx').then((m) => ({ default: m.ErrorState })));

interface BoundaryProps {
  children: ReactNode;
  resetKey: string;
  onReset: () => void;
}

class Boundary extends Component<BoundaryProps, { error: unknown; failed: boolean; key: string }> {
  override state = { error: null as unknown, failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { key: string }) {
    // Navigating elsewhere clears a page's failure.
    return props.resetKey !== state.key ? { error: null, failed: false, key: props.resetKey } : null;
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Suspense fallback={<p role="alert">This page failed to load.</p>}>
        <ErrorState
          error={this.state.error}
          title="This page failed to load"
          onRetry={() => {
            this.props.onReset();
            this.setState({ error: null, failed: false });
          }}
        />
      </Suspense>
    );
  }
}

/** Catches a page's render or lazy-load failure and offers retry, without losing the shell. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary resetKey={location.pathname} onReset={reset}>
          {children}
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  );
}
