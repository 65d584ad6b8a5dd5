import { describe, expect, it } from 'vitest';
import { formatIssue } from './format-issue.ts';
import { IccidLookup } from './iccid-index.ts';
import { luhnValid } from './luhn.ts';
import { parseCarrierCsv } from './parse-carrier-csv.ts';
import { MAX_FILE_BYTES } from './rules.ts';
import {
  badLuhnIccid,
  codeRows,
  csvBytes,
  HOST,
  iccid,
  matchingId,
  utf8,
  validLines,
} from '../../../testing/carrier-csv.ts';
import type { ParsedCsvFile } from './types.ts';

async function parse(input: string | Uint8Array | readonly string[], name = 'codes.csv'): Promise<ParsedCsvFile> {
  // Not `instanceof Uint8Array`: jsdom's TextEncoder returns another realm's arrays.
  const bytes = typeof input === 'string' ? utf8(input) : isLines(input) ? csvBytes(input) : input;
  return parseCarrierCsv(name, bytes);
}

function isLines(input: Uint8Array | readonly string[]): input is readonly string[] {
  return Array.isArray(input);
}

/** `line:severity:code` of every issue: what the tests pin down. */
function summary(r: ParsedCsvFile): string[] {
  return r.issues.map((i) => `${i.line ?? '-'}:${i.severity}:${i.code}`);
}

const SECRET_A = 'SECR-ETAA-XQ7Z';
const SECRET_B = 'SECR-ETBB-XQ7Z';

describe('parseCarrierCsv: valid files', () => {
  it('accepts a plain file and returns its codes, address, preview and hash', async () => {
    const lines = validLines(25);
    const r = await parse(lines);
    expect(r.valid).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.smdpServerAddress).toBe(HOST);
    expect(r.codeCount).toBe(25);
    expect(r.codes).toHaveLength(25);
    expect(r.codes[0]).toEqual({
      integratedCircuitCardIdentifier: iccid(1),
      matchingIdentifier: matchingId(1),
      smdpPlusServerAddress: HOST,
    });
    expect(r.preview).toHaveLength(5);
    expect(r.preview[0]).toEqual({ line: 2, iccid: iccid(1), matchingIdMasked: 'SK7Q-••••-••VW' });
    expect(new IccidLookup(r.iccidIndex).line(iccid(25))).toBe(26);
    expect(r.iccidIndex.ascending).toBe(true);
    expect(r.sizeBytes).toBe(csvBytes(lines).length);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tolerates a BOM, CRLF, trailing blank lines, spaces/tabs around cells and no final newline', async () => {
    const lines = [` ${HOST}\t`, ...codeRows(3).map((row) => row.replace(',', ' ,\t')), '', '   ', ''];
    for (const eol of ['\r\n', '\n', '\r']) {
      const r = await parse(csvBytes(lines, { eol, bom: true, finalNewline: false }));
      expect(summary(r), JSON.stringify(eol)).toEqual([]);
      expect(r.codes.map((c) => c.integratedCircuitCardIdentifier)).toEqual([iccid(1), iccid(2), iccid(3)]);
      expect(r.codes[2]?.matchingIdentifier).toBe(matchingId(3));
      expect(r.smdpServerAddress).toBe(HOST);
    }
  });

  it('tolerates mixed line ends', async () => {
    const r = await parse(`${HOST}\r\n${codeRows(1)[0]}\n${codeRows(1, 2)[0]}\r${codeRows(1, 3)[0]}\r\n`);
    expect(summary(r)).toEqual([]);
    expect(r.codeCount).toBe(3);
  });

  it('accepts quoted cells, even after a space', async () => {
    const r = await parse(`"${HOST}"\n"${iccid(1)}","${matchingId(1)}"\n${iccid(2)}, "${matchingId(2)}"\n`);
    expect(summary(r)).toEqual([]);
    expect(r.codes[1]?.matchingIdentifier).toBe(matchingId(2));
  });

  it('accepts a matching ID starting with "-" (it matches the Graph regex)', async () => {
    const r = await parse([HOST, `${iccid(1)},-ABC-123`]);
    expect(summary(r)).toEqual([]);
    expect(r.codes[0]?.matchingIdentifier).toBe('-ABC-123');
  });

  it('accepts exactly 1,000 codes', async () => {
    const r = await parse(validLines(1000));
    expect(r.valid).toBe(true);
    expect(r.codeCount).toBe(1000);
  });
});

describe('parseCarrierCsv: whole-file errors', () => {
  it.each([
    ['0 bytes', new Uint8Array(), 'empty-file'],
    ['only whitespace', utf8(' \r\n\t\n\n'), 'empty-file'],
    ['only a BOM', utf8('\uFEFF'), 'empty-file'],
    ['only commas', utf8(',\n,,\n'), 'empty-file'],
    ['NUL bytes', new Uint8Array([...utf8(`${HOST}\n`), 0, 0, 1, 2]), 'binary-file'],
    ['invalid UTF-8', new Uint8Array([...utf8(`${HOST}\n8901`), 0xc3, 0x28, 0xff]), 'invalid-utf8'],
    ['an xlsx workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'binary-file'],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x73, 0x00]), 'binary-file'],
    ['many control characters', utf8(`${HOST}\n\u0001\u0002\u0003\u0004\u0005\u0006,x\n`), 'binary-file'],
  ])('refuses %s', async (_, bytes, code) => {
    const r = await parse(bytes);
    expect(summary(r)).toEqual([`-:error:${code}`]);
    expect(r.valid).toBe(false);
    expect(r.codes).toEqual([]);
  });

  it('refuses a file name that is not .csv, but still checks the content', async () => {
    const r = await parse([HOST, `${iccid(1)},${matchingId(1)}`, `${iccid(1)},${matchingId(2)}`], 'codes.txt');
    expect(summary(r)).toEqual(['-:error:not-csv', '3:error:duplicate-iccid']);
    expect((await parse(validLines(1), 'CODES.CSV')).valid).toBe(true);
  });

  it('refuses more than 1,000 codes, naming the line of the 1,001st', async () => {
    const r = await parse(validLines(1001));
    expect(summary(r)).toEqual(['-:error:too-many-codes']);
    expect(r.issues[0]?.message).toContain('1,001 code rows');
    expect(r.issues[0]?.message).toContain('line 1,002');
    expect(r.codes).toEqual([]);
    expect(r.codeCount).toBe(1001);
  });

  it('refuses a file over the size limit without parsing it', async () => {
    const r = await parse(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(summary(r)).toEqual(['-:error:file-too-large']);
  });
});

describe('parseCarrierCsv: the first line', () => {
  it.each([
    ['ICCID,MatchingID', ['1:error:header-row', '2:error:missing-smdp-address']],
    ['iccid,matching id', ['1:error:header-row', '2:error:missing-smdp-address']],
    ['Serial Number,Activation', ['1:error:header-row', '2:error:missing-smdp-address']],
  ])('refuses a header row %s', async (header, expected) => {
    const r = await parse([header, ...codeRows(2)]);
    expect(summary(r)).toEqual(expected);
    expect(r.issues[0]?.field).toBe('row');
  });

  it('refuses a header row after the address, and one before it', async () => {
    expect(summary(await parse([HOST, 'ICCID,MatchingID', ...codeRows(2)]))).toEqual(['2:error:header-row']);
    // The header is not counted as a code: 1,000 codes after it are not too many.
    expect(summary(await parse([HOST, 'ICCID,MatchingID', ...codeRows(1000)]))).toEqual(['2:error:header-row']);
    expect(summary(await parse(['SM-DP+ Address', HOST, ...codeRows(2)]))).toEqual(['1:error:header-row']);
  });

  it('refuses a missing address (the file starts with codes)', async () => {
    const r = await parse(codeRows(3));
    expect(summary(r)).toEqual(['1:error:missing-smdp-address']);
    expect(r.issues[0]?.field).toBe('smdpPlusServerAddress');
    expect(r.codeCount).toBe(3); // the code rows are still checked
  });

  it.each([
    ['https://smdp.example.com', 'https://'],
    ['smdp.example.com/path', 'path'],
    ['smdp.example.com:443', 'port'],
    ['smdp.example.com.', 'dot'],
    ['localhost', 'fully qualified'],
    ['smdp.example.c0m', 'not a valid host name'],
    ['-smdp.example.com', 'formula'],
    ['smdp_1.example.com', 'not a valid host name'],
  ])('refuses the invalid address %s', async (address, hint) => {
    const r = await parse([address, ...codeRows(1)]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 1, field: 'smdpPlusServerAddress', severity: 'error' });
    expect(r.issues[0]?.message).toContain(hint);
    expect(r.smdpServerAddress).toBeNull();
  });

  it('refuses an LPA activation code as address without echoing it', async () => {
    const r = await parse([`LPA:1$${HOST}$${SECRET_A}`, ...codeRows(1)]);
    expect(summary(r)).toEqual(['1:error:smdp-address-format']);
    expect(r.issues[0]?.message).not.toContain(SECRET_A);
  });

  it('refuses extra cells on the first line', async () => {
    expect(summary(await parse([`${HOST},other`, ...codeRows(1)]))).toEqual(['1:error:smdp-extra-cells']);
    expect(summary(await parse([`${HOST},`, ...codeRows(1)]))).toEqual(['1:error:trailing-comma']);
    expect(summary(await parse([`,${HOST}`, ...codeRows(1)]))).toEqual(['1:error:smdp-extra-cells']);
  });

  it('refuses leading blank lines', async () => {
    const r = await parse(['', '', HOST, ...codeRows(1)]);
    expect(summary(r)).toEqual(['1:error:leading-blank-line']);
    expect(r.smdpServerAddress).toBe(HOST);
  });
});

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
    const r = await parse([HOST, line]);
    expect(summary(r)).toEqual(expected);
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
    const r = await parse(row(iccid, matchingId(1)));
    expect(summary(r)).toEqual([`2:error:${code}`]);
    expect(r.issues[0]?.field).toBe('integratedCircuitCardIdentifier');
  });

  it('explains that Excel lost the digits of a scientific-notation ICCID', async () => {
    const r = await parse(row('8.90126E+18', matchingId(1)));
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
    const r = await parse(row(iccid(1), matchingId));
    expect(summary(r)).toEqual([`2:error:${code}`]);
    expect(r.issues[0]?.field).toBe('matchingIdentifier');
    expect(r.issues[0]?.message).not.toContain(matchingId);
    expect(r.issues[0]?.message).not.toContain('ETAA');
  });

  it('names the look-alike character and its position', async () => {
    const nbsp = await parse(row(iccid(1), 'ABCD\u00A0EFGH'));
    expect(nbsp.issues[0]?.message).toContain('non-breaking space (U+00A0) at character 5');
    const zwsp = await parse(row(iccid(1), '\u200BABCD'));
    expect(zwsp.issues[0]?.message).toContain('zero-width space (U+200B) at character 1');
    const at = await parse(row(iccid(1), 'AB@CD'));
    expect(at.issues[0]?.message).toContain("'@' at character 3");
  });

  it('refuses a blank line between codes but not after them', async () => {
    const r = await parse([HOST, ...codeRows(2), '', ...codeRows(1, 3), '', '']);
    expect(summary(r)).toEqual(['4:error:blank-line']);
    expect(r.codeCount).toBe(3);
  });

  it('reports a duplicate ICCID on its second line, naming the first', async () => {
    const r = await parse([HOST, ...codeRows(3), `${iccid(2)},${matchingId(9)}`]);
    expect(summary(r)).toEqual(['5:error:duplicate-iccid']);
    expect(r.issues[0]?.message).toBe(`ICCID ${iccid(2)} is a duplicate: it is also on line 3`);
  });

  it('finds duplicates in files that are not in ascending order', async () => {
    const rows = [...codeRows(1, 5), ...codeRows(1, 9), ...codeRows(1, 1), ...codeRows(1, 12), ...codeRows(1, 9), ...codeRows(1, 1)];
    const r = await parse([HOST, ...rows]);
    expect(summary(r)).toEqual(['6:error:duplicate-iccid', '7:error:duplicate-iccid']);
    expect(r.issues.map((i) => i.message.slice(-9))).toEqual(['on line 3', 'on line 4']);
    expect(r.iccidIndex).toEqual({
      iccids: [iccid(5), iccid(9), iccid(1), iccid(12)],
      lines: [2, 3, 4, 5],
      ascending: false,
    });
    expect(new IccidLookup(r.iccidIndex).line(iccid(1))).toBe(4);
  });

  it('warns (only) on a failed Luhn check and on an ICCID not starting with 89', async () => {
    const r = await parse([HOST, `${badLuhnIccid(1)},${matchingId(1)}`, `${iccid(2, '99')},${matchingId(2)}`]);
    expect(summary(r)).toEqual(['2:warning:luhn', '3:warning:iccid-prefix']);
    expect(r.issues[0]?.message).toContain('check digit does not match (Luhn); verify with the carrier');
    expect(r.valid).toBe(true);
    expect(r.codes).toHaveLength(2);
    expect(r.warningCount).toBe(2);
  });

  it('accepts a 20-digit ICCID', async () => {
    const iccid = [...'0123456789'].map((d) => `8901260000000000001${d}`).find(luhnValid) ?? '';
    const r = await parse(row(iccid, matchingId(1)));
    expect(r.issues).toEqual([]);
    expect(r.codes[0]?.integratedCircuitCardIdentifier).toHaveLength(20);
  });
});

describe('parseCarrierCsv: line numbers', () => {
  it('are physical 1-based lines, with a BOM and CRLF', async () => {
    const lines = [HOST, ...codeRows(5), `${iccid(1)},X@Y`, ...codeRows(1, 20)];
    const r = await parse(csvBytes(lines, { eol: '\r\n', bom: true }));
    expect(summary(r)).toEqual(['7:error:matching-id-format', '7:error:duplicate-iccid']);
    expect(r.issues[1]?.message).toContain('also on line 2');
  });

  it('stay right after a quoted cell holding a line break', async () => {
    const r = await parse(`${HOST}\n"8901\n2600",${SECRET_A}\n${iccid(1)},A@B\n`);
    expect(summary(r)).toEqual(['2:error:control-character', '4:error:matching-id-format']);
  });

  it('are counted by row in formatIssue output', async () => {
    const r = await parse([HOST, `${iccid(1)},${matchingId(1)},`]);
    expect(r.issues.map(formatIssue)).toEqual(['codes.csv:2: error: trailing comma: the row has 3 cells, expected 2 (ICCID,MatchingID)']);
    const empty = await parse('');
    expect(empty.issues.map(formatIssue)).toEqual(['codes.csv: error: the file is empty (0 bytes)']);
  });
});

describe('parseCarrierCsv: limits and secrets', () => {
  it('caps the issues of a garbage file but counts them all', async () => {
    const r = await parse([HOST, ...Array.from({ length: 600 }, (_, i) => `x${i},${SECRET_A}@`)]);
    expect(r.issues).toHaveLength(201);
    expect(r.issues.at(-1)).toMatchObject({ code: 'too-many-issues', severity: 'error', line: null });
    expect(r.issues.at(-1)?.message).toBe('…and 1,000 more problems not shown (1,000 errors, 0 warnings)');
    expect(r.errorCount).toBe(1200);
    expect(r.valid).toBe(false);
  });

  it('never puts a matching ID in an issue or anywhere but `codes` (valid files only)', async () => {
    const secrets = [SECRET_A, SECRET_B, matchingId(1), matchingId(2), matchingId(3)];
    const inputs: string[][] = [
      [HOST, `${iccid(1)},${SECRET_A}`, `${iccid(1)},${SECRET_B}`],
      [HOST, `${SECRET_A},${iccid(1)}`],
      [HOST, `${iccid(1)},${SECRET_A},${SECRET_B}`],
      [HOST, `${iccid(1)};${SECRET_A}`],
      [HOST, `${SECRET_A}`],
      [HOST, `${SECRET_A},${SECRET_B}`],
      [`${HOST},${SECRET_A}`, `${iccid(1)},${SECRET_B}`],
      [`${SECRET_A}`, `${iccid(1)},${SECRET_B}`],
      [`LPA:1$${HOST}$${SECRET_A}`],
      [HOST, `${iccid(1)},=${SECRET_A}`, `${iccid(2)},${SECRET_B}!`, `${iccid(3)},"${SECRET_A}`],
      [HOST, `${badLuhnIccid(1)},${matchingId(1)}`, '', `${iccid(2)},${matchingId(2)}`],
      [HOST, `8.9E+18,${matchingId(3)}`, `${iccid(1)},${matchingId(1)} ${matchingId(2)}`],
    ];
    for (const lines of inputs) {
      const r = await parse(lines);
      expect(r.valid, lines.join('|')).toBe(false);
      const visible = JSON.stringify({ ...r, codes: undefined }) + r.issues.map(formatIssue).join('\n');
      for (const secret of secrets) expect(visible, lines.join('|')).not.toContain(secret);
      expect(r.codes).toEqual([]);
    }
  });
});
