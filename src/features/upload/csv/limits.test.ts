/** Files without codes, and matching IDs past MAX_MATCHING_ID_LENGTH (the same module runs in the page's worker and the CLI). */
import { describe, expect, it } from 'vitest';
import { formatIssue } from './format-issue.ts';
import { MAX_FILE_BYTES, MAX_MATCHING_ID_LENGTH } from './rules.ts';
import { codeRows, HOST, iccid, utf8 } from '../../../testing/carrier-csv.ts';
import { issueSummary, parseCsv } from '../../../testing/parse-csv.ts';

describe('a file without activation codes is an error', () => {
  it.each([
    ['only the address', `${HOST}\n`, 1],
    ['only the address, no final newline', HOST, 1],
    ['only the address, BOM, CRLF and trailing blank lines', `\uFEFF${HOST}\r\n\r\n  \r\n`, 1],
    ['the address, then rows of commas', `${HOST}\n,\n ,  \n\n`, 3],
    ['the address, then one row of commas, CRLF', `${HOST}\r\n,,\r\n`, 2],
  ])('%s', async (_, text, line) => {
    const r = await parseCsv(text);
    expect(issueSummary(r)).toEqual([`${line}:error:no-codes`]);
    expect(r).toMatchObject({ valid: false, codeCount: 0, codes: [], errorCount: 1, smdpServerAddress: HOST });
    expect(r.issues[0]?.message).toMatch(/^no activation codes: /);
    expect(r.issues[0]?.message).toContain(line === 1 ? 'only the SM-DP+ address' : 'only empty rows');
    expect(formatIssue(r.issues[0]!)).toBe(`codes.csv:${line}: error: ${r.issues[0]?.message}`);
  });

  it('is reported next to the address line’s own problems', async () => {
    expect(issueSummary(await parseCsv('ICCID,MatchingID\nhttps://smdp.example.com\n'))).toEqual(['1:error:header-row', '2:error:smdp-address-format', '2:error:no-codes']);
  });

  it('is not added where the file is already empty or has no address line', async () => {
    expect(issueSummary(await parseCsv(',\n,,\n'))).toEqual(['-:error:empty-file']);
    expect(issueSummary(await parseCsv('ICCID,MatchingID\n'))).toEqual(['1:error:header-row', '2:error:missing-smdp-address']);
  });

  it('does not fire for a file with one code, or with codes that are all broken', async () => {
    expect(issueSummary(await parseCsv([HOST, ...codeRows(1)]))).toEqual([]);
    expect(issueSummary(await parseCsv([HOST, `${iccid(1)},`]))).toEqual(['2:error:blank-cell']);
  });
});

describe(`matching IDs longer than ${MAX_MATCHING_ID_LENGTH} characters`, () => {
  const id = (length: number, ch = 'K') => ch.repeat(length);

  it(`accepts ${MAX_MATCHING_ID_LENGTH} characters and refuses ${MAX_MATCHING_ID_LENGTH + 1}, naming the line and the field, not the value`, async () => {
    const ok = await parseCsv([HOST, `${iccid(1)},${id(MAX_MATCHING_ID_LENGTH)}`]);
    expect(issueSummary(ok)).toEqual([]);
    expect(ok.codes[0]?.matchingIdentifier).toHaveLength(MAX_MATCHING_ID_LENGTH);

    const tooLong = await parseCsv([HOST, `${iccid(1)},${id(MAX_MATCHING_ID_LENGTH + 1)}`, ...codeRows(1, 2)]);
    expect(issueSummary(tooLong)).toEqual(['2:error:matching-id-length']);
    expect(tooLong.issues[0]).toMatchObject({ field: 'matchingIdentifier', message: 'MatchingID has 256 characters; at most 255 are allowed' });
    expect(tooLong).toMatchObject({ valid: false, codes: [], codeCount: 1 });
    expect(tooLong.preview).toHaveLength(1);
  });

  it('is the same rule on the slow path (a row with other problems) as on the fast path', async () => {
    const r = await parseCsv([HOST, `${iccid(1)},${id(300)},`, ` ${iccid(2)} , "${id(300)}"`, `${iccid(3)},${id(300)}@`]);
    expect(issueSummary(r)).toEqual(['2:error:trailing-comma', '2:error:matching-id-length', '3:error:matching-id-length', '4:error:matching-id-length']);
    expect(r.issues.filter((i) => i.code === 'matching-id-length').map((i) => i.message)).toEqual(
      Array.from({ length: 3 }, (_, i) => `MatchingID has ${i === 2 ? 301 : 300} characters; at most 255 are allowed`),
    );
  });

  it('refuses a 2,000,000-character matching ID quickly, in a file under the size limit, without copying it into a message', async () => {
    const huge = id(1_000_000, 'Q7');
    const text = `${HOST}\n${iccid(1)},${huge}\n`;
    expect(utf8(text).length).toBeLessThan(MAX_FILE_BYTES);
    const started = performance.now();
    const r = await parseCsv(text);
    const ms = performance.now() - started;
    expect(issueSummary(r)).toEqual(['2:error:matching-id-length']);
    expect(r.issues[0]?.message).toBe('MatchingID has 2,000,000 characters; at most 255 are allowed');
    expect(r.preview).toEqual([]);
    expect(ms).toBeLessThan(3_000); // linear work; a backtracking regex would take minutes
  });

  it('keeps other 2,000,000-character cells fast and out of the messages too', async () => {
    const cases: [string, string][] = [
      [`${HOST}\n${'8'.repeat(2_000_000)},ABC\n`, '2:error:iccid-length'],
      [`${HOST}\n${iccid(1)},${'Q'.repeat(2_000_000)}@\n`, '2:error:matching-id-length'],
      [`${'a-'.repeat(1_000_000)}x\n${codeRows(1)[0]}\n`, '1:error:smdp-address-format'],
      [`${HOST}\n${'Q'.repeat(2_000_000)},${iccid(1)}\n`, '2:error:columns-swapped'],
    ];
    for (const [text, expected] of cases) {
      const started = performance.now();
      const r = await parseCsv(text);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(issueSummary(r)).toContain(expected);
      for (const issue of r.issues) expect(issue.message.length).toBeLessThan(300);
    }
  });
});
