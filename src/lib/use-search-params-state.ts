import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** How a page reads each of its URL parameters: the raw value (null when absent) to a typed one. */
export type ParamParsers = Record<string, (raw: string | null) => unknown>;

export type ParsedParams<P extends ParamParsers> = { [K in keyof P]: ReturnType<P[K]> };

/** New raw values; null or '' removes the parameter (so defaults never clutter the URL). */
export type ParamChanges<P extends ParamParsers> = Partial<Record<keyof P & string, string | null>>;

/**
 * A page's state kept in the URL (filters, sort), so a link or reload shows the same view.
 * Declare the parameters once, at module level:
 *
 *   const params = { q: (v) => v ?? '', dir: (v) => (v === 'desc' ? 'descending' : 'ascending') } satisfies ParamParsers;
 *   const [{ q, dir }, update] = useSearchParamsState(params);
 *   update({ q: 'berlin', dir: null });
 *
 * Updates replace the history entry (typing in a filter must not add one per keystroke) and keep
 * parameters this page does not own.
 */
export function useSearchParamsState<P extends ParamParsers>(parsers: P): [ParsedParams<P>, (changes: ParamChanges<P>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(Object.entries(parsers).map(([key, parse]) => [key, parse(params.get(key))])) as ParsedParams<P>;
  const update = useCallback(
    (changes: ParamChanges<P>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [values, update];
}

/** A text parameter that reads as '' when absent. */
export const textParam = (raw: string | null): string => raw ?? '';

/** A parameter limited to known values (anything else reads as `fallback`). */
export function oneOf<const V extends string, F>(allowed: readonly V[], fallback: F) {
  return (raw: string | null): V | F => (raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as V) : fallback);
}
