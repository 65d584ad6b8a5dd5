/** Module worker: validates carrier CSV files off the main thread (see validate-in-worker.ts). */
import { handleCsvRequest } from './handle-request.ts';
import type { CsvWorkerRequest, CsvWorkerResponse } from './worker-protocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CsvWorkerRequest>) => void) | null;
  postMessage(message: CsvWorkerResponse): void;
};

scope.onmessage = (event) => {
  void handleCsvRequest(event.data, (response) => scope.postMessage(response));
};
