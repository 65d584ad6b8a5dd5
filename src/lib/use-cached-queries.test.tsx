import { queryOptions, type QueryState } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderQueryHook } from '../testing/render-with-app.tsx';
import { useCachedQueries } from './use-cached-queries.ts';

/** Reads that answer only when told to, and record which ids were asked for and which were aborted. */
function reads() {
  const asked: string[] = [];
  const aborted: string[] = [];
  const answers = new Map<string, (value: string) => void>();
  const options = (id: string) =>
    queryOptions({
      queryKey: ['thing', id],
      queryFn: ({ signal }) => {
        asked.push(id);
        signal.addEventListener('abort', () => aborted.push(id));
        return new Promise<string>((resolve) => answers.set(id, resolve));
      },
      staleTime: 60_000,
    });
  return { asked, aborted, options, answer: (id: string, value: string) => answers.get(id)?.(value) };
}

// A new array on every summary, so a needless rebuild would show as a render.
const summarise = (ids: readonly string[], stateOf: (id: string) => QueryState<string> | undefined) => ids.map((id) => `${id}:${stateOf(id)?.data ?? '…'}`);

function setup(r: ReturnType<typeof reads>, ids: string[], cancelDropped = false) {
  return renderQueryHook((props: { ids: string[] }) => useCachedQueries(props.ids, { queryOptions: r.options, summarise, updateEveryMs: 20, cancelDropped }), {
    initialProps: { ids },
  });
}

describe('useCachedQueries', () => {
  it('reads every id in order, and gathers answers that come together into one render', async () => {
    const r = reads();
    const { result, renders } = setup(r, ['a', 'b', 'c']);
    expect(result.current.value).toEqual(['a:…', 'b:…', 'c:…']);
    await waitFor(() => expect(r.asked).toEqual(['a', 'b', 'c']));
    const before = renders();
    act(() => ['a', 'b', 'c'].forEach((id) => r.answer(id, id.toUpperCase())));
    await waitFor(() => expect(result.current.value).toEqual(['a:A', 'b:B', 'c:C']));
    expect(renders() - before).toBe(1);
  });

  it('ignores queries of ids it was not asked for', async () => {
    const r = reads();
    const { result, client, renders } = setup(r, ['a']);
    await waitFor(() => expect(r.asked).toEqual(['a']));
    const before = renders();
    act(() => client.setQueryData(['thing', 'z'], 'Z'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(renders()).toBe(before);
    expect(result.current.value).toEqual(['a:…']);
  });

  it('cancels the running read of an id that leaves the list only when asked to', async () => {
    for (const cancelDropped of [true, false]) {
      const r = reads();
      const { rerender } = setup(r, ['a', 'b'], cancelDropped);
      await waitFor(() => expect(r.asked).toEqual(['a', 'b']));
      rerender({ ids: ['a'] });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(r.aborted).toEqual(cancelDropped ? ['b'] : []);
    }
  });

  it('refresh reads every id again, even fresh ones', async () => {
    const r = reads();
    const { result } = setup(r, ['a']);
    await waitFor(() => expect(r.asked).toEqual(['a']));
    act(() => r.answer('a', 'A'));
    await waitFor(() => expect(result.current.value).toEqual(['a:A']));
    act(() => result.current.refresh());
    await waitFor(() => expect(r.asked).toEqual(['a', 'a']));
    act(() => r.answer('a', 'A2'));
    await waitFor(() => expect(result.current.value).toEqual(['a:A2']));
  });
});
