import Papa from 'papaparse';
import { iccidLuhnSum, isBlankRow, isMatchingId, trimCell } from './cells.ts';
import { checkCodeRow, checkHeaderRow } from './check-row.ts';
import { CodeCollector } from './code-collector.ts';
import { formatCount } from '../../../lib/format.ts';
import { ParsedRows, PlainRows, type CsvRows } from './csv-rows.ts';
import type { IssueList } from './issue-list.ts';
import { readPreamble } from './preamble.ts';
import { LINE_BREAKS_RE, MAX_CODES_PER_FILE, MAX_MATCHING_ID_LENGTH, MIXED_LINE_BREAK_RE } from './rules.ts';

const PAPA_CONFIG = {
  delimiter: ',',
  quoteChar: '"',
  escapeChar: '"',
  header: false,
  dynamicTyping: false,
  skipEmptyLines: false,
} as const;

const QUOTE_MESSAGES: Readonly<Record<string, string>> = {
  MissingQuotes: 'a quoted cell is never closed (a \'"\' is missing), so the rest of the file reads as one cell',
  InvalidQuotes: 'a quoted cell has text after its closing \'"\'',
};

export type LineBreak = '\n' | '\r\n';

/**
 * The line break to parse with, from the first one in the file; null for a
 * CR-only file (normalise it). A different break later on (mixed line ends)
 * makes rows fail, and is then found by hasMixedLineBreaks: the happy path
 * never scans the text for it.
 */
export function lineBreakOf(text: string): LineBreak | null {
  const cr = text.indexOf('\r');
  if (cr === -1) return '\n';
  const lf = text.indexOf('\n');
  if (lf === cr + 1) return '\r\n';
  return lf !== -1 && lf < cr ? '\n' : null;
}

export function hasMixedLineBreaks(text: string, newline: LineBreak): boolean {
  return newline === '\n' ? text.includes('\r') : MIXED_LINE_BREAK_RE.test(text);
}

export function normalizeLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS_RE, '\n');
}

/**
 * Physical line of each row of a quoted text (row i of a text without '"' is
 * line i + 1): only a quoted cell can hold a line break (an error, but later
 * lines must stay right).
 */
function rowLines(rows: readonly string[][]): number[] {
  const lines = new Array<number>(rows.length);
  let line = 1;
  rows.forEach((row, i) => {
    lines[i] = line;
    line++;
    for (const cell of row) for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) line++;
  });
  return lines;
}

function quoteErrorsByRow(errors: readonly Papa.ParseError[]): Map<number, string> | null {
  let byRow: Map<number, string> | null = null;
  for (const e of errors) {
    const message = QUOTE_MESSAGES[e.code];
    if (message === undefined || e.row === undefined) continue;
    byRow ??= new Map();
    if (!byRow.has(e.row)) byRow.set(e.row, message);
  }
  return byRow;
}

/**
 * A file with an address line and no code row: an error, not "valid, 0 codes"
 * (a pool of nothing). Reported on the last line that holds anything (the
 * address, or the last row of commas after it).
 */
function noCodes(rows: CsvRows, addressRow: number, lineOf: (row: number) => number, issues: IssueList): void {
  let last = rows.length - 1;
  while (last > addressRow && rows.row(last).length < 2) last--; // empty lines; rows of commas stay
  const onlyAddress = last === addressRow;
  issues.error(
    lineOf(last),
    'row',
    'no-codes',
    onlyAddress
      ? 'no activation codes: the file has only the SM-DP+ address; add one ICCID,MatchingID line per code'
      : 'no activation codes: after the SM-DP+ address there are only empty rows; add one ICCID,MatchingID line per code',
  );
}

export interface TextVerdict {
  collector: CodeCollector;
  address: string | null;
}

/**
 * Parses `source` once and checks every row: a text without '"' is read in
 * place (PlainRows, the same rows as Papa's fast mode), any other with papaparse.
 */
export function validateText(source: string, newline: LineBreak, issues: IssueList): TextVerdict {
  let rows: CsvRows;
  let lines: number[] | null = null;
  let quoteErrors: Map<number, string> | null = null;
  if (source.includes('"')) {
    const parsed = Papa.parse<string[]>(source, { ...PAPA_CONFIG, newline });
    rows = new ParsedRows(parsed.data);
    lines = rowLines(parsed.data);
    quoteErrors = quoteErrorsByRow(parsed.errors);
  } else {
    rows = new PlainRows(source, newline);
  }
  const lineOf = (row: number): number => (lines === null ? row + 1 : (lines[row] ?? row + 1));

  const { address, dataStart, addressRow } = readPreamble(rows, lineOf, issues);
  if (quoteErrors !== null) {
    for (const [row, message] of quoteErrors) if (row < dataStart) issues.error(lineOf(row), 'row', 'malformed-quotes', message);
  }
  const codes = new CodeCollector(issues, address ?? '');
  let end = rows.length;
  while (end > dataStart && isBlankRow(rows.row(end - 1))) end--; // trailing blank lines: tolerated
  let codeRows = 0;
  let firstExcessLine = 0;
  for (let i = dataStart; i < end; i++) {
    const line = lineOf(i);
    const quoteError = quoteErrors?.get(i);
    if (quoteError === undefined && rows.twoCells(i)) {
      // Fast path: a plain `ICCID,MatchingID` row.
      const iccid = trimCell(rows.first);
      const matchingId = trimCell(rows.second);
      const luhn = iccidLuhnSum(iccid);
      if (luhn >= 0 && matchingId.length <= MAX_MATCHING_ID_LENGTH && isMatchingId(matchingId)) {
        if (++codeRows === MAX_CODES_PER_FILE + 1) firstExcessLine = line;
        codes.accept(iccid, matchingId, line, luhn);
        continue;
      }
    }
    const row = rows.row(i);
    if (isBlankRow(row)) {
      issues.error(line, 'row', 'blank-line', 'blank line between codes (ambiguous: a cut or merged file?); remove it');
      continue;
    }
    if (quoteError !== undefined) issues.error(line, 'row', 'malformed-quotes', quoteError);
    else if (i === dataStart && checkHeaderRow(row, line, issues)) continue;
    else checkCodeRow(row, line, issues, codes);
    if (++codeRows === MAX_CODES_PER_FILE + 1) firstExcessLine = line;
  }
  if (codeRows === 0 && addressRow !== null) noCodes(rows, addressRow, lineOf, issues);
  if (codeRows > MAX_CODES_PER_FILE) {
    issues.error(
      null,
      'file',
      'too-many-codes',
      `the file has ${formatCount(codeRows)} code rows; at most ${formatCount(MAX_CODES_PER_FILE)} are allowed per file ` +
        `(row ${formatCount(MAX_CODES_PER_FILE + 1)} is on line ${formatCount(firstExcessLine)})`,
    );
  }
  return { collector: codes, address };
}
