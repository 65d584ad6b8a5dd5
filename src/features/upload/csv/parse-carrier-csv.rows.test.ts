/** parseCarrierCsv on the code rows (ICCID, matching ID) and the line numbers its issues name. */
import { describe, expect, it } from 'vitest';
import { formatIssue } from './format-issue.ts';
import { IccidLookup } from './iccid-index.ts';
import { luhnValid } from './luhn.ts';
import { badLuhnIccid, codeRows, csvBytes, HOST, iccid, matchingId } from '../../../testing/carrier-csv.ts';
import { issueSummary, parseCsv } from '../../../testing/parse-csv.ts';

const SECRET_A = 'SECR-ETAA-XQ7Z';

describe('parseCarrierCsv: code rows', () => {
  const row = (iccid: string, matchingId: string): string[] => [HOST, `${iccid},${matchingId}`];

  it.each([
    ['extra column', `${iccid(1)},${matchingId(1)},x`, ['2:error:extra-column']],
    ['trailing comma', `${iccid(1)},${matchingId(1)},`, ['2:error:trailing-comma']],
    ['two trailing commas', `${iccid(1)},${matchingId(1)},,`, ['2:error:trailing-comma']],
    ['missing column', iccid(1), ['2:error:missing-column']],
    ['blank matching ID', `${iccid(1)},`, ['2:error:blank-cell']],
    ['blank matching ID (spaces)', `${iccid(1)},   `, ['2:error:blank-cell']],
    ['blank ICCID', `,${matchingId(1)}`, ['2:error:blank-cell']],
    ['semicolons', `${iccid(1)};${matchingId(1)}`, ['2:error:wrong-delimiter']],
    ['swapped columns', `${matchingId(1)},${iccid(1)}`, ['2:error:columns-swapped']],
    ['second address', 'smdp.other.example.com', ['2:error:extra-smdp-address']],
    ['unclosed quote', `${iccid(1)},"${matchingId(1)}`, ['2:error:malformed-quotes']],
  ])('refuses a row with %s', async (_, line, expected) => {
    const r = await parseCsv([HOST, line]);
    expect(issueSummary(r)).toEqual(expected);
    expect(r.codes).toEqual([]);
  });

  it.each([
    ['8.90126E+18', 'excel-scientific'],
    ['8.9e+19', 'excel-scientific'],
    ['"8,90126E+18"', 'excel-scientific'],
    ['8901 2600 0000 0000 014', 'iccid-separators'],
    ['8901-2600-0000-0000-014', 'iccid-separators'],
    ['890126000000000001', 'iccid-length'],
    ['890126000000000000149', 'iccid-length'],
    ['8901260000000000014F', 'iccid-format'],
    ['=8901260000000000014', 'formula'],
    ['@SUM(A1)', 'formula'],
    ['+8901260000000000014', 'formula'],
    ['-2+3', 'formula'],
    ['8901260000000\u00A0000014', 'unicode-lookalike'],
    ['８９01260000000000014', 'unicode-lookalike'],
  ])('refuses the ICCID %s', async (iccid, code) => {
    const r = await parseCsv(row(iccid, matchingId(1)));
    expect(issueSummary(r)).toEqual([`2:error:${code}`]);
    expect(r.issues[0]?.field).toBe('integratedCircuitCardIdentifier');
  });

  it('explains that Excel lost the digits of a scientific-notation ICCID', async () => {
    const r = await parseCsv(row('8.90126E+18', matchingId(1)));
    expect(r.issues[0]?.message).toMatch(/Excel.*scientific notation.*lost/);
    expect(r.issues[0]?.message).toContain('8.90126E+18');
  });

  it.each([
    ['=HYPERLINK("http://evil.example")', 'formula'],
    ['@SUM(1+1)', 'formula'],
    ['+CMD|calc', 'formula'],
    ['-1+CMD|calc', 'formula'],
    ['SECR@ETAA', 'matching-id-format'],
    ['SECR ETAA', 'matching-id-format'],
    ['SECR.ETAA', 'matching-id-format'],
    ['SECR\u00A0ETAA', 'unicode-lookalike'],
    ['SECR\u200BETAA', 'unicode-lookalike'],
    ['SECR\u2013ETAA', 'unicode-lookalike'],
    ['SECR\u0007ETAA', 'control-character'],
  ])('refuses the matching ID %j', async (matchingId, code) => {
    const r = await parseCsv(row(iccid(1), matchingId));
    expect(issueSummary(r)).toEqual([`2:error:${code}`]);
    expect(r.issues[0]?.field).toBe('matchingIdentifier');
    expect(r.issues[0]?.message).not.toContain(matchingId);
    expect(r.issues[0]?.message).not.toContain('ETAA');
  });

  it('names the look-alike character and its position', async () => {
    const nbsp = await parseCsv(row(iccid(1), 'ABCD\u00A0EFGH'));
    expect(nbsp.issues[0]?.message).toContain('non-breaking space (U+00A0) at character 5');
    const zwsp = await parseCsv(row(iccid(1), '\u200BABCD'));
    expect(zwsp.issues[0]?.message).toContain('zero-width space (U+200B) at character 1');
    const at = await parseCsv(row(iccid(1), 'AB@CD'));
    expect(at.issues[0]?.message).toContain("'@' at character 3");
  });

  it('refuses a blank line between codes but not after them', async () => {
    const r = await parseCsv([HOST, ...codeRows(2), '', ...codeRows(1, 3), '', '']);
    expect(issueSummary(r)).toEqual(['4:error:blank-line']);
    expect(r.codeCount).toBe(3);
  });

  it('reports a duplicate ICCID on its second line, naming the first', async () => {
    const r = await parseCsv([HOST, ...codeRows(3), `${iccid(2)},${matchingId(9)}`]);
    expect(issueSummary(r)).toEqual(['5:error:duplicate-iccid']);
    expect(r.issues[0]?.message).toBe(`ICCID ${iccid(2)} is a duplicate: it is also on line 3`);
  });

  it('finds duplicates in files that are not in ascending order', async () => {
    const rows = [...codeRows(1, 5), ...codeRows(1, 9), ...codeRows(1, 1), ...codeRows(1, 12), ...codeRows(1, 9), ...codeRows(1, 1)];
    const r = await parseCsv([HOST, ...rows]);
    expect(issueSummary(r)).toEqual(['6:error:duplicate-iccid', '7:error:duplicate-iccid']);
    expect(r.issues.map((i) => i.message.slice(-9))).toEqual(['on line 3', 'on line 4']);
    expect(r.iccidIndex).toEqual({
      iccids: [iccid(5), iccid(9), iccid(1), iccid(12)],
      lines: [2, 3, 4, 5],
      ascending: false,
    });
    expect(new IccidLookup(r.iccidIndex).line(iccid(1))).toBe(4);
  });

  it('warns (only) on a failed Luhn check and on an ICCID not starting with 89', async () => {
    const r = await parseCsv([HOST, `${badLuhnIccid(1)},${matchingId(1)}`, `${iccid(2, '99')},${matchingId(2)}`]);
    expect(issueSummary(r)).toEqual(['2:warning:luhn', '3:warning:iccid-prefix']);
    expect(r.issues[0]?.message).toContain('check digit does not match (Luhn); verify with the carrier');
    expect(r.valid).toBe(true);
    expect(r.codes).toHaveLength(2);
    expect(r.warningCount).toBe(2);
  });

  it('accepts a 20-digit ICCID', async () => {
    const iccid = [...'0123456789'].map((d) => `8901260000000000001${d}`).find(luhnValid) ?? '';
    const r = await parseCsv(row(iccid, matchingId(1)));
    expect(r.issues).toEqual([]);
    expect(r.codes[0]?.integratedCircuitCardIdentifier).toHaveLength(20);
  });
});

describe('parseCarrierCsv: line numbers', () => {
  it('are physical 1-based lines, with a BOM and CRLF', async () => {
    const lines = [HOST, ...codeRows(5), `${iccid(1)},X@Y`, ...codeRows(1, 20)];
    const r = await parseCsv(csvBytes(lines, { eol: '\r\n', bom: true }));
    expect(issueSummary(r)).toEqual(['7:error:matching-id-format', '7:error:duplicate-iccid']);
    expect(r.issues[1]?.message).toContain('also on line 2');
  });

  it('stay right after a quoted cell holding a line break', async () => {
    const r = await parseCsv(`${HOST}\n"8901\n2600",${SECRET_A}\n${iccid(1)},A@B\n`);
    expect(issueSummary(r)).toEqual(['2:error:control-character', '4:error:matching-id-format']);
  });

  it('are counted by row in formatIssue output', async () => {
    const r = await parseCsv([HOST, `${iccid(1)},${matchingId(1)},`]);
    expect(r.issues.map(formatIssue)).toEqual(['codes.csv:2: error: trailing comma: the row has 3 cells, expected 2 (ICCID,MatchingID)']);
    const empty = await parseCsv('');
    expect(empty.issues.map(formatIssue)).toEqual(['codes.csv: error: the file is empty (0 bytes)']);
  });
});
