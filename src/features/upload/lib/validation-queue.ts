import PQueue from 'p-queue';
import { fileProblemResult } from '../csv/results.ts';
import type { ParsedCsvFile } from '../csv/types.ts';
import { validateFiles } from '../csv/validate-in-worker.ts';
import { VALIDATION_CONCURRENCY } from './limits.ts';
import { isAbortError } from './upload-runner.ts';

export interface ValidationEntry {
  id: string;
  file: File;
}

/**
 * Checks dropped files in the Web Worker, {@link VALIDATION_CONCURRENCY} at a time, in the order
 * they were dropped. A file removed from the batch is dropped from the queue, or its check aborted
 * if it already runs; its result is never reported. A file the worker cannot read is reported as
 * a file problem, not thrown.
 */
export function createValidationQueue(onChecked: (id: string, result: ParsedCsvFile) => void) {
  const queue = new PQueue({ concurrency: VALIDATION_CONCURRENCY });
  const controllers = new Map<string, AbortController>();

  const check = async ({ id, file }: ValidationEntry, controller: AbortController) => {
    const result = await validateFiles([file], { signal: controller.signal }).then(
      ([parsed]) => parsed ?? fileProblemResult(file.name, file.size, 'unreadable', '', 'no result'),
      (error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return undefined;
        return fileProblemResult(file.name, file.size, 'unreadable', '', error instanceof Error ? error.message : String(error));
      },
    );
    if (controllers.get(id) === controller) controllers.delete(id);
    if (result && !controller.signal.aborted) onChecked(id, result);
  };

  return {
    add(entries: readonly ValidationEntry[]) {
      for (const entry of entries) {
        const controller = new AbortController();
        controllers.set(entry.id, controller);
        // Rejects only when removed before it started (p-queue's AbortError): nothing to report then.
        queue.add(() => check(entry, controller), { signal: controller.signal }).catch(() => undefined);
      }
    },
    remove(ids: readonly string[]) {
      for (const id of ids) {
        controllers.get(id)?.abort();
        controllers.delete(id);
      }
    },
    abortAll() {
      for (const c of controllers.values()) c.abort();
      controllers.clear();
      queue.clear();
    },
  };
}
