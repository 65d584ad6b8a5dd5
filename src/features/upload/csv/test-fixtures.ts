/**
 * Generated carrier CSV files for the tests (no committed fixtures). Pure: the
 * jsdom tests and the Node CLI tests both use it.
 */
import { luhnValid } from './luhn.ts';

const encoder = new TextEncoder();

/** A 19-digit ICCID `prefix…n` + its Luhn check digit. */
export function makeIccid(n: number, prefix = '89012600'): string {
  const body = prefix + String(n).padStart(18 - prefix.length, '0');
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

/** Same ICCID with a wrong check digit. */
export function badLuhnIccid(n: number, prefix = '89012600'): string {
  const good = makeIccid(n, prefix);
  return good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10);
}

/** Distinctive matching IDs, easy to look for in messages: `SK7Q-0042-ZXVW`. */
export function makeMatchingId(n: number): string {
  return `SK7Q-${String(n).padStart(4, '0')}-ZXVW`;
}

export function codeRows(count: number, start = 1, prefix = '89012600'): string[] {
  return Array.from({ length: count }, (_, i) => `${makeIccid(start + i, prefix)},${makeMatchingId(start + i)}`);
}

export const HOST = 'smdp.contoso-mobile.example.com';

/** `HOST` line then `count` code rows. */
export function validLines(count: number, start = 1, host = HOST): string[] {
  return [host, ...codeRows(count, start)];
}

export interface CsvOptions {
  eol?: string;
  bom?: boolean;
  finalNewline?: boolean;
}

export function csvText(lines: readonly string[], { eol = '\n', bom = false, finalNewline = true }: CsvOptions = {}): string {
  return (bom ? '\uFEFF' : '') + lines.join(eol) + (finalNewline ? eol : '');
}

export function csvBytes(lines: readonly string[], options?: CsvOptions): Uint8Array {
  return encoder.encode(csvText(lines, options));
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
