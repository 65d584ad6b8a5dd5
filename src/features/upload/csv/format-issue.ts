import type { CsvIssue } from './types.ts';

/** `path:line: error|warning: message`, or `path: error: message` for whole-file problems. */
export function formatIssue(i: CsvIssue): string {
  const where = i.line === null ? i.file : `${i.file}:${i.line}`;
  return `${where}: ${i.severity}: ${i.message}`;
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** `1,025`: locale-independent so the CLI and the tests print the same digits everywhere. */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

/** `1 code`, `1,025 codes`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}
