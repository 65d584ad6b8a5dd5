import { describe, expect, it, vi } from 'vitest';
import type { ParsedCsvFile } from '../csv/types.ts';

interface Call {
  name: string;
  signal: AbortSignal | undefined;
  resolve: (r: ParsedCsvFile[]) => void;
}
const calls: Call[] = [];

vi.mock('../csv/validate-in-worker.ts', () => ({
  validateFiles: (files: File[], opts: { signal?: AbortSignal } = {}) =>
    new Promise<ParsedCsvFile[]>((resolve, reject) => {
      calls.push({ name: files[0]?.name ?? '', signal: opts.signal, resolve });
      opts.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    }),
}));

const { createValidationQueue } = await import('./validation-queue.ts');
const { VALIDATION_CONCURRENCY } = await import('./limits.ts');

const entry = (i: number) => ({ id: `f${i}`, file: new File(['x'], `file-${i}.csv`) });
const settle = () => new Promise((r) => setTimeout(r, 0));
const result = (name: string) => ({ fileName: name }) as unknown as ParsedCsvFile;

describe('createValidationQueue', () => {
  it('checks a few files at a time in drop order, and never reports a removed file', async () => {
    calls.length = 0;
    const checked: string[] = [];
    const queue = createValidationQueue((id) => checked.push(id));
    queue.add([1, 2, 3, 4, 5, 6].map(entry));
    await settle();
    expect(calls.map((c) => c.name)).toEqual(['file-1.csv', 'file-2.csv', 'file-3.csv'].slice(0, VALIDATION_CONCURRENCY));

    // f2 is running, f5 is waiting: both are removed
    queue.remove(['f2', 'f5']);
    expect(calls[1]?.signal?.aborted).toBe(true);
    calls[0]?.resolve([result('file-1.csv')]);
    await settle();
    expect(checked).toEqual(['f1']);
    expect(calls.map((c) => c.name)).toEqual(['file-1.csv', 'file-2.csv', 'file-3.csv', 'file-4.csv', 'file-6.csv']);
    for (const c of calls.slice(2)) c.resolve([result(c.name)]);
    await settle();
    expect(checked).toEqual(['f1', 'f3', 'f4', 'f6']);
  });
});
