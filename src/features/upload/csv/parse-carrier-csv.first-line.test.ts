/** parseCarrierCsv on the first line: the SM-DP+ address alone, and what a carrier file puts there instead. */
import { describe, expect, it } from 'vitest';
import { codeRows, HOST } from '../../../testing/carrier-csv.ts';
import { issueSummary, parseCsv } from '../../../testing/parse-csv.ts';

const SECRET_A = 'SECR-ETAA-XQ7Z';

describe('parseCarrierCsv: the first line', () => {
  it.each([
    ['ICCID,MatchingID', ['1:error:header-row', '2:error:missing-smdp-address']],
    ['iccid,matching id', ['1:error:header-row', '2:error:missing-smdp-address']],
    ['Serial Number,Activation', ['1:error:header-row', '2:error:missing-smdp-address']],
  ])('refuses a header row %s', async (header, expected) => {
    const r = await parseCsv([header, ...codeRows(2)]);
    expect(issueSummary(r)).toEqual(expected);
    expect(r.issues[0]?.field).toBe('row');
  });

  it('refuses a header row after the address, and one before it', async () => {
    expect(issueSummary(await parseCsv([HOST, 'ICCID,MatchingID', ...codeRows(2)]))).toEqual(['2:error:header-row']);
    // The header is not counted as a code: 1,000 codes after it are not too many.
    expect(issueSummary(await parseCsv([HOST, 'ICCID,MatchingID', ...codeRows(1000)]))).toEqual(['2:error:header-row']);
    expect(issueSummary(await parseCsv(['SM-DP+ Address', HOST, ...codeRows(2)]))).toEqual(['1:error:header-row']);
  });

  it('refuses a missing address (the file starts with codes)', async () => {
    const r = await parseCsv(codeRows(3));
    expect(issueSummary(r)).toEqual(['1:error:missing-smdp-address']);
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
    const r = await parseCsv([address, ...codeRows(1)]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 1, field: 'smdpPlusServerAddress', severity: 'error' });
    expect(r.issues[0]?.message).toContain(hint);
    expect(r.smdpServerAddress).toBeNull();
  });

  it('refuses an LPA activation code as address without echoing it', async () => {
    const r = await parseCsv([`LPA:1$${HOST}$${SECRET_A}`, ...codeRows(1)]);
    expect(issueSummary(r)).toEqual(['1:error:smdp-address-format']);
    expect(r.issues[0]?.message).not.toContain(SECRET_A);
  });

  it('refuses extra cells on the first line', async () => {
    expect(issueSummary(await parseCsv([`${HOST},other`, ...codeRows(1)]))).toEqual(['1:error:smdp-extra-cells']);
    expect(issueSummary(await parseCsv([`${HOST},`, ...codeRows(1)]))).toEqual(['1:error:trailing-comma']);
    expect(issueSummary(await parseCsv([`,${HOST}`, ...codeRows(1)]))).toEqual(['1:error:smdp-extra-cells']);
  });

  it('refuses leading blank lines', async () => {
    const r = await parseCsv(['', '', HOST, ...codeRows(1)]);
    expect(issueSummary(r)).toEqual(['1:error:leading-blank-line']);
    expect(r.smdpServerAddress).toBe(HOST);
  });
});
