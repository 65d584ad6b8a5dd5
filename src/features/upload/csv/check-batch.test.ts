import { describe, expect, it } from 'vitest';
import { checkBatch, checkBatchWithPools } from './check-batch.ts';
import { formatIssue } from './format-issue.ts';
import { parseCarrierCsv } from './parse-carrier-csv.ts';
import { codeRows, csvBytes, HOST, iccid, matchingId, validLines } from '../../../testing/carrier-csv.ts';
import type { ParsedCsvFile } from './types.ts';

const parse = (name: string, lines: readonly string[]): Promise<ParsedCsvFile> => parseCarrierCsv(name, csvBytes(lines));

describe('checkBatch', () => {
  it('leaves a clean batch valid and returns new objects', async () => {
    const files = [await parse('a.csv', validLines(3, 1)), await parse('b.csv', validLines(3, 100, 'rsp.fabrikam.example.net'))];
    const checked = checkBatch(files);
    expect(checked.map((f) => f.valid)).toEqual([true, true]);
    expect(checked.map((f) => f.issues)).toEqual([[], []]);
    expect(checked[0]).not.toBe(files[0]);
    expect(checked[0]).toEqual(files[0]);
  });

  it('reports an ICCID in two files in both, naming the other file and line, and drops their codes', async () => {
    const a = await parse('a.csv', [HOST, ...codeRows(3, 1)]);
    const b = await parse('b.csv', ['rsp.other.example.net', ...codeRows(2, 10), `${iccid(2)},${matchingId(99)}`]);
    const c = await parse('c.csv', ['esim.third.example.org', ...codeRows(2, 50)]);
    const [ca, cb, cc] = checkBatch([a, b, c]);
    expect(cb?.issues.map(formatIssue)).toEqual([`b.csv:4: error: ICCID ${iccid(2)} is also in a.csv line 3`]);
    expect(ca?.issues.map(formatIssue)).toEqual([`a.csv:3: error: ICCID ${iccid(2)} is also in b.csv line 4`]);
    expect([ca?.valid, cb?.valid, cc?.valid]).toEqual([false, false, true]);
    expect([ca?.codes, cb?.codes]).toEqual([[], []]);
    expect(cc?.codes).toHaveLength(2);
    expect(ca?.issues[0]).toMatchObject({ field: 'integratedCircuitCardIdentifier', code: 'duplicate-iccid-batch' });
    expect([ca?.errorCount, cb?.errorCount]).toEqual([1, 1]);
  });

  it('reports an ICCID in three files against the first one only', async () => {
    const files = await Promise.all(
      ['a', 'b', 'c'].map((n, i) => parse(`${n}.csv`, [`smdp.${n}.example.com`, ...codeRows(1, 100 * (i + 1)), ...codeRows(1, 7)])),
    );
    const checked = checkBatch(files);
    const dup = iccid(7);
    expect(checked.map((f) => f.issues.map((i) => i.message))).toEqual([
      [`ICCID ${dup} is also in b.csv line 3`, `ICCID ${dup} is also in c.csv line 3`],
      [`ICCID ${dup} is also in a.csv line 3`],
      [`ICCID ${dup} is also in a.csv line 3`],
    ]);
  });

  it('finds clashes between interleaved ranges (many overlapping files)', async () => {
    // Every file spans the same range, so the pairwise shortcut gives way to one index.
    const files = await Promise.all(
      Array.from({ length: 6 }, (_, f) =>
        parse(`f${f}.csv`, [`smdp.f${f}.example.com`, ...Array.from({ length: 50 }, (_, i) => codeRows(1, i * 6 + f)[0] ?? '')]),
      ),
    );
    const withClash = [...files, await parse('g.csv', ['smdp.g.example.com', ...codeRows(1, 6 * 49 + 2)])];
    const checked = checkBatch(withClash);
    expect(checked.map((f) => f.valid)).toEqual([true, true, false, true, true, true, false]);
    expect(checked[6]?.issues[0]?.message).toBe(`ICCID ${iccid(296)} is also in f2.csv line 51`);
  });

  it('reports the same file twice once, not ICCID by ICCID', async () => {
    const a = await parse('a.csv', validLines(5));
    const copy = await parse('copy of a.csv', validLines(5));
    const [ca, cb] = checkBatch([a, copy]);
    expect(ca?.valid).toBe(true);
    expect(cb?.issues.map(formatIssue)).toEqual(['copy of a.csv: error: this file has the same content as a.csv, which is already in the batch; remove one of them']);
  });

  it('merges the files of one SM-DP+ server into one pool, as the upload page does', async () => {
    const a = await parse('a.csv', validLines(4, 1));
    const b = await parse('b.csv', validLines(4, 3, HOST.toUpperCase())); // 2 ICCIDs in both, same matching IDs
    const c = await parse('c.csv', validLines(1, 50, 'rsp.fabrikam.example.net'));
    const { files, pools } = checkBatchWithPools([a, b, c]);
    expect(files.map((f) => [f.valid, f.issues])).toEqual([[true, []], [true, []], [true, []]]);
    expect(pools).toEqual([
      { host: HOST, files: ['a.csv', 'b.csv'], codeCount: 6, duplicatesMerged: 2, errors: [] },
      { host: 'rsp.fabrikam.example.net', files: ['c.csv'], codeCount: 1, duplicatesMerged: 0, errors: [] },
    ]);
  });

  it('refuses a merged pool of more than 1,000 codes', async () => {
    const { pools } = checkBatchWithPools([await parse('a.csv', validLines(600, 1)), await parse('b.csv', validLines(600, 1001))]);
    expect(pools[0]?.errors).toEqual(['These files hold 1,200 codes for one SM-DP+ server; Intune accepts at most 1,000 codes per pool.']);
  });

  it('keeps the cap when adding issues to a full file', async () => {
    const garbage = await parse('a.csv', [HOST, ...codeRows(1, 1), ...Array.from({ length: 300 }, (_, i) => `x${i},y`)]);
    const other = await parse('b.csv', ['smdp.b.example.com', ...codeRows(1, 1)]);
    const [ca] = checkBatch([garbage, other]);
    expect(ca?.issues).toHaveLength(201);
    expect(ca?.errorCount).toBe(301);
    expect(ca?.issues[0]?.code).toBe('duplicate-iccid-batch');
    expect(ca?.issues.at(-1)?.message).toBe('…and 101 more problems not shown (101 errors, 0 warnings)');
  });
});
