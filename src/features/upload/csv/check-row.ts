import { cleanCell } from './cells.ts';
import type { CodeCollector } from './code-collector.ts';
import { ADDRESS_LABEL, diagnoseIccid, diagnoseMatchingId, ICCID_LABEL, MATCHING_ID_LABEL, type Problem } from './diagnose.ts';
import type { IssueList } from './issue-list.ts';
import { looksLikeHeader } from './row-shape.ts';
import { formatCount } from '../../../lib/format.ts';
import { ICCID_RE, MATCHING_ID_RE, MAX_MATCHING_ID_LENGTH, SMDP_ADDRESS_RE } from './rules.ts';
import type { CsvField } from './types.ts';

const EXPECTED = 'expected 2 (ICCID,MatchingID)';

function checkCell(
  cell: string,
  valid: RegExp,
  field: CsvField,
  label: string,
  diagnose: (cell: string) => Problem,
  line: number,
  issues: IssueList,
): boolean {
  if (cell === '') {
    issues.error(line, field, 'blank-cell', `${label} is blank`);
    return false;
  }
  if (valid.test(cell)) return true;
  const problem = diagnose(cell);
  issues.error(line, field, problem.code, problem.message);
  return false;
}

const checkIccid = (cell: string, line: number, issues: IssueList): boolean =>
  checkCell(cell, ICCID_RE, 'integratedCircuitCardIdentifier', ICCID_LABEL, diagnoseIccid, line, issues);

/** The length is checked first: a pasted blob gets one short message, never its value. */
function checkMatchingId(cell: string, line: number, issues: IssueList): boolean {
  if (cell.length > MAX_MATCHING_ID_LENGTH) {
    issues.error(line, 'matchingIdentifier', 'matching-id-length', matchingIdTooLong(cell.length));
    return false;
  }
  return checkCell(cell, MATCHING_ID_RE, 'matchingIdentifier', MATCHING_ID_LABEL, diagnoseMatchingId, line, issues);
}

export function matchingIdTooLong(length: number): string {
  return `MatchingID has ${formatCount(length)} characters; at most ${formatCount(MAX_MATCHING_ID_LENGTH)} are allowed`;
}

/** One-cell rows: wrong delimiter, a second address, or a missing matching ID. */
function checkSingleCellRow(cell: string, line: number, issues: IssueList, codes: CodeCollector): void {
  if (cell.includes(';') || cell.includes('\t')) {
    const delimiter = cell.includes(';') ? 'semicolons' : 'tabs';
    issues.error(line, 'row', 'wrong-delimiter', `the values are separated by ${delimiter}, not commas; save the file as comma-separated CSV`);
    return;
  }
  if (SMDP_ADDRESS_RE.test(cell)) {
    // An address cannot hold a secret (matching IDs have no dots), so it may be shown.
    issues.error(
      line,
      'row',
      'extra-smdp-address',
      `another ${ADDRESS_LABEL} (${cell}) in the middle of the codes; a file holds the codes of one SM-DP+ server only`,
    );
    return;
  }
  issues.error(line, 'row', 'missing-column', `the row has 1 cell, ${EXPECTED}: the matching ID is missing`);
  if (cell !== '' && checkIccid(cell, line, issues)) codes.noteIccid(cell, line);
}

/** A header row in place of the first code row (after the address): reported, and not counted as a code. */
export function checkHeaderRow(row: readonly string[], line: number, issues: IssueList): boolean {
  if (!looksLikeHeader(row.map(cleanCell), false)) return false;
  issues.error(line, 'row', 'header-row', 'this line looks like a header row (column names); remove it: the file has no header');
  return true;
}

/**
 * The slow path, for every code row that is not simply `ICCID,MatchingID`:
 * shape problems first, then each cell, and the well-formed parts still go
 * to duplicate detection.
 */
export function checkCodeRow(row: readonly string[], line: number, issues: IssueList, codes: CodeCollector): void {
  const cells = row.map(cleanCell);
  const [iccid = '', matchingId = ''] = cells;
  if (cells.length === 1) {
    checkSingleCellRow(iccid, line, issues, codes);
    return;
  }
  if (cells.length > 2) {
    const onlyEmpty = cells.slice(2).every((c) => c === '');
    issues.error(
      line,
      'row',
      onlyEmpty ? 'trailing-comma' : 'extra-column',
      onlyEmpty ? `trailing comma: the row has ${cells.length} cells, ${EXPECTED}` : `the row has ${cells.length} cells, ${EXPECTED}`,
    );
  }
  if (iccid !== '' && !ICCID_RE.test(iccid) && ICCID_RE.test(matchingId) && MATCHING_ID_RE.test(iccid)) {
    issues.error(line, 'row', 'columns-swapped', 'the columns look swapped: the ICCID comes first, then the matching ID');
    return;
  }
  const iccidOk = checkIccid(iccid, line, issues);
  const matchingIdOk = checkMatchingId(matchingId, line, issues);
  if (iccidOk && matchingIdOk) codes.accept(iccid, matchingId, line);
  else if (iccidOk) codes.noteIccid(iccid, line);
}
