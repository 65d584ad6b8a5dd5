import { checkBatchRules, type BatchVerdict } from './batch-rules.ts';
import { capIssues, sortIssues, uncappedIssues } from './issue-list.ts';
import type { CsvIssue, ParsedCsvFile } from './types.ts';

function addIssues(file: ParsedCsvFile, extra: readonly CsvIssue[]): ParsedCsvFile {
  if (extra.length === 0) return { ...file };
  let errors = 0;
  for (const i of extra) if (i.severity === 'error') errors++;
  const errorCount = file.errorCount + errors;
  const warningCount = file.warningCount + extra.length - errors;
  const issues = capIssues(file.fileName, sortIssues([...uncappedIssues(file.issues), ...extra]), errorCount, warningCount);
  const valid = errorCount === 0;
  return { ...file, issues, errorCount, warningCount, valid, codes: valid ? file.codes : [] };
}

/** A pool the batch would create, as the upload page plans it. */
export interface PoolSummary {
  host: string | null;
  /** Its files, by name, in batch order. */
  files: string[];
  /** Codes the pool will hold (merged, de-duplicated), or the files hold while any has an error. */
  codeCount: number;
  /** ICCIDs in more than one of its files with the same matching ID, uploaded once. */
  duplicatesMerged: number;
  /** Why it cannot be created although its files are valid. */
  errors: string[];
}

export interface CheckedBatch {
  /** The files with the batch's problems added (files that gain an error become invalid and drop their codes). */
  files: ParsedCsvFile[];
  pools: PoolSummary[];
}

function poolSummaries(files: readonly ParsedCsvFile[], verdict: BatchVerdict): PoolSummary[] {
  return verdict.groups.map((g) => {
    const members = g.fileIds.map((id) => files[Number(id)]);
    return {
      host: g.host,
      files: members.map((f) => f?.fileName ?? ''),
      codeCount: verdict.codes.get(g.key)?.length ?? members.reduce((n, f) => n + (f?.codeCount ?? 0), 0),
      duplicatesMerged: verdict.duplicatesMerged.get(g.key) ?? 0,
      errors: verdict.poolErrors.get(g.key) ?? [],
    };
  });
}

/**
 * The batch rules of batch-rules.ts (the page's own) applied to parsed files,
 * for the CLI and the worker: cross-file problems are added to each file, and
 * the pools are summarised. Pass the results of parseCarrierCsv, not of an
 * earlier check (dropped codes cannot come back).
 */
export function checkBatchWithPools(files: readonly ParsedCsvFile[]): CheckedBatch {
  const verdict = checkBatchRules(files.map((parsed, i) => ({ id: String(i), parsed })));
  return {
    files: files.map((file, i) => addIssues(file, verdict.issues.get(String(i)) ?? [])),
    pools: poolSummaries(files, verdict),
  };
}

/** {@link checkBatchWithPools}, files only. */
export function checkBatch(files: readonly ParsedCsvFile[]): ParsedCsvFile[] {
  return checkBatchWithPools(files).files;
}
