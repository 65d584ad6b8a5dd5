import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { iccidLuhnSum, isMatchingId, trimCell } from './cells.ts';
import { sha256Hex, webCryptoSha256Hex } from './decode.ts';
import { formatCount } from '../../../lib/format.ts';
import { formatIssue } from './format-issue.ts';
import { IccidLookup } from './iccid-index.ts';
import { IssueList } from './issue-list.ts';
import { luhnValid } from './luhn.ts';
import { maskMatchingId } from './mask.ts';
import { ICCID_RE, MATCHING_ID_RE } from './rules.ts';
import { utf8 } from '../../../testing/carrier-csv.ts';
import { createTimeSlicer } from './time-slicer.ts';

describe('luhnValid', () => {
  it.each([
    ['8901260000000000014', true],
    ['8944100000000000018', true],
    ['8901260000000000015', false],
    ['79927398713', true],
    ['79927398710', false],
    ['', false],
    ['8901a', false],
  ])('%s → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });
});

describe('fast field checks', () => {
  it('give the same verdicts as the Graph metadata regexes', () => {
    const alphabet = ['0', '9', '5', 'a', 'Z', '-', ' ', '.', '@', 'é', '\u00A0', '+'];
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const samples = ['', '8901260000000000014', '89012600000000000149', '890126000000000001', 'WK1D-EGZD-8PCF', '-', '----'];
    for (let n = 0; n < 5000; n++) {
      const length = random() % 24;
      const digitsOnly = random() % 2 === 0;
      let s = '';
      for (let i = 0; i < length; i++) s += digitsOnly ? String(random() % 10) : alphabet[random() % alphabet.length];
      samples.push(s);
    }
    for (const s of samples) {
      expect(iccidLuhnSum(s) >= 0, s).toBe(ICCID_RE.test(s));
      expect(isMatchingId(s), s).toBe(s !== '' && MATCHING_ID_RE.test(s));
    }
  });

  it('trim only spaces and tabs', () => {
    expect(trimCell(' \tAB C\t ')).toBe('AB C');
    expect(trimCell('AB\r')).toBe('AB\r');
    expect(trimCell('\u00A0AB')).toBe('\u00A0AB');
  });
});

describe('maskMatchingId', () => {
  it.each([
    ['WK1D-EGZD-8PCF', 'WK1D-••••-••CF'],
    ['ABCDE-FGHIJ-KLMNO-PQRST', 'ABCD•-•••••-•••••-•••ST'],
    ['ABCDEFGH', 'AB•••••H'],
    ['ABC-DEF', '•••-•••'],
    ['', ''],
  ])('%s → %s', (id, masked) => {
    expect(maskMatchingId(id)).toBe(masked);
  });
});

describe('formatting', () => {
  it('formats issues as path:line: severity: message', () => {
    const base = { file: 'a.csv', field: 'row', code: 'x', message: 'bad' } as const;
    expect(formatIssue({ ...base, line: 12, severity: 'warning' })).toBe('a.csv:12: warning: bad');
    expect(formatIssue({ ...base, line: null, severity: 'error' })).toBe('a.csv: error: bad');
  });

  it('formats counts with thousands separators', () => {
    expect(formatCount(1025)).toBe('1,025');
  });
});

describe('IssueList', () => {
  it('keeps file-level issues first, line order after, and caps with a summary', () => {
    const list = new IssueList('a.csv', 3);
    list.warn(5, 'row', 'luhn', 'w5');
    list.error(2, 'row', 'blank-line', 'e2');
    list.error(null, 'file', 'too-many-codes', 'f');
    list.warn(9, 'row', 'luhn', 'w9');
    list.warn(10, 'row', 'luhn', 'w10');
    expect(list.toArray().map((i) => i.message)).toEqual(['f', 'e2', 'w5', '…and 2 more problems not shown (0 errors, 2 warnings)']);
    expect(list.toArray().at(-1)?.severity).toBe('warning');
    expect([list.errorCount, list.warningCount]).toEqual([2, 3]);
  });
});

describe('sha256Hex', () => {
  it('hashes the raw bytes identically with Node crypto and WebCrypto', async () => {
    const bytes = utf8('\uFEFFsmdp.example.com\r\n');
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(await webCryptoSha256Hex(bytes)).toBe(expected);
  });
});

describe('createTimeSlicer', () => {
  it('yields only once the budget is spent', async () => {
    let now = 0;
    const yieldTask = vi.fn(() => Promise.resolve());
    const slice = createTimeSlicer(8, () => now, yieldTask);
    await slice();
    now = 7;
    await slice();
    expect(yieldTask).not.toHaveBeenCalled();
    now = 9;
    await slice();
    expect(yieldTask).toHaveBeenCalledTimes(1);
    now = 12;
    await slice();
    expect(yieldTask).toHaveBeenCalledTimes(1);
  });
});

describe('IccidLookup', () => {
  it('bisects an ascending index and maps an unordered one', () => {
    const ascending = new IccidLookup({ iccids: ['8901', '8902', '8905', '8909'], lines: [2, 3, 4, 7], ascending: true });
    expect(['8901', '8905', '8909', '8900', '8903', '8910'].map((i) => ascending.line(i))).toEqual([2, 4, 7, undefined, undefined, undefined]);
    expect(ascending.span()).toEqual({ min: '8901', max: '8909' });
    const unordered = new IccidLookup({ iccids: ['8905', '8901', '8909'], lines: [2, 3, 4], ascending: false });
    expect(['8901', '8909', '8902'].map((i) => unordered.line(i))).toEqual([3, 4, undefined]);
    expect(unordered.span()).toEqual({ min: '8901', max: '8909' });
    expect(new IccidLookup({ iccids: [], lines: [], ascending: true }).span()).toBeNull();
  });
});
