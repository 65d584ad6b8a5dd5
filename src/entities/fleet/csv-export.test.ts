import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEVICE_STATES, type EmbeddedSimDeviceState } from '../../graph/types.ts';
import { CSV_BOM, csvFileName, deviceStateColumns, excelUtc, toCsv, type CsvColumn } from './csv-export.ts';

const one: CsvColumn<string>[] = [{ header: 'Value', value: (v) => v }];
/** The cell under the header, as the file holds it. */
const written = (v: string) => toCsv(one, [v]).slice(CSV_BOM.length).split('\r\n').slice(1).join('\r\n');

const device = (p: Partial<EmbeddedSimDeviceState> = {}): EmbeddedSimDeviceState => ({
  id: 'ds-1',
  createdDateTime: '2026-11-02T08:15:00Z',
  modifiedDateTime: '2026-11-03T09:00:00.1234567Z',
  lastSyncDateTime: null,
  universalIntegratedCircuitCardIdentifier: '89049032000001000000123456789012',
  deviceName: 'LAPTOP-01',
  userName: 'adele@contoso.example',
  state: 'installed',
  stateDetails: null,
  ...p,
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and has no trailing line break', () => {
    const csv = toCsv([{ header: 'A', value: (r: number) => r }, { header: 'B', value: (r: number) => r * 2 }], [1, 2]);
    expect(csv).toBe('\uFEFFA,B\r\n1,2\r\n2,4');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(one, [])).toBe('\uFEFFValue');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(written('a,b')).toBe('"a,b"');
    expect(written('say "hi"')).toBe('"say ""hi"""');
    expect(written('two\nlines')).toBe('"two\nlines"');
    expect(written('Zoë – 東京')).toBe('Zoë – 東京');
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+44 20 7946 0000', `"'+44 20 7946 0000"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=cmd', `"'\t=cmd"`],
    ['\r=cmd', `"'\r=cmd"`],
    ['=HYPERLINK("http://x")\nsecond line', `"'=HYPERLINK(""http://x"")\nsecond line"`],
  ])('neutralises a cell starting %j', (value, expected) => {
    expect(written(value)).toBe(expected);
  });

  it('leaves text that only contains those characters alone', () => {
    expect(written('a=b')).toBe('a=b');
    expect(written('user@contoso.example')).toBe('user@contoso.example');
  });

  it('neutralises headers too', () => {
    expect(toCsv([{ header: '=evil', value: () => 1 }], [])).toBe(`\uFEFF"'=evil"`);
  });

  it('writes numbers as numbers (a negative count stays a number) and drops NaN', () => {
    const cols: CsvColumn<number>[] = [{ header: 'N', value: (n) => n }];
    expect(toCsv(cols, [-5, Number.NaN, 0])).toBe('\uFEFFN\r\n-5\r\n\r\n0');
  });

  it('writes null and undefined as empty cells', () => {
    const cols: CsvColumn<null>[] = [{ header: 'A', value: () => null }, { header: 'B', value: () => undefined }];
    expect(toCsv(cols, [null])).toBe('\uFEFFA,B\r\n,');
  });

  it('reads back as the same table (after removing the neutralising quote)', () => {
    const values = ['plain', 'a,b', '=x', 'multi\r\nline', ''];
    const csv = toCsv(one, values).slice(CSV_BOM.length);
    const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' }).data.map((r) => r[0]);
    expect(parsed).toEqual(['Value', 'plain', 'a,b', "'=x", 'multi\r\nline', '']);
  });
});

describe('deviceStateColumns', () => {
  it('labels the eSIM chip "UICC ID", never "ICCID"', () => {
    const headers = deviceStateColumns().map((c) => c.header);
    expect(headers).toContain('UICC ID');
    expect(headers.join('|')).not.toMatch(/\bICCID\b/i);
  });

  it('has no activation-code or matching-id field, even when a row carries one', () => {
    const headers = deviceStateColumns().map((c) => c.header).join('|');
    expect(headers).not.toMatch(/activation|matching|sm-?dp|iccid/i);
    const smuggled = {
      ...device(),
      matchingIdentifier: 'SECRET-MATCHING-ID',
      activationCodes: [{ integratedCircuitCardIdentifier: '8944500000000000001', matchingIdentifier: 'SECRET-2', smdpPlusServerAddress: 'smdp.secret.example' }],
    };
    const csv = toCsv(deviceStateColumns(), [smuggled]);
    expect(csv).not.toMatch(/SECRET|8944500000000000001|smdp\.secret/);
  });

  it('writes a device state row, dates in UTC for Excel', () => {
    const csv = toCsv(deviceStateColumns(), [device({ state: 'failed', stateDetails: 'NotEnoughSpace' })]);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFDevice name,User,UICC ID,Status,Details,Given a code (UTC),Last changed (UTC),Last check-in (UTC)',
      'LAPTOP-01,adele@contoso.example,89049032000001000000123456789012,failed,NotEnoughSpace,2026-11-02 08:15:00,2026-11-03 09:00:00,',
    ]);
  });

  it('uses the wording it is given for the state and details, for every state', () => {
    const cols = deviceStateColumns({ stateLabel: (s) => `label:${s}`, details: (r) => `why:${r.id}` });
    const rows = DEVICE_STATES.map((state, i) => device({ id: `d${i}`, state }));
    const lines = toCsv(cols, rows).split('\r\n').slice(1);
    expect(lines).toHaveLength(DEVICE_STATES.length);
    DEVICE_STATES.forEach((s, i) => expect(lines[i]).toContain(`,label:${s},why:d${i},`));
  });

  it('neutralises a device name that looks like a formula', () => {
    expect(toCsv(deviceStateColumns(), [device({ deviceName: '=cmd|"/c calc"!A1' })])).toContain(`"'=cmd|""/c calc""!A1"`);
  });
});

describe('excelUtc', () => {
  it('formats valid instants in UTC and blanks the rest', () => {
    expect(excelUtc('2026-03-29T01:30:00+02:00')).toBe('2026-03-28 23:30:00');
    expect(excelUtc(null)).toBe('');
    expect(excelUtc('nope')).toBe('');
  });
});

describe('csvFileName', () => {
  it('names the file by subject and UTC day', () => {
    expect(csvFileName('Failed devices', Date.UTC(2026, 11, 6, 23, 59))).toBe('esim-failed-devices-2026-12-06.csv');
    expect(csvFileName('***', 0)).toBe('esim-export-1970-01-01.csv');
  });
});
