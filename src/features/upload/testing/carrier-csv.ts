/** Test helpers: carrier CSV contents with valid (Luhn) ICCIDs. Never used by product code. */
import { luhnValid } from '../csv/luhn.ts';
import { parseCarrierCsv } from '../csv/parse-carrier-csv.ts';
import type { ParsedCsvFile } from '../csv/types.ts';

/** A 19-digit ICCID `89` + 16 digits (prefix, then `n` zero-padded) + a Luhn check digit. */
export function iccid(prefix: string, n: number): string {
  const body = `89${prefix}${String(n).padStart(16 - prefix.length, '0')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

export interface CsvRow {
  iccid: string;
  matchingId: string;
}

export function rows(prefix: string, from: number, count: number, secret = 'MID'): CsvRow[] {
  return Array.from({ length: count }, (_, i) => ({ iccid: iccid(prefix, from + i), matchingId: `${secret}-${prefix}-${from + i}` }));
}

export function csvText(host: string, codes: readonly CsvRow[]): string {
  return [host, ...codes.map((r) => `${r.iccid},${r.matchingId}`)].join('\r\n') + '\r\n';
}

export function parse(name: string, text: string): Promise<ParsedCsvFile> {
  return parseCarrierCsv(name, new TextEncoder().encode(text));
}
