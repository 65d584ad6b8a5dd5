import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleCsvRequest } from './handle-request.ts';
import { MAX_FILE_BYTES } from './rules.ts';
import { codeRows, csvText, HOST, iccid, matchingId, validLines } from '../../../testing/carrier-csv.ts';
import { validateFiles } from './validate-in-worker.ts';
import type { CsvWorkerRequest, CsvWorkerResponse } from './worker-protocol.ts';

const csvFile = (name: string, lines: readonly string[]): File => new File([csvText(lines)], name, { type: 'text/csv' });

function batch(): File[] {
  return [
    csvFile('a.csv', validLines(3, 1)),
    csvFile('b.csv', ['rsp.b.example.net', ...codeRows(2, 10), `${iccid(2)},${matchingId(2)}`]),
    csvFile('c.csv', ['esim.c.example.org', ...codeRows(2, 20)]),
  ];
}

/** Runs the real request handler "in a worker", with structured cloning both ways. */
class FakeWorker {
  static instances: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<CsvWorkerResponse>) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  transfers: Transferable[] = [];
  responses: CsvWorkerResponse[] = [];

  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.instances.push(this);
  }

  postMessage(request: CsvWorkerRequest, transfer: Transferable[]): void {
    this.transfers = transfer;
    const copy = structuredClone(request);
    setTimeout(() => {
      void handleCsvRequest(copy, (response) => {
        this.responses.push(response);
        if (!this.terminated) this.onmessage?.({ data: structuredClone(response) } as MessageEvent<CsvWorkerResponse>);
      });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A worker whose script fails to load. */
class BrokenWorker extends FakeWorker {
  override postMessage(): void {
    setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: 'failed to load', cancelable: true })), 0);
  }
}

/** A worker that never answers. */
class SilentWorker extends FakeWorker {
  override postMessage(): void {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.instances = [];
});

describe('validateFiles without Worker (in-thread fallback)', () => {
  it('validates each file, applies the batch checks and reports progress', async () => {
    expect(typeof Worker).toBe('undefined');
    const progress: string[] = [];
    const results = await validateFiles(batch(), { onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(results.map((r) => [r.fileName, r.valid, r.codeCount])).toEqual([
      ['a.csv', false, 3],
      ['b.csv', false, 3],
      ['c.csv', true, 2],
    ]);
    expect(results[1]?.issues[0]?.message).toBe(`ICCID ${iccid(2)} is also in a.csv line 3`);
    expect(results[2]?.codes).toHaveLength(2);
  });

  it('turns unreadable, oversized and non-CSV files into invalid results', async () => {
    const unreadable = csvFile('gone.csv', validLines(1));
    vi.spyOn(unreadable, 'arrayBuffer').mockRejectedValue(new Error('NotReadableError: the file changed'));
    const huge = csvFile('huge.csv', validLines(1));
    Object.defineProperty(huge, 'size', { value: MAX_FILE_BYTES + 1 });
    const read = vi.spyOn(huge, 'arrayBuffer');
    const workbook = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])], 'codes.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const results = await validateFiles([unreadable, huge, workbook, csvFile('ok.csv', validLines(2))]);
    expect(results.map((r) => r.issues.map((i) => i.code))).toEqual([['unreadable'], ['file-too-large'], ['not-csv', 'binary-file'], []]);
    expect(results[0]?.issues[0]?.message).toBe('could not read the file: NotReadableError: the file changed');
    expect(read).not.toHaveBeenCalled();
    expect(results[3]?.valid).toBe(true);
  });

  it('rejects with the abort reason, before or between files', async () => {
    const before = new AbortController();
    before.abort();
    await expect(validateFiles(batch(), { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const during = new AbortController();
    const progress: number[] = [];
    const run = validateFiles(batch(), {
      signal: during.signal,
      onProgress: (done) => {
        progress.push(done);
        during.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toEqual([1]);
  });

  it('yields to the event loop while validating a batch of 1,000-row files', async () => {
    // Behaviour, not timing: a timer queued behind the validation gets to run
    // before the batch is done (slice sizes are unit-tested in time-slicer with
    // an injected clock; the long-task budget is measured by `npm run bench`).
    const files = Array.from({ length: 20 }, (_, f) => csvFile(`f${f}.csv`, [`smdp.f${f}.example.com`, ...codeRows(1000, f * 1000 + 1)]));
    const events: string[] = [];
    const timer = setInterval(() => events.push('tick'), 0);
    const results = await validateFiles(files, { onProgress: (done) => events.push(`file ${done}`) });
    clearInterval(timer);
    expect(results.every((r) => r.valid)).toBe(true);
    const ticksWhileValidating = events.slice(events.indexOf('file 1'), events.indexOf('file 20')).filter((e) => e === 'tick');
    expect(ticksWhileValidating.length).toBeGreaterThan(0);
  });
});

describe('validateFiles with a Worker', () => {
  it('transfers the bytes to a module worker and returns its batch verdict', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const progress: number[] = [];
    const results = await validateFiles(batch(), { onProgress: (done) => progress.push(done) });
    const worker = FakeWorker.instances[0];
    expect(worker?.options).toEqual({ type: 'module' });
    expect(worker?.url.pathname).toMatch(/csv\.worker\.ts$/);
    expect(worker?.transfers).toHaveLength(3);
    expect(worker?.terminated).toBe(true);
    expect(progress).toEqual([1, 2, 3]);
    expect(results.map((r) => r.valid)).toEqual([false, false, true]);
    expect(results[2]?.codes).toHaveLength(2);
    // Progress messages carry no secrets; only the final verdict has the codes.
    const perFile = worker?.responses.flatMap((r) => (r.type === 'file' ? [r.result] : [])) ?? [];
    expect(perFile.map((r) => [r.fileName, r.codeCount, r.codes.length])).toEqual([
      ['a.csv', 3, 0],
      ['b.csv', 3, 0],
      ['c.csv', 2, 0],
    ]);
    expect(results[0]?.iccidIndex.iccids[1]).toBe(iccid(2));
    expect(results[0]?.iccidIndex.lines[1]).toBe(3);
  });

  it('terminates the worker on abort', async () => {
    vi.stubGlobal('Worker', SilentWorker);
    const controller = new AbortController();
    const run = validateFiles(batch(), { signal: controller.signal });
    await vi.waitFor(() => expect(FakeWorker.instances).toHaveLength(1));
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeWorker.instances[0]?.terminated).toBe(true);
  });

  it('falls back to validating in-thread when the worker cannot start', async () => {
    vi.stubGlobal('Worker', BrokenWorker);
    const results = await validateFiles([csvFile('a.csv', [HOST, ...codeRows(2)])]);
    expect(FakeWorker.instances[0]?.terminated).toBe(true);
    expect(results[0]?.valid).toBe(true);
    expect(results[0]?.codes).toHaveLength(2);
  });
});
