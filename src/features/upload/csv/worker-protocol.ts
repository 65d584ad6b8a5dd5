import type { ParsedCsvFile } from './types.ts';

/** One file handed to the validator: its bytes, or why they were not read. */
export type CsvWorkerFile =
  | { kind: 'bytes'; name: string; bytes: ArrayBuffer }
  | { kind: 'too-large'; name: string; sizeBytes: number }
  | { kind: 'unreadable'; name: string; sizeBytes: number; reason: string };

export interface CsvWorkerRequest {
  id: number;
  files: CsvWorkerFile[];
}

export type CsvWorkerResponse =
  /**
   * One file parsed (before the batch checks), posted as soon as it is done,
   * for progress and previews; without its codes, which only the 'done'
   * message carries (secrets are copied across threads once).
   */
  | { id: number; type: 'file'; index: number; result: ParsedCsvFile }
  /** Every file, after checkBatch: the final verdict. */
  | { id: number; type: 'done'; results: ParsedCsvFile[] }
  | { id: number; type: 'error'; message: string };
