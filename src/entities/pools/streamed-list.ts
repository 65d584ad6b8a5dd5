import { experimental_streamedQuery as streamedQuery } from '@tanstack/react-query';

/**
 * The queryFn of a pool list read page by page: the first page renders while
 * the rest load (a tenant with thousands of pools sees rows at once), and a
 * refresh keeps the current rows until the new list is complete.
 */
export function streamedList<T>(pages: (signal: AbortSignal) => AsyncIterable<T[]>) {
  return streamedQuery<T[], T[]>({
    streamFn: ({ signal }) => pages(signal),
    reducer: (all, page) => all.concat(page),
    initialValue: [],
    refetchMode: 'replace',
  });
}
