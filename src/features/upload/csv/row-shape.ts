import { HEADER_WORD_RE, NUMBER_LIKE_RE, SMDP_ADDRESS_RE, WORDS_RE } from './rules.ts';

/**
 * A row of column names rather than values: only words, no address, no
 * number, and either a known column word (ICCID, matching ID, activation
 * code, SM-DP+ address…) or, on the first line, several such cells.
 */
export function looksLikeHeader(cells: readonly string[], firstLine: boolean): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0) return false;
  if (!filled.every((c) => WORDS_RE.test(c) && !SMDP_ADDRESS_RE.test(c))) return false;
  return filled.some((c) => HEADER_WORD_RE.test(c)) || (firstLine && filled.length >= 2);
}

/** A row whose first cell is a (possibly Excel-mangled) number: a code row. */
export function looksLikeCodeRow(cells: readonly string[]): boolean {
  return NUMBER_LIKE_RE.test(cells[0] ?? '');
}
