import type { CodeCollector } from './code-collector.ts';
import { formatCount } from '../../../lib/format.ts';
import { emptyIccidIndex } from './iccid-index.ts';
import { IssueList } from './issue-list.ts';
import { MAX_FILE_BYTES } from './rules.ts';
import type { ParsedCsvFile } from './types.ts';

export function toResult(parts: {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  issues: IssueList;
  address: string | null;
  collector: CodeCollector | null;
}): ParsedCsvFile {
  const { issues, collector } = parts;
  return {
    fileName: parts.fileName,
    sha256: parts.sha256,
    sizeBytes: parts.sizeBytes,
    smdpServerAddress: parts.address,
    codes: collector?.takeCodes() ?? [],
    codeCount: collector?.codeCount ?? 0,
    preview: collector?.preview ?? [],
    iccidIndex: collector?.index ?? emptyIccidIndex(),
    issues: issues.toArray(),
    errorCount: issues.errorCount,
    warningCount: issues.warningCount,
    valid: issues.errorCount === 0,
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A file refused without parsing: too large (not read at all by the browser
 * and the CLI), or unreadable. `sha256` is '' when the bytes were never read.
 */
export function fileProblemResult(
  fileName: string,
  sizeBytes: number,
  problem: 'file-too-large' | 'unreadable',
  sha256 = '',
  detail = '',
): ParsedCsvFile {
  const issues = new IssueList(fileName);
  const message =
    problem === 'file-too-large'
      ? `the file is ${megabytes(sizeBytes)} (${formatCount(sizeBytes)} bytes); a carrier file of 1,000 codes is far smaller ` +
        `(the limit is ${megabytes(MAX_FILE_BYTES)}), so this is probably not the right file`
      : `could not read the file${detail === '' ? '' : `: ${detail}`}`;
  issues.error(null, 'file', problem, message);
  return toResult({ fileName, sizeBytes, sha256, issues, address: null, collector: null });
}
