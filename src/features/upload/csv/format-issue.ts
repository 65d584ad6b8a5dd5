import type { CsvIssue } from './types.ts';

/** `path:line: error|warning: message`, or `path: error: message` for whole-file problems. */
export function formatIssue(i: CsvIssue): string {
  const where = i.line === null ? i.file : `${i.file}:${i.line}`;
  return `${where}: ${i.severity}: ${i.message}`;
}
