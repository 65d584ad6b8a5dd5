import { cleanCell, isBlankRow } from './cells.ts';
import type { CsvRows } from './csv-rows.ts';
import { ADDRESS_LABEL, diagnoseAddress } from './diagnose.ts';
import { plural } from '../../../lib/format.ts';
import type { IssueList } from './issue-list.ts';
import { looksLikeCodeRow, looksLikeHeader } from './row-shape.ts';
import { SMDP_ADDRESS_RE } from './rules.ts';

export interface Preamble {
  address: string | null;
  /** Index of the first code row. */
  dataStart: number;
  /** Index of the row read as the address line (valid or not); null when there is none. */
  addressRow: number | null;
}

const HEADER_MESSAGE =
  'this line looks like a header row (column names); remove it: the file has no header, its first line is the SM-DP+ server address';

/**
 * Reads `[blank lines] [header] address`, reporting each deviation, so the
 * code rows after it are still checked when the start of the file is wrong.
 */
export function readPreamble(rows: CsvRows, lineOf: (row: number) => number, issues: IssueList): Preamble {
  let i = 0;
  while (i < rows.length && isBlankRow(rows.row(i))) i++;
  if (i === rows.length) {
    issues.error(null, 'file', 'empty-file', 'the file has no values (only blank lines, spaces or commas)');
    return { address: null, dataStart: i, addressRow: null };
  }
  if (i > 0) {
    issues.error(1, 'row', 'leading-blank-line', `the file starts with ${plural(i, 'blank line')}; line 1 must be the ${ADDRESS_LABEL}`);
  }
  let cells = rows.row(i).map(cleanCell);
  if (looksLikeHeader(cells, true)) {
    issues.error(lineOf(i), 'row', 'header-row', HEADER_MESSAGE);
    i++;
    cells = rows.row(i).map(cleanCell);
  }
  if (i === rows.length || isBlankRow(cells) || looksLikeCodeRow(cells)) {
    issues.error(
      i === rows.length ? null : lineOf(i),
      'smdpPlusServerAddress',
      'missing-smdp-address',
      `the ${ADDRESS_LABEL} is missing: the first line must hold only the server's host name (e.g. smdp.carrier.example.com)`,
    );
    return { address: null, dataStart: i, addressRow: null };
  }
  return { address: checkAddressRow(cells, lineOf(i), issues), dataStart: i + 1, addressRow: i };
}

function checkAddressRow(cells: readonly string[], line: number, issues: IssueList): string | null {
  const filled = cells.filter((c) => c !== '');
  if (filled.length > 1) {
    // Do not echo the cells: a code row's second cell is a secret.
    issues.error(line, 'row', 'smdp-extra-cells', `the first line must hold only the ${ADDRESS_LABEL}, but it has ${filled.length} values`);
  } else if (cells.length > 1) {
    const leading = cells[0] === '';
    issues.error(
      line,
      'row',
      leading ? 'smdp-extra-cells' : 'trailing-comma',
      leading
        ? `the ${ADDRESS_LABEL} must be in the first cell: remove the comma before it`
        : `the first line must hold only the ${ADDRESS_LABEL}: remove the trailing comma`,
    );
  }
  const address = filled[0] ?? '';
  if (SMDP_ADDRESS_RE.test(address)) return address;
  const problem = diagnoseAddress(address);
  issues.error(line, 'smdpPlusServerAddress', problem.code, problem.message);
  return null;
}
