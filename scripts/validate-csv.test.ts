import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_RULE_CASES, type BatchRuleCase } from '../src/features/upload/csv/batch-rules.table.ts';
import { plural } from '../src/lib/format.ts';
import {
  badLuhnIccid,
  codeRows,
  csvBytes,
  HOST,
  iccid,
  matchingId,
  validLines,
} from '../src/testing/carrier-csv.ts';

const ROOT = resolve(import.meta.dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as `npm run validate-csv` runs it: this Node with tsx's loader (not through npx, which starts npm first: a second per case). */
function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/validate-csv.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let dir = '';
const path = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-csv-'));
  const files: Record<string, Uint8Array> = {
    'contoso.csv': csvBytes(validLines(25)),
    'fabrikam.csv': csvBytes(validLines(1000, 100, 'rsp.fabrikam-telecom.example.net'), { eol: '\r\n', bom: true }),
    'luhn.csv': csvBytes([HOST, `${badLuhnIccid(1)},${matchingId(1)}`]),
    'broken.csv': csvBytes(['ICCID,MatchingID', `${iccid(1)},SECRET@ID9`, '8.90126E+18,SK7Q-9999-ZXVW', '', ...codeRows(1, 5)]),
    'clash.csv': csvBytes(['smdp.other.example.com', `${iccid(3)},${matchingId(77)}`]),
    'address-only.csv': csvBytes([HOST]),
    'commas.csv': csvBytes(['smdp.commas.example.com', ',', ',']),
    'long-id.csv': csvBytes(['smdp.long-ids.example.com', `${iccid(1)},${'Z9'.repeat(1_000_000)}`, ...codeRows(1, 2)]),
  };
  await Promise.all(Object.entries(files).map(([name, bytes]) => writeFile(path(name), bytes)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each case spawns Node with tsx, which takes a second or more on a busy machine.
describe('validate-csv CLI', { timeout: 60_000 }, () => {
  it('exits 0 for valid files and prints the summary', async () => {
    const run = await cli(path('contoso.csv'), path('fabrikam.csv'));
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('validate-csv');
    expect(run.stdout.split('\n')).toEqual([
      `pool ${HOST}: 25 codes from ${path('contoso.csv')}`,
      `pool rsp.fabrikam-telecom.example.net: 1,000 codes from ${path('fabrikam.csv')}`,
      '2 files: 2 valid, 0 invalid; 0 errors, 0 warnings; 1,025 codes in 2 pools',
      '',
    ]);
  });

  it('exits 0 with warnings only, printed as path:line: warning: message', async () => {
    const run = await cli(path('luhn.csv'));
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `${path('luhn.csv')}:2: warning: ICCID ${badLuhnIccid(1)}: check digit does not match (Luhn); verify with the carrier`,
      `pool ${HOST}: 1 code from ${path('luhn.csv')}`,
      '1 file: 1 valid, 0 invalid; 0 errors, 1 warning; 1 code in 1 pool',
      '',
    ]);
  });

  it('exits 1 for an invalid file, one line per problem, never printing a matching ID', async () => {
    const run = await cli(path('broken.csv'));
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const p = path('broken.csv');
    expect(lines.map((l) => l.replace(/: error: .*/, ': error'))).toEqual([
      `${p}:1: error`,
      `${p}:2: error`,
      `${p}:2: error`,
      `${p}:3: error`,
      `${p}:4: error`,
      '1 file: 0 valid, 1 invalid; 5 errors, 0 warnings; 0 codes in 0 pools',
    ]);
    expect(lines[3]).toContain('scientific notation');
    expect(run.stdout).not.toMatch(/SECRET|SK7Q-/);
  });

  it('exits 1 for a duplicate across files, naming the other file', async () => {
    const run = await cli(path('contoso.csv'), path('clash.csv'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${path('clash.csv')}:2: error: ICCID ${iccid(3)} is also in ${path('contoso.csv')} line 4`);
    expect(run.stdout).toContain(`${path('contoso.csv')}:4: error: ICCID ${iccid(3)} is also in ${path('clash.csv')} line 2`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('2 files: 0 valid, 2 invalid; 2 errors, 0 warnings; 26 codes in 2 pools');
  });

  it('exits 1 for a file without codes and for a matching ID past 255 characters, without printing it', async () => {
    const run = await cli(path('address-only.csv'), path('commas.csv'), path('long-id.csv'));
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      `${path('address-only.csv')}:1: error: no activation codes: the file has only the SM-DP+ address; add one ICCID,MatchingID line per code`,
      `${path('commas.csv')}:3: error: no activation codes: after the SM-DP+ address there are only empty rows; add one ICCID,MatchingID line per code`,
      `${path('long-id.csv')}:2: error: MatchingID has 2,000,000 characters; at most 255 are allowed`,
      `pool ${HOST}: 0 codes from ${path('address-only.csv')}`,
      `pool smdp.commas.example.com: 0 codes from ${path('commas.csv')}`,
      `pool smdp.long-ids.example.com: 1 code from ${path('long-id.csv')}`,
      '3 files: 0 valid, 3 invalid; 3 errors, 0 warnings; 1 code in 3 pools',
      '',
    ]);
  });

  it('exits 2 on usage errors', async () => {
    const [none, unknown, missing] = await Promise.all([
      cli(),
      cli('--json', path('contoso.csv')),
      cli(path('contoso.csv'), path('missing.csv')),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no files given');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option: --json');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain(`${path('missing.csv')}: no such file`);
  });

  it('prints usage for --help and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run --silent validate-csv -- <file\.csv>\.\.\./);
  });
});

/** What the CLI prints for a case of the shared batch-rule table (the page's planner runs the same table). */
function expectedOutput(c: BatchRuleCase): string[] {
  const pools = c.pools.flatMap((p) => [
    `pool ${p.host}: ${plural(p.codes, 'code')} from ${p.files.join(', ')}${p.merged > 0 ? `; ${plural(p.merged, 'code')} in more than one file, uploaded once` : ''}`,
    ...(p.errors ?? []).map((e) => `pool ${p.host}: error: ${e}`),
  ]);
  const invalid = c.files.filter((f) => c.issues.some((i) => i.startsWith(`${f.name}:`))).length;
  const errors = c.issues.length + c.pools.reduce((n, p) => n + (p.errors?.length ?? 0), 0);
  const codes = c.pools.reduce((n, p) => n + p.codes, 0);
  const summary =
    `${plural(c.files.length, 'file')}: ${c.files.length - invalid} valid, ${invalid} invalid; ` +
    `${plural(errors, 'error')}, 0 warnings; ${plural(codes, 'code')} in ${plural(c.pools.length, 'pool')}`;
  return [...c.issues, ...pools, summary, ''];
}

describe('validate-csv CLI: the batch-rule table shared with the upload page', { timeout: 120_000 }, () => {
  it.concurrent.each(BATCH_RULE_CASES.map((c, i) => ({ ...c, i })))('$name', async (c) => {
    const caseDir = join(dir, `case-${c.i}`);
    await mkdir(caseDir);
    await Promise.all(c.files.map((f) => writeFile(join(caseDir, f.name), csvBytes(f.lines))));
    const run = await cli(...c.files.map((f) => join(caseDir, f.name)));
    expect(run.stdout.replaceAll(`${caseDir}/`, '').split('\n')).toEqual(expectedOutput(c));
    expect(run.code).toBe(c.valid ? 0 : 1);
  });
});
