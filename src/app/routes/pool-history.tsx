import { useParams } from 'react-router';
import { PoolHistoryPage } from '../../features/pools/components/pool-history-page.tsx';

export function Component() {
  const { poolId = '' } = useParams();
  return <PoolHistoryPage poolId={poolId} />;
}
