import { DashboardPage } from '../../features/dashboard/components/dashboard-page.tsx';
import type { DeviceStateWording } from '../../features/dashboard/lib/wording.ts';
import { STATE_LABEL, explainDetails } from '../../features/pools/components/device-state-text.ts';

/** The dashboard words device states and failures as the pool pages do. */
const wording: DeviceStateWording = {
  stateLabel: STATE_LABEL,
  reason: (d) => explainDetails(d.state, d.stateDetails)?.title ?? STATE_LABEL[d.state],
  advice: (d) => explainDetails(d.state, d.stateDetails)?.action ?? '',
};

export function Component() {
  return <DashboardPage wording={wording} />;
}
