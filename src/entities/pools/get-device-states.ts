import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { EmbeddedSimDeviceState, EmbeddedSimDeviceStateValue } from '../../graph/types.ts';
import { poolKeys } from './keys.ts';
import { poolPaths } from './paths.ts';

/** The columns the device status table shows (and sorts/filters on). */
export type DeviceStateRow = Pick<
  EmbeddedSimDeviceState,
  'id' | 'deviceName' | 'userName' | 'universalIntegratedCircuitCardIdentifier' | 'state' | 'stateDetails' | 'lastSyncDateTime'
> &
  Partial<Pick<EmbeddedSimDeviceState, 'createdDateTime' | 'modifiedDateTime'>>;

// createdDateTime (when the device was given a code) feeds the burn rate; modifiedDateTime the export.
const SELECT = ['id', 'deviceName', 'userName', 'universalIntegratedCircuitCardIdentifier', 'state', 'stateDetails', 'lastSyncDateTime', 'createdDateTime', 'modifiedDateTime'];

/** States that change without anyone acting: the device is still working on it. */
const TRANSITIONAL: ReadonlySet<EmbeddedSimDeviceStateValue> = new Set(['notEvaluated', 'installing', 'deleting']);

export function isTransitional(state: EmbeddedSimDeviceStateValue): boolean {
  return TRANSITIONAL.has(state);
}

/** Poll every 15 s while a device is still installing (or removing); slower for very large pools. */
export const DEVICE_STATES_POLL_MS = 15_000;
export const DEVICE_STATES_POLL_LARGE_MS = 60_000;
/** Above this many states one refresh reads many pages, so it polls less often (Intune throttles per app). */
export const LARGE_POOL_STATES = 2_000;

/**
 * react-query `refetchInterval`: a number while any device is in a
 * transitional state, `false` once every device has settled (or the last
 * refresh failed: the error is shown with a Retry button instead of polling).
 */
export function deviceStatesRefetchInterval(rows: readonly DeviceStateRow[] | undefined, failed = false): number | false {
  if (failed || !rows || !rows.some((r) => isTransitional(r.state))) return false;
  return rows.length > LARGE_POOL_STATES ? DEVICE_STATES_POLL_LARGE_MS : DEVICE_STATES_POLL_MS;
}

/** Every device state of a pool (all pages). */
export function getDeviceStates(poolId: string, signal?: AbortSignal): Promise<DeviceStateRow[]> {
  return graph().getAll<DeviceStateRow>(poolPaths.deviceStates(poolId), { query: { select: SELECT }, signal });
}

export const deviceStatesQueryOptions = (poolId: string) =>
  queryOptions({
    queryKey: poolKeys.deviceStates(poolId),
    queryFn: ({ signal }) => getDeviceStates(poolId, signal),
    refetchInterval: (query) =>
      deviceStatesRefetchInterval(query.state.data, query.state.status === 'error'),
    staleTime: 0,
  });

export function useDeviceStates(poolId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...deviceStatesQueryOptions(poolId), enabled });
}
