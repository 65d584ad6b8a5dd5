import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graph } from '../../graph/client.ts';
import { searchPhrase, type ODataQuery } from '../../graph/odata.ts';
import type { Group, ODataCollection } from '../../graph/types.ts';
import { groupKeys } from './keys.ts';
import { groupPaths } from './paths.ts';

export const GROUP_SEARCH_PAGE = 25;
const GROUP_FIELDS = ['id', 'displayName', 'description', 'groupTypes', 'securityEnabled', 'membershipRule'];

/**
 * The query for `GET /groups` finding groups whose name contains words of
 * `term`: `$search="displayName:<term>"` with `"` and `\` escaped (Graph's
 * search syntax), `$count=true` for the total, sent with ConsistencyLevel:
 * eventual (directory advanced query).
 */
export function groupSearchQuery(term: string): ODataQuery {
  return { search: searchPhrase('displayName', term.trim()), count: true, select: GROUP_FIELDS, top: GROUP_SEARCH_PAGE };
}

export interface GroupSearchResult {
  groups: Group[];
  /** Every match (`@odata.count`), when Graph says. */
  total?: number;
}

export async function searchGroups(term: string, signal?: AbortSignal): Promise<GroupSearchResult> {
  const page = await graph().get<ODataCollection<Group>>(groupPaths.collection, { query: groupSearchQuery(term), consistencyLevelEventual: true, signal });
  return { groups: page.value, total: page['@odata.count'] };
}

/**
 * The signal is passed on, so when the term changes the query for the old
 * term loses its observer and react-query aborts its request.
 */
export const groupSearchQueryOptions = (term: string) =>
  queryOptions({
    queryKey: groupKeys.search(term.trim()),
    queryFn: ({ signal }) => searchGroups(term, signal),
    staleTime: 60_000,
  });

/** Group search for `term` (already debounced by the caller); idle while the term is blank. */
export function useGroupSearch(term: string) {
  return useQuery({ ...groupSearchQueryOptions(term), enabled: term.trim() !== '', placeholderData: keepPreviousData });
}
