import { checkBatch } from './check-batch.ts';
import { parseCarrierCsv } from './parse-carrier-csv.ts';
import { fileProblemResult } from './results.ts';
import type { ParsedCsvFile } from './types.ts';
import type { CsvWorkerFile, CsvWorkerRequest, CsvWorkerResponse } from './worker-protocol.ts';

function parseOne(file: CsvWorkerFile): Promise<ParsedCsvFile> {
  switch (file.kind) {
    case 'bytes':
      return parseCarrierCsv(file.name, new Uint8Array(file.bytes));
    case 'too-large':
      return Promise.resolve(fileProblemResult(file.name, file.sizeBytes, 'file-too-large'));
    case 'unreadable':
      return Promise.resolve(fileProblemResult(file.name, file.sizeBytes, 'unreadable', '', file.reason));
  }
}

function messageOf(error: unknown): string {
  // Our own errors never carry file content, so their text is safe to pass on.
  return error instanceof Error ? error.message : String(error);
}

/**
 * Validates a batch, posting each file's result as it finishes and then the
 * batch verdict. Runs inside the Web Worker, and in-thread when there is no
 * Worker: `between` then yields to the event loop between files, and what it
 * throws (an abort) propagates to the caller. Bugs are posted as 'error'.
 */
export async function handleCsvRequest(
  request: CsvWorkerRequest,
  post: (response: CsvWorkerResponse) => void,
  between?: () => Promise<void>,
): Promise<void> {
  const { id } = request;
  const results: ParsedCsvFile[] = [];
  for (const [index, file] of request.files.entries()) {
    if (between) await between();
    try {
      const result = await parseOne(file);
      results.push(result);
      // Progress only: the secrets travel once, with the batch verdict.
      post({ id, type: 'file', index, result: { ...result, codes: [] } });
    } catch (error) {
      post({ id, type: 'error', message: messageOf(error) });
      return;
    }
  }
  try {
    post({ id, type: 'done', results: checkBatch(results) });
  } catch (error) {
    post({ id, type: 'error', message: messageOf(error) });
  }
}
