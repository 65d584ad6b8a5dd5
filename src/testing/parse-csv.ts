/** Parsing a carrier CSV in tests: from text, lines or bytes, and what an assertion pins down of the result. */
import { parseCarrierCsv } from '../features/upload/csv/parse-carrier-csv.ts';
import type { ParsedCsvFile } from '../features/upload/csv/types.ts';
import { csvBytes, utf8 } from './carrier-csv.ts';

/** Parses `input` (text, lines joined as the carrier-CSV generator does, or bytes) as the upload page does. */
export function parseCsv(input: string | Uint8Array | readonly string[], name = 'codes.csv'): Promise<ParsedCsvFile> {
  // Not `instanceof Uint8Array`: jsdom's TextEncoder returns another realm's arrays.
  const bytes = typeof input === 'string' ? utf8(input) : isLines(input) ? csvBytes(input) : input;
  return parseCarrierCsv(name, bytes);
}

function isLines(input: Uint8Array | readonly string[]): input is readonly string[] {
  return Array.isArray(input);
}

/** `line:severity:code` of every issue: what the tests pin down. */
export function issueSummary(r: ParsedCsvFile): string[] {
  return r.issues.map((i) => `${i.line ?? '-'}:${i.severity}:${i.code}`);
}
