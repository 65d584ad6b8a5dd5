/** Cell clean-up and naming of odd characters, shared by every field check. */
import { luhnSum } from './luhn.ts';


function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** Removes spaces and tabs around a cell, and only those: other blanks are look-alikes. */
export function trimCell(cell: string): string {
  let start = 0;
  let end = cell.length;
  while (start < end && isSpaceOrTab(cell.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(cell.charCodeAt(end - 1))) end--;
  return start === 0 && end === cell.length ? cell : cell.slice(start, end);
}

/**
 * Trims, and unwraps `"…"` that papaparse keeps verbatim when a space comes
 * before the opening quote (`8901…, "ABC"`): unambiguous, so accepted.
 */
export function cleanCell(cell: string): string {
  const t = trimCell(cell);
  if (t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34) {
    const inner = t.slice(1, -1);
    if (!inner.includes('"')) return trimCell(inner);
  }
  return t;
}

export function isBlankRow(row: readonly string[]): boolean {
  for (const cell of row) if (trimCell(cell) !== '') return false;
  return true;
}

const NAMED: Readonly<Record<number, string>> = {
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0d: 'a line break',
  0x20: 'a space',
  0x22: 'a double quote (")',
  0xa0: 'a non-breaking space',
  0xad: 'a soft hyphen',
  0x1680: 'an ogham space',
  0x2007: 'a figure space',
  0x200b: 'a zero-width space',
  0x200c: 'a zero-width non-joiner',
  0x200d: 'a zero-width joiner',
  0x200e: 'a left-to-right mark',
  0x200f: 'a right-to-left mark',
  0x2010: 'a Unicode hyphen',
  0x2011: 'a non-breaking hyphen',
  0x2012: 'a figure dash',
  0x2013: 'an en dash',
  0x2014: 'an em dash',
  0x2018: 'a curly quote',
  0x2019: 'a curly quote',
  0x201c: 'a curly double quote',
  0x201d: 'a curly double quote',
  0x202f: 'a narrow non-breaking space',
  0x205f: 'a mathematical space',
  0x2060: 'a word joiner',
  0x2212: 'a minus sign',
  0x3000: 'an ideographic space',
  0xfeff: 'a zero-width no-break space (byte-order mark)',
};

function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/** Human name of one character, e.g. `a non-breaking space (U+00A0)`, `'@'`. */
export function describeChar(cp: number): string {
  const named = NAMED[cp];
  if (cp >= 0x21 && cp <= 0x7e && cp !== 0x22) return `'${String.fromCodePoint(cp)}'`;
  if (named !== undefined) return cp === 0x20 || cp === 0x22 ? named : `${named} (${codePointLabel(cp)})`;
  if (cp >= 0x2000 && cp <= 0x200a) return `a Unicode space (${codePointLabel(cp)})`;
  if (cp >= 0xff01 && cp <= 0xff5e) return `a full-width character (${codePointLabel(cp)})`;
  if (isControl(cp)) return `a control character (${codePointLabel(cp)})`;
  return `the non-ASCII character ${codePointLabel(cp)}`;
}

export interface BadChar {
  /** 1-based position in the (trimmed) cell, in characters. */
  position: number;
  codePoint: number;
  kind: 'control' | 'unicode' | 'ascii';
}

/** First character for which `allowed(codeUnit)` is false (`allowed` sees ASCII only). */
export function findBadChar(cell: string, allowed: (code: number) => boolean): BadChar | null {
  let position = 0;
  for (const ch of cell) {
    position++;
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80 && !isControl(cp) && allowed(cp)) continue;
    return { position, codePoint: cp, kind: isControl(cp) ? 'control' : cp >= 0x80 ? 'unicode' : 'ascii' };
  }
  return null;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `[A-Za-z0-9-]`, the matching-ID alphabet, as a table: 1 = allowed. */
const ID_CHARS = new Uint8Array(128);
for (const ch of '0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') ID_CHARS[ch.charCodeAt(0)] = 1;

export function isIdChar(code: number): boolean {
  return ID_CHARS[code] === 1;
}

/**
 * The Luhn sum of an ICCID, or -1 when `s` is not one: `>= 0` is the same
 * verdict as ICCID_RE (`^[0-9]{19}[0-9]?$`, equivalence is tested), and the
 * fast path gets the check digit's verdict from the same single pass.
 */
export function iccidLuhnSum(s: string): number {
  return s.length === 19 || s.length === 20 ? luhnSum(s) : -1;
}

/**
 * Same verdict as MATCHING_ID_RE (`^[a-zA-Z0-9\-]*$`) but refusing '' (a
 * blank cell); one table look-up per character, as it runs for every row.
 * Equivalence is tested.
 */
export function isMatchingId(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (ID_CHARS[s.charCodeAt(i)] !== 1) return false;
  return true;
}
