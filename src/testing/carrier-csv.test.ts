/** The one carrier-CSV generator makes files the product's own parser accepts, ICCIDs that pass its Luhn check. */
import { describe, expect, it } from 'vitest';
import { luhnValid } from '../features/upload/csv/luhn.ts';
import { parseCarrierCsv } from '../features/upload/csv/parse-carrier-csv.ts';
import { badLuhnIccid, blockPrefix, carrierFile, codes, generateCarrierFiles, iccid, utf8 } from './carrier-csv.ts';

describe('carrier-csv', () => {
  it('makes 19- and 20-digit ICCIDs that pass the Luhn check, and a bad one that fails it', () => {
    for (const n of [0, 1, 42, 999_999]) {
      expect(iccid(n)).toMatch(/^89012600\d{11}$/);
      expect(luhnValid(iccid(n))).toBe(true);
      expect(luhnValid(iccid(n, blockPrefix(7), 20))).toBe(true);
      expect(iccid(n, blockPrefix(7), 20)).toHaveLength(20);
      expect(luhnValid(badLuhnIccid(n))).toBe(false);
    }
  });

  it('writes a file (BOM, CRLF) that validates with no issue, with the codes it says', async () => {
    const list = codes(25, { prefix: blockPrefix(3), from: 0, tag: 'LEAK' });
    const file = carrierFile('a.csv', 'smdp.contoso-mobile.example.com', list);
    const parsed = await parseCarrierCsv(file.name, utf8(file.content));
    expect(parsed).toMatchObject({ valid: true, errorCount: 0, codeCount: 25, smdpServerAddress: 'smdp.contoso-mobile.example.com' });
    expect(parsed.issues).toEqual([]);
    expect(parsed.codes.map((c) => [c.integratedCircuitCardIdentifier, c.matchingIdentifier])).toEqual(list.map((c) => [c.iccid, c.matchingId]));
    expect(list.every((c) => c.matchingId.includes('-LEAK-'))).toBe(true);
  });

  it('generates many distinct, valid files for the bench, the same for the same seed', async () => {
    const files = generateCarrierFiles({ files: 7, codesPerFile: 30, seed: 1, batch: 4 });
    expect(generateCarrierFiles({ files: 7, codesPerFile: 30, seed: 1, batch: 4 })).toEqual(files);
    const parsed = await Promise.all(files.map((f) => parseCarrierCsv(f.name, f.bytes)));
    expect(parsed.map((p) => [p.valid, p.warningCount, p.codeCount])).toEqual(Array(7).fill([true, 0, 30]));
    const all = parsed.flatMap((p) => p.codes.map((c) => c.integratedCircuitCardIdentifier));
    expect(new Set(all).size).toBe(210);
    expect(new Set(files.map((f) => f.host)).size).toBe(7);
  });
});
