import { PoolsPage } from '../../features/pools/components/pools-page.tsx';

export function Component() {
  return <PoolsPage />;
}
