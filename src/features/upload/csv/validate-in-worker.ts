/**
 * Browser entry point: validates dropped files in a module Web Worker (so a
 * batch of 100 × 1,000 codes never blocks the UI), or in-thread in time
 * slices where there is no Worker (tests, old environments).
 */
import { isTooLarge } from './rules.ts';
import { createTimeSlicer } from './time-slicer.ts';
import type { ParsedCsvFile } from './types.ts';
import type { CsvWorkerFile, CsvWorkerRequest, CsvWorkerResponse } from './worker-protocol.ts';

export interface ValidateFilesOptions {
  signal?: AbortSignal;
  /** Called after each file: (files done, files in the batch). */
  onProgress?: (done: number, total: number) => void;
}

/** The worker could not start (blocked, failed to load): validate in-thread instead. */
class WorkerUnavailable extends Error {}

let nextRequestId = 1;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readFile(file: File): Promise<CsvWorkerFile> {
  // Far too big for a carrier file: refused without reading it into memory.
  if (isTooLarge(file.size)) return { kind: 'too-large', name: file.name, sizeBytes: file.size };
  try {
    return { kind: 'bytes', name: file.name, bytes: await file.arrayBuffer() };
  } catch (error) {
    return { kind: 'unreadable', name: file.name, sizeBytes: file.size, reason: errorText(error) };
  }
}

async function readRequest(files: readonly File[], signal: AbortSignal | undefined): Promise<CsvWorkerRequest> {
  signal?.throwIfAborted();
  const request = { id: nextRequestId++, files: await Promise.all(files.map(readFile)) };
  signal?.throwIfAborted();
  return request;
}

function progressCounter(total: number, onProgress: ValidateFilesOptions['onProgress']): () => void {
  let done = 0;
  return () => onProgress?.(++done, total);
}

async function validateInThread(request: CsvWorkerRequest, { signal, onProgress }: ValidateFilesOptions): Promise<ParsedCsvFile[]> {
  // Loaded on demand: with a worker, the parser stays out of the main bundle.
  const { handleCsvRequest } = await import('./handle-request.ts');
  const progress = progressCounter(request.files.length, onProgress);
  const slice = createTimeSlicer();
  let outcome: CsvWorkerResponse | undefined;
  await handleCsvRequest(
    request,
    (response) => {
      if (response.type === 'file') progress();
      else outcome = response;
    },
    async () => {
      await slice();
      signal?.throwIfAborted();
    },
  );
  if (outcome?.type === 'done') return outcome.results;
  throw new Error(`CSV validation failed: ${outcome?.type === 'error' ? outcome.message : 'no result'}`);
}

function validateInWorker(request: CsvWorkerRequest, { signal, onProgress }: ValidateFilesOptions): Promise<ParsedCsvFile[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      reject(new WorkerUnavailable(errorText(error)));
      return;
    }
    const progress = progressCounter(request.files.length, onProgress);
    const finish = (settle: () => void): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = (): void => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<CsvWorkerResponse>) => {
      const response = event.data;
      if (response.id !== request.id) return;
      if (response.type === 'file') progress();
      else if (response.type === 'done') finish(() => resolve(response.results));
      else finish(() => reject(new Error(`CSV validation failed: ${response.message}`)));
    };
    worker.onmessageerror = () => finish(() => reject(new Error('CSV validation failed: unreadable worker message')));
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() => reject(new WorkerUnavailable(event.message)));
    };
    const transfer = request.files.flatMap((f) => (f.kind === 'bytes' ? [f.bytes] : []));
    worker.postMessage(request, transfer);
  });
}

/**
 * Validates carrier CSV files (parseCarrierCsv + checkBatch), in a Web Worker
 * when available. Unreadable and oversized files come back as invalid
 * results, not exceptions. Rejects with `signal.reason` on abort (the worker
 * is terminated).
 */
export async function validateFiles(files: File[], opts: ValidateFilesOptions = {}): Promise<ParsedCsvFile[]> {
  const request = await readRequest(files, opts.signal);
  if (typeof Worker === 'undefined') return validateInThread(request, opts);
  try {
    return await validateInWorker(request, opts);
  } catch (error) {
    if (!(error instanceof WorkerUnavailable)) throw error;
    // The bytes were transferred to the dead worker: read the files again.
    return validateInThread(await readRequest(files, opts.signal), opts);
  }
}
