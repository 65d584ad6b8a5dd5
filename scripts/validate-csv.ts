/**
 * Validates carrier CSV files with the very code the console runs: the file
 * rules of its Web Worker (parseCarrierCsv) and the batch rules of its upload
 * page (csv/batch-rules.ts: files of one SM-DP+ server merge into one pool),
 * so both give the same verdicts.
 *
 *   npm run --silent validate-csv -- <file.csv>…
 *
 * Prints `path:line: error|warning: message` per problem, one line per pool
 * the console would create, and a summary line.
 * Exit 0: every file valid (warnings allowed); 1: a file is invalid;
 * 2: usage error (no files, unknown option, a path that cannot be read).
 * Matching IDs are secrets and never printed.
 */
import { readFile, stat } from 'node:fs/promises';
import { checkBatchWithPools, type PoolSummary } from '../src/features/upload/csv/check-batch.ts';
import { formatIssue } from '../src/features/upload/csv/format-issue.ts';
import { formatCount, plural } from '../src/lib/format.ts';
import { parseCarrierCsv } from '../src/features/upload/csv/parse-carrier-csv.ts';
import { fileProblemResult } from '../src/features/upload/csv/results.ts';
import { isTooLarge } from '../src/features/upload/csv/rules.ts';
import type { ParsedCsvFile } from '../src/features/upload/csv/types.ts';

const USAGE = `Usage: npm run --silent validate-csv -- <file.csv>...

Checks Intune eSIM carrier CSV files (line 1: SM-DP+ server address; then
ICCID,MatchingID per line; 1 to 1,000 codes; matching IDs of at most 255
characters; no duplicate ICCIDs across the files given). Files of one SM-DP+
server become one pool, as in the console (an ICCID in two of them with the
same matching ID is uploaded once). Prints one line per problem, one line
per pool, then a summary.

Options:
  -h, --help  show this help

Exit status: 0 all files valid (warnings allowed), 1 some file invalid, 2 usage error.
`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { help: boolean; paths: string[] } {
  const paths: string[] = [];
  let help = false;
  let options = true;
  for (const arg of argv) {
    if (options && arg === '--') options = false;
    else if (options && (arg === '-h' || arg === '--help')) help = true;
    else if (options && arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option: ${arg}`);
    else paths.push(arg);
  }
  if (!help && paths.length === 0) throw new UsageError('no files given');
  return { help, paths };
}

/** Checks every path first: a missing or unreadable path is a usage error, not an invalid file. */
async function checkPaths(paths: readonly string[]): Promise<number[]> {
  const problems: string[] = [];
  const sizes = await Promise.all(
    paths.map(async (path) => {
      try {
        const info = await stat(path);
        if (!info.isFile()) problems.push(`${path}: not a file`);
        return info.size;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problems.push(`${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`);
        return 0;
      }
    }),
  );
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return sizes;
}

async function validate(path: string, size: number): Promise<ParsedCsvFile> {
  // Far too big for a carrier file: refused without reading it, as in the browser.
  if (isTooLarge(size)) return fileProblemResult(path, size, 'file-too-large');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseCarrierCsv(path, bytes);
}

/** `pool host: N codes from a.csv, b.csv[; …]`, then `pool host: error: …` per pool problem. */
function poolLines(pool: PoolSummary): string[] {
  if (pool.host === null) return []; // a file without a readable address: its own errors say why
  const merged = pool.duplicatesMerged > 0 ? `; ${plural(pool.duplicatesMerged, 'code')} in more than one file, uploaded once` : '';
  return [`pool ${pool.host}: ${plural(pool.codeCount, 'code')} from ${pool.files.join(', ')}${merged}`, ...pool.errors.map((e) => `pool ${pool.host}: error: ${e}`)];
}

function summaryLine(files: readonly ParsedCsvFile[], pools: readonly PoolSummary[]): string {
  const valid = files.filter((f) => f.valid).length;
  const sum = (pick: (f: ParsedCsvFile) => number): number => files.reduce((n, f) => n + pick(f), 0);
  const poolErrors = pools.reduce((n, p) => n + p.errors.length, 0);
  const real = pools.filter((p) => p.host !== null);
  const codes = real.reduce((n, p) => n + p.codeCount, 0); // merged: an ICCID uploaded once counts once
  return (
    `${plural(files.length, 'file')}: ${formatCount(valid)} valid, ${formatCount(files.length - valid)} invalid; ` +
    `${plural(sum((f) => f.errorCount) + poolErrors, 'error')}, ${plural(sum((f) => f.warningCount), 'warning')}; ` +
    `${plural(codes, 'code')} in ${plural(real.length, 'pool')}`
  );
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const { help, paths } = parseArgs(argv);
    if (help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const sizes = await checkPaths(paths);
    const { files, pools } = checkBatchWithPools(await Promise.all(paths.map((path, i) => validate(path, sizes[i] ?? 0))));
    const lines = files.flatMap((f) => f.issues.map(formatIssue));
    lines.push(...pools.flatMap(poolLines), summaryLine(files, pools));
    process.stdout.write(`${lines.join('\n')}\n`);
    return files.every((f) => f.valid) && pools.every((p) => p.errors.length === 0) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`validate-csv: ${error.message}\nRun with --help for usage.\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
