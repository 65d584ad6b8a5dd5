import { AssignmentsOverviewPage } from '../../features/assignments/components/assignments-overview-page.tsx';

export function Component() {
  return <AssignmentsOverviewPage />;
}
