import type { EmbeddedSimActivationCode } from '../../../graph/types.ts';
import type { IccidIndex } from './iccid-index.ts';

export type CsvField =
  | 'file'
  | 'smdpPlusServerAddress'
  | 'integratedCircuitCardIdentifier'
  | 'matchingIdentifier'
  | 'row';

export type CsvSeverity = 'error' | 'warning';

/** Stable machine codes; the UI and tests key on these, never on messages. */
export type CsvIssueCode =
  // whole file
  | 'empty-file'
  | 'binary-file'
  | 'invalid-utf8'
  | 'not-csv'
  | 'file-too-large'
  | 'unreadable'
  | 'too-many-codes'
  | 'no-codes'
  | 'too-many-issues'
  | 'duplicate-file'
  // first line: the SM-DP+ server address
  | 'missing-smdp-address'
  | 'leading-blank-line'
  | 'smdp-address-format'
  | 'smdp-extra-cells'
  | 'extra-smdp-address'
  // row shape
  | 'header-row'
  | 'blank-line'
  | 'extra-column'
  | 'missing-column'
  | 'trailing-comma'
  | 'columns-swapped'
  | 'wrong-delimiter'
  | 'malformed-quotes'
  // cells
  | 'blank-cell'
  | 'formula'
  | 'control-character'
  | 'unicode-lookalike'
  | 'excel-scientific'
  | 'iccid-separators'
  | 'iccid-length'
  | 'iccid-format'
  | 'matching-id-format'
  | 'matching-id-length'
  | 'duplicate-iccid'
  | 'duplicate-iccid-batch'
  | 'iccid-prefix'
  | 'luhn';

export interface CsvIssue {
  file: string;
  /** 1-based physical line; null for whole-file problems. */
  line: number | null;
  field: CsvField;
  severity: CsvSeverity;
  /** Stable machine code (a {@link CsvIssueCode}). */
  code: string;
  /** Plain English. Never contains a matching identifier (they are secrets). */
  message: string;
}

export interface CsvPreviewRow {
  line: number;
  iccid: string;
  matchingIdMasked: string;
}

export interface ParsedCsvFile {
  fileName: string;
  /** Hex SHA-256 of the raw bytes; '' when the bytes were never read (unreadable or too large). */
  sha256: string;
  sizeBytes: number;
  smdpServerAddress: string | null;
  /** Only when the file has no errors; [] otherwise, so secrets of invalid files are not kept. */
  codes: EmbeddedSimActivationCode[];
  /** Rows whose ICCID and matching ID both parsed. */
  codeCount: number;
  /** First rows that parsed as codes, matching ID masked. */
  preview: CsvPreviewRow[];
  /** Every well-formed ICCID and its line, for invalid files too, so checkBatch can cross-check. */
  iccidIndex: IccidIndex;
  /** At most MAX_ISSUES_PER_FILE problems, then one 'too-many-issues' summary issue. */
  issues: CsvIssue[];
  /** Every error found, including those beyond the cap. */
  errorCount: number;
  /** Every warning found, including those beyond the cap. */
  warningCount: number;
  /** errorCount === 0 */
  valid: boolean;
}
