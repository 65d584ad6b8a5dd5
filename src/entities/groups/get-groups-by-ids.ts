import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import type { ODataCollection } from '../../graph/types.ts';
import { groupKeys } from './keys.ts';
import { groupPaths } from './paths.ts';

/** `getByIds` takes at most 1,000 ids per request. */
export const GET_BY_IDS_LIMIT = 1000;

export interface DirectoryGroup {
  id: string;
  displayName: string | null;
  '@odata.type'?: string;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Names for group ids: `POST /directoryObjects/getByIds {ids, types:['group']}`,
 * in chunks of 1,000, one after the other. An id that no longer resolves
 * (deleted group) is simply missing from the answer.
 */
export async function getGroupsByIds(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, DirectoryGroup>> {
  const found = new Map<string, DirectoryGroup>();
  for (const part of chunk([...new Set(ids)], GET_BY_IDS_LIMIT)) {
    const page = await graph().post<ODataCollection<DirectoryGroup>>(groupPaths.getByIds, { ids: part, types: ['group'] }, { signal, readOnly: true });
    for (const g of page?.value ?? []) found.set(g.id, g);
  }
  return found;
}

export const groupsByIdsQueryOptions = (ids: readonly string[]) =>
  queryOptions({
    queryKey: groupKeys.byIds(ids),
    queryFn: ({ signal }) => getGroupsByIds(ids, signal),
    staleTime: 5 * 60_000,
  });

/** Keeps the previous names while a changed set of ids loads, so the view does not flash back to a spinner. */
export function useGroupsByIds(ids: readonly string[]) {
  return useQuery({ ...groupsByIdsQueryOptions(ids), enabled: ids.length > 0, placeholderData: keepPreviousData });
}
