/**
 * The files of an upload batch, grouped into the pools they make: the batch rules of
 * csv/batch-rules.ts (the module the CLI runs too) over the files checked so far. Costly (every
 * ICCID of every file), so it depends on the files only and is memoised apart from the plan.
 */
import type { EmbeddedSimActivationCode } from '../../../graph/types.ts';
import { checkBatchRules } from '../csv/batch-rules.ts';
import type { CsvIssue, ParsedCsvFile } from '../csv/types.ts';

export interface BatchFile {
  /** Unique in the batch (the same file dropped twice gets two ids). */
  id: string;
  name: string;
  size: number;
  /** The worker's verdict; undefined while it is being checked. */
  parsed?: ParsedCsvFile;
}

export interface FileGroup {
  /** Stable key, usable as a form field name (no dots). */
  key: string;
  /** SM-DP+ host as written in the first file; null for files without a readable address. */
  host: string | null;
  files: BatchFile[];
}

export interface BatchAnalysis {
  groups: FileGroup[];
  /** Files still being checked. */
  checking: BatchFile[];
  /** Cross-file problems, by file id. */
  batchIssues: ReadonlyMap<string, CsvIssue[]>;
  /** Per group: the codes to upload (merged, de-duplicated), when every file of the group is valid. */
  codes: ReadonlyMap<string, EmbeddedSimActivationCode[]>;
  /** Per group: ICCIDs in more than one of its files with the same matching id, uploaded once. */
  duplicatesMerged: ReadonlyMap<string, number>;
  /** Per group: why the pool cannot be created although its files are valid. */
  poolErrors: ReadonlyMap<string, string[]>;
}

/** The batch rules of csv/batch-rules.ts over the files checked so far. */
export function analyzeBatch(files: readonly BatchFile[]): BatchAnalysis {
  const checking = files.filter((f) => !f.parsed);
  const verdict = checkBatchRules(files.flatMap((f) => (f.parsed ? [{ id: f.id, parsed: f.parsed }] : [])));
  const byId = new Map(files.map((f) => [f.id, f]));
  const groups = verdict.groups.map((g) => ({ key: g.key, host: g.host, files: g.fileIds.flatMap((id) => byId.get(id) ?? []) }));
  return { groups, checking, batchIssues: verdict.issues, codes: verdict.codes, duplicatesMerged: verdict.duplicatesMerged, poolErrors: verdict.poolErrors };
}
