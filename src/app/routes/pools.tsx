import { BulkAssignButton } from '../../features/assignments/components/bulk-assign-button.tsx';
import { PoolsPage } from '../../features/pools/components/pools-page.tsx';

export function Component() {
  return <PoolsPage renderSelectionActions={(pools, clear) => <BulkAssignButton pools={pools} onDone={clear} />} />;
}
