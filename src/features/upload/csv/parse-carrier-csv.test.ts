/** parseCarrierCsv on whole files: what a valid file gives, what refuses a file as a whole, and the limits on issues and secrets. The first line and the code rows have files of their own. */
import { describe, expect, it } from 'vitest';
import { formatIssue } from './format-issue.ts';
import { IccidLookup } from './iccid-index.ts';
import { MAX_FILE_BYTES } from './rules.ts';
import { badLuhnIccid, codeRows, csvBytes, HOST, iccid, matchingId, utf8, validLines } from '../../../testing/carrier-csv.ts';
import { issueSummary, parseCsv } from '../../../testing/parse-csv.ts';

const SECRET_A = 'SECR-ETAA-XQ7Z';
const SECRET_B = 'SECR-ETBB-XQ7Z';

describe('parseCarrierCsv: valid files', () => {
  it('accepts a plain file and returns its codes, address, preview and hash', async () => {
    const lines = validLines(25);
    const r = await parseCsv(lines);
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
      const r = await parseCsv(csvBytes(lines, { eol, bom: true, finalNewline: false }));
      expect(issueSummary(r), JSON.stringify(eol)).toEqual([]);
      expect(r.codes.map((c) => c.integratedCircuitCardIdentifier)).toEqual([iccid(1), iccid(2), iccid(3)]);
      expect(r.codes[2]?.matchingIdentifier).toBe(matchingId(3));
      expect(r.smdpServerAddress).toBe(HOST);
    }
  });

  it('tolerates mixed line ends', async () => {
    const r = await parseCsv(`${HOST}\r\n${codeRows(1)[0]}\n${codeRows(1, 2)[0]}\r${codeRows(1, 3)[0]}\r\n`);
    expect(issueSummary(r)).toEqual([]);
    expect(r.codeCount).toBe(3);
  });

  it('accepts quoted cells, even after a space', async () => {
    const r = await parseCsv(`"${HOST}"\n"${iccid(1)}","${matchingId(1)}"\n${iccid(2)}, "${matchingId(2)}"\n`);
    expect(issueSummary(r)).toEqual([]);
    expect(r.codes[1]?.matchingIdentifier).toBe(matchingId(2));
  });

  it('accepts a matching ID starting with "-" (it matches the Graph regex)', async () => {
    const r = await parseCsv([HOST, `${iccid(1)},-ABC-123`]);
    expect(issueSummary(r)).toEqual([]);
    expect(r.codes[0]?.matchingIdentifier).toBe('-ABC-123');
  });

  it('accepts exactly 1,000 codes', async () => {
    const r = await parseCsv(validLines(1000));
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
    const r = await parseCsv(bytes);
    expect(issueSummary(r)).toEqual([`-:error:${code}`]);
    expect(r.valid).toBe(false);
    expect(r.codes).toEqual([]);
  });

  it('refuses a file name that is not .csv, but still checks the content', async () => {
    const r = await parseCsv([HOST, `${iccid(1)},${matchingId(1)}`, `${iccid(1)},${matchingId(2)}`], 'codes.txt');
    expect(issueSummary(r)).toEqual(['-:error:not-csv', '3:error:duplicate-iccid']);
    expect((await parseCsv(validLines(1), 'CODES.CSV')).valid).toBe(true);
  });

  it('refuses more than 1,000 codes, naming the line of the 1,001st', async () => {
    const r = await parseCsv(validLines(1001));
    expect(issueSummary(r)).toEqual(['-:error:too-many-codes']);
    expect(r.issues[0]?.message).toContain('1,001 code rows');
    expect(r.issues[0]?.message).toContain('line 1,002');
    expect(r.codes).toEqual([]);
    expect(r.codeCount).toBe(1001);
  });

  it('refuses a file over the size limit without parsing it', async () => {
    const r = await parseCsv(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(issueSummary(r)).toEqual(['-:error:file-too-large']);
  });
});

describe('parseCarrierCsv: limits and secrets', () => {
  it('caps the issues of a garbage file but counts them all', async () => {
    const r = await parseCsv([HOST, ...Array.from({ length: 600 }, (_, i) => `x${i},${SECRET_A}@`)]);
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
      const r = await parseCsv(lines);
      expect(r.valid, lines.join('|')).toBe(false);
      const visible = JSON.stringify({ ...r, codes: undefined }) + r.issues.map(formatIssue).join('\n');
      for (const secret of secrets) expect(visible, lines.join('|')).not.toContain(secret);
      expect(r.codes).toEqual([]);
    }
  });
});
