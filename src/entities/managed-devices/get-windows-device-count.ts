import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { ODataCollection } from '../../graph/types.ts';
import { graphKeys } from '../../lib/query-keys.ts';
import { paced, READ_PRIORITY } from '../fleet/read-pacer.ts';

/**
 * Windows devices Intune manages, for a pool assigned to all devices:
 * `GET /deviceManagement/managedDevices?$filter=operatingSystem eq 'Windows'
 * &$top=1&$count=true&$select=id` → `@odata.count` (Intune answers no
 * `/managedDevices/$count`). Needs `DeviceManagementManagedDevices.Read.All`;
 * without it Graph answers 403 and the shortfall of such a pool is unknown.
 */
export const MANAGED_DEVICES_PATH = '/deviceManagement/managedDevices';

export const managedDeviceKeys = {
  all: graphKeys.managedDevices,
  windowsCount: () => [...managedDeviceKeys.all, 'count', { operatingSystem: 'Windows' }] as const,
};

export async function getWindowsDeviceCount(signal?: AbortSignal): Promise<number> {
  const page = await paced(
    (s) =>
      graph().get<ODataCollection<{ id: string }>>(MANAGED_DEVICES_PATH, {
        query: { filter: "operatingSystem eq 'Windows'", top: 1, count: true, select: ['id'] },
        signal: s,
      }),
    { signal, priority: READ_PRIORITY.visible },
  );
  const n = page['@odata.count'];
  if (typeof n !== 'number') throw new Error('Microsoft Graph did not count the Windows devices (no @odata.count in the answer of /deviceManagement/managedDevices).');
  return n;
}

export const windowsDeviceCountQueryOptions = () =>
  queryOptions({
    queryKey: managedDeviceKeys.windowsCount(),
    queryFn: ({ signal }) => getWindowsDeviceCount(signal),
    staleTime: 10 * 60_000,
    gcTime: 30 * 60_000,
  });

/** Read only when a pool targets all devices (`enabled`). */
export function useWindowsDeviceCount({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...windowsDeviceCountQueryOptions(), enabled });
}
