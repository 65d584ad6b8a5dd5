/**
 * The carrier CSV validator: one pure module (no DOM, no React) shared by the
 * browser's Web Worker and the Node CLI so both give the same verdicts.
 *
 * Format: line 1 is the SM-DP+ server address; then one `ICCID,MatchingID`
 * row per code. See rules.ts for the limits and the Graph metadata regexes.
 */
import type { CodeCollector } from './code-collector.ts';
import { controlCharProblem, decodeCsvBytes, sha256Hex, type DecodeProblem } from './decode.ts';
import { IssueList } from './issue-list.ts';
import { fileProblemResult, toResult } from './results.ts';
import { CSV_NAME_RE, isTooLarge } from './rules.ts';
import type { ParsedCsvFile } from './types.ts';
import { hasMixedLineBreaks, lineBreakOf, normalizeLineBreaks, validateText } from './validate-text.ts';

interface Verdict {
  issues: IssueList;
  collector: CodeCollector | null;
  address: string | null;
}

function newIssues(fileName: string, problem?: DecodeProblem): IssueList {
  const issues = new IssueList(fileName);
  if (!CSV_NAME_RE.test(fileName)) {
    issues.error(null, 'file', 'not-csv', 'only .csv files are accepted; save the sheet as "CSV UTF-8 (Comma delimited)"');
  }
  if (problem) issues.error(null, 'file', problem.code, problem.message);
  return issues;
}

/**
 * One papaparse pass and no other full-text scan for a good file. The scans
 * that explain failures (many control characters: a binary file; mixed line
 * ends: parse again, normalised) run only once some row has failed.
 */
function checkText(fileName: string, text: string): Verdict {
  const newline = lineBreakOf(text);
  const issues = newIssues(fileName);
  const first = { issues, ...validateText(newline === null ? normalizeLineBreaks(text) : text, newline ?? '\n', issues) };
  if (issues.errorCount === 0) return first;
  const binary = controlCharProblem(text);
  if (binary) return { issues: newIssues(fileName, binary), collector: null, address: null };
  if (newline === null || !hasMixedLineBreaks(text, newline)) return first;
  const again = newIssues(fileName);
  return { issues: again, ...validateText(normalizeLineBreaks(text), '\n', again) };
}

/** Parses and validates one carrier CSV file. Never throws for bad content. */
export async function parseCarrierCsv(fileName: string, bytes: Uint8Array): Promise<ParsedCsvFile> {
  const hashing = sha256Hex(bytes); // WebCrypto hashes while we parse
  if (isTooLarge(bytes.length)) return fileProblemResult(fileName, bytes.length, 'file-too-large', await hashing);
  const decoded = decodeCsvBytes(bytes);
  const verdict: Verdict = decoded.ok
    ? checkText(fileName, decoded.text)
    : { issues: newIssues(fileName, decoded), collector: null, address: null };
  return toResult({ fileName, sizeBytes: bytes.length, sha256: await hashing, ...verdict });
}
