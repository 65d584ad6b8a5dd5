import { useDeferredValue, useMemo } from 'react';
import { deviceStatesRefetchInterval, useDeviceStates } from '../../../entities/pools/get-device-states.ts';
import { oneOf, textParam, useSearchParamsState } from '../../../lib/use-search-params-state.ts';
import { STATE_GROUPS, countByGroup } from '../components/device-state-text.ts';
import { failureReasons, matchesDeviceFilter } from '../lib/device-status.ts';

/** The device filters live in the URL, so a link to "this pool's failed devices" shows just those. */
const FILTER_PARAMS = { status: oneOf(STATE_GROUPS, null), device: textParam };

/**
 * The device status section's state: the pool's device states (polled while any is in
 * progress), the status and text filters, and what the summary, reasons and table show.
 */
export function useDeviceStatus(poolId: string, enabled: boolean) {
  const states = useDeviceStates(poolId, { enabled });
  const [{ status: group, device: search }, updateFilters] = useSearchParamsState(FILTER_PARAMS);
  const deferredSearch = useDeferredValue(search);

  const rows = states.data;
  const counts = useMemo(() => countByGroup(rows ?? []), [rows]);
  const reasons = useMemo(() => failureReasons(rows ?? []), [rows]);
  const visible = useMemo(() => {
    const needle = deferredSearch.trim().toLocaleLowerCase();
    return (rows ?? []).filter((r) => matchesDeviceFilter(r, group, needle));
  }, [rows, group, deferredSearch]);

  return {
    states,
    rows,
    counts,
    reasons,
    visible,
    polling: deviceStatesRefetchInterval(rows, states.isError),
    filters: {
      group,
      search,
      filtered: group !== null || search.trim() !== '',
      setGroup: (g: string | null) => updateFilters({ status: g }),
      setSearch: (text: string) => updateFilters({ device: text }),
      clear: () => updateFilters({ status: null, device: null }),
    },
  };
}

export type DeviceFilters = ReturnType<typeof useDeviceStatus>['filters'];
