import { queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../../graph/client.ts';
import { POOLS_PATH } from '../../../graph/types.ts';
import { uploadKeys } from './upload-keys.ts';

export interface ExistingPool {
  id: string;
  displayName: string;
  activationCodeCount: number;
}

/** Every pool's id, name and code count (all pages): names must be unique, and same-provider pools are detected by name. */
export function getPoolNames(signal?: AbortSignal): Promise<ExistingPool[]> {
  return graph().getAll<ExistingPool>(POOLS_PATH, { query: { select: ['id', 'displayName', 'activationCodeCount'] }, signal });
}

export const poolNamesQueryOptions = () =>
  queryOptions({
    queryKey: uploadKeys.poolNames(),
    queryFn: ({ signal }) => getPoolNames(signal),
    // The name check must see pools created elsewhere since the page opened.
    staleTime: 0,
  });

export function usePoolNames() {
  return useQuery(poolNamesQueryOptions());
}
