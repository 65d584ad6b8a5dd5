import { plural } from '../../../lib/format.ts';
import { MAX_ISSUES_PER_FILE } from './rules.ts';
import type { CsvField, CsvIssue, CsvIssueCode, CsvSeverity } from './types.ts';

const TOO_MANY: CsvIssueCode = 'too-many-issues';

/**
 * Collects a file's problems, keeping at most `cap` of them
 * (whole-file problems first) but counting all of them.
 */
export class IssueList {
  errorCount = 0;
  warningCount = 0;
  private readonly fileLevel: CsvIssue[] = [];
  private readonly lineLevel: CsvIssue[] = [];

  constructor(
    private readonly file: string,
    private readonly cap = MAX_ISSUES_PER_FILE,
  ) {}

  error(line: number | null, field: CsvField, code: CsvIssueCode, message: string): void {
    this.errorCount++;
    this.keep({ file: this.file, line, field, severity: 'error', code, message });
  }

  warn(line: number | null, field: CsvField, code: CsvIssueCode, message: string): void {
    this.warningCount++;
    this.keep({ file: this.file, line, field, severity: 'warning', code, message });
  }

  toArray(): CsvIssue[] {
    // Rows are checked in order; only a few issues (quotes on the first lines) come late.
    const lines = sortIssues([...this.lineLevel]);
    return capIssues(this.file, [...this.fileLevel, ...lines], this.errorCount, this.warningCount, this.cap);
  }

  private keep(issue: CsvIssue): void {
    if (issue.line === null) this.fileLevel.push(issue);
    else if (this.lineLevel.length < this.cap) this.lineLevel.push(issue);
  }
}

/** Issues without the cap's summary issue (used to merge more problems in). */
export function uncappedIssues(issues: readonly CsvIssue[]): CsvIssue[] {
  return issues.filter((i) => i.code !== TOO_MANY);
}

/** Whole-file problems first, then by line; stable. */
export function sortIssues(issues: CsvIssue[]): CsvIssue[] {
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * The first `cap` issues plus, when some were left out, one summary issue
 * "…and N more problems" (an error when any left-out problem is an error).
 */
export function capIssues(
  file: string,
  issues: readonly CsvIssue[],
  errorCount: number,
  warningCount: number,
  cap = MAX_ISSUES_PER_FILE,
): CsvIssue[] {
  const shown = issues.slice(0, cap);
  let shownErrors = 0;
  for (const i of shown) if (i.severity === 'error') shownErrors++;
  const hiddenErrors = errorCount - shownErrors;
  const hiddenWarnings = warningCount - (shown.length - shownErrors);
  if (hiddenErrors + hiddenWarnings <= 0) return shown;
  const severity: CsvSeverity = hiddenErrors > 0 ? 'error' : 'warning';
  const message =
    `…and ${plural(hiddenErrors + hiddenWarnings, 'more problem')} not shown ` +
    `(${plural(hiddenErrors, 'error')}, ${plural(hiddenWarnings, 'warning')})`;
  return [...shown, { file, line: null, field: 'file', severity, code: TOO_MANY, message }];
}
