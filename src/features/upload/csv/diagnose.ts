/**
 * Why a cell is not a valid ICCID / matching ID / SM-DP+ address. Only called
 * for cells that failed the field's regex (the slow path). Matching IDs are
 * secrets: their messages name at most one offending character, never the value.
 */
import { describeChar, findBadChar, isDigit, isIdChar, type BadChar } from './cells.ts';
import {
  DIGITS_RE,
  FORMULA_PREFIXES,
  MATCHING_ID_RE,
  SCIENTIFIC_RE,
  SEPARATED_DIGITS_RE,
  URL_SCHEME_RE,
} from './rules.ts';
import type { CsvIssueCode } from './types.ts';

export interface Problem {
  code: CsvIssueCode;
  message: string;
}

export const ICCID_LABEL = 'ICCID';
export const MATCHING_ID_LABEL = 'matching ID';
export const ADDRESS_LABEL = 'SM-DP+ server address';

/** Longest value echoed back (ICCIDs and addresses only). */
const MAX_ECHO = 40;

function echo(value: string): string {
  return value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
}

/**
 * `=`, `+`, `@` start a spreadsheet formula whatever follows. `-` does too,
 * but a matching ID may legitimately start with it, so it is only a formula
 * when the cell is not made of matching-ID characters.
 */
function formulaProblem(cell: string, label: string): Problem | null {
  const first = cell.charAt(0);
  if (first === '') return null;
  const formula = FORMULA_PREFIXES.includes(first) || (first === '-' && !MATCHING_ID_RE.test(cell));
  if (!formula) return null;
  return {
    code: 'formula',
    message: `${label} starts with '${first}' and would run as a spreadsheet formula (CSV injection); the file must contain plain values only`,
  };
}

function charProblem(bad: BadChar, label: string): Problem | null {
  const what = `${label} contains ${describeChar(bad.codePoint)} at character ${bad.position}`;
  if (bad.kind === 'control') return { code: 'control-character', message: `${what}; remove it` };
  if (bad.kind === 'unicode') {
    return {
      code: 'unicode-lookalike',
      message: `${what}; it looks like (or hides next to) a plain character but is not one, so retype the value`,
    };
  }
  return null;
}

export function diagnoseIccid(cell: string): Problem {
  const formula = formulaProblem(cell, ICCID_LABEL);
  if (formula) return formula;
  const bad = findBadChar(cell, isDigit);
  const chars = bad && charProblem(bad, ICCID_LABEL);
  if (chars) return chars;
  if (SCIENTIFIC_RE.test(cell)) {
    return {
      code: 'excel-scientific',
      message:
        `ICCID shows as ${echo(cell)}: Excel converted it to scientific notation and its last digits are lost for good. ` +
        'Use the carrier\'s original file, or import it into Excel with the ICCID column set to Text before saving as CSV',
    };
  }
  if (SEPARATED_DIGITS_RE.test(cell)) {
    return {
      code: 'iccid-separators',
      message: `ICCID ${echo(cell)} contains spaces, dashes or dots between its digits (ambiguous); it must be 19 or 20 digits only`,
    };
  }
  if (DIGITS_RE.test(cell)) {
    return { code: 'iccid-length', message: `ICCID ${echo(cell)} has ${cell.length} digits; it must have 19 or 20` };
  }
  // Not a number at all (letters, symbols): do not echo, it may be a misplaced secret.
  const what = bad ? `${describeChar(bad.codePoint)} at character ${bad.position}` : 'characters other than digits';
  return { code: 'iccid-format', message: `ICCID must be 19 or 20 digits, but it contains ${what}` };
}

export function diagnoseMatchingId(cell: string): Problem {
  const formula = formulaProblem(cell, MATCHING_ID_LABEL);
  if (formula) return formula;
  const bad = findBadChar(cell, isIdChar);
  const chars = bad && charProblem(bad, MATCHING_ID_LABEL);
  if (chars) return chars;
  const what = bad ? `${describeChar(bad.codePoint)} at character ${bad.position}` : 'an unexpected character';
  return {
    code: 'matching-id-format',
    message: `${MATCHING_ID_LABEL} contains ${what}; only letters A-Z, digits and '-' are allowed`,
  };
}

const ECHOABLE_ADDRESS_RE = /^[A-Za-z0-9.:/_-]+$/;

function isHostChar(code: number): boolean {
  return isIdChar(code) || code === 46;
}

export function diagnoseAddress(cell: string): Problem {
  const formula = formulaProblem(cell, ADDRESS_LABEL);
  if (formula) return formula;
  const bad = findBadChar(cell, isHostChar);
  const chars = bad && charProblem(bad, ADDRESS_LABEL);
  if (chars) return chars;
  const fix = (hint: string): Problem => ({ code: 'smdp-address-format', message: hint });
  if (cell.includes('$')) {
    // `LPA:1$host$matchingId`: a whole activation code; holds a secret, never echoed.
    return fix(`${ADDRESS_LABEL} looks like a full activation code (LPA:1$…); the first line must hold only the server's host name`);
  }
  // A matching ID has no dot, so a value with one is not a misplaced secret.
  const shown = cell.includes('.') && ECHOABLE_ADDRESS_RE.test(cell) ? `${ADDRESS_LABEL} ${echo(cell)}` : ADDRESS_LABEL;
  const scheme = URL_SCHEME_RE.exec(cell);
  if (scheme) return fix(`${shown} must be a host name only: remove '${scheme[0]}'`);
  if (cell.includes('/')) return fix(`${shown} must be a host name only: remove the path after '/'`);
  if (cell.includes(':')) return fix(`${shown} must be a host name only: remove the port after ':'`);
  if (cell.endsWith('.')) return fix(`${shown} must not end with a dot`);
  if (!cell.includes('.')) {
    return fix(`${shown} is not a fully qualified domain name (expected something like smdp.carrier.example.com)`);
  }
  return fix(
    `${shown} is not a valid host name: dot-separated labels of letters, digits and inner '-', ending in a top-level domain of 2 or more letters`,
  );
}
