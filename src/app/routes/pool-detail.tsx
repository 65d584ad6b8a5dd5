import { useParams } from 'react-router';
import { AssignmentsSection } from '../../features/assignments/components/assignments-section.tsx';
import { PoolDetailPage } from '../../features/pools/components/pool-detail-page.tsx';

export function Component() {
  const { poolId = '' } = useParams();
  return <PoolDetailPage poolId={poolId} assignmentsSlot={(readOnlyNoticeId) => <AssignmentsSection poolId={poolId} readOnlyNoticeId={readOnlyNoticeId} />} />;
}
