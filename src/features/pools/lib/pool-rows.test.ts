import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { countStates } from '../../../entities/fleet/capacity.ts';
import type { FleetUsageEntry } from '../../../entities/fleet/fleet-usage-snapshot.ts';
import { compareCapacity, toPoolRows } from './pool-rows.ts';
import { poolsCsv } from './pools-export.ts';

const pool = (id: string, codes: number, name = id) => ({ id, displayName: name, activationCodeCount: codes, createdDateTime: '2025-01-01T00:00:00Z', modifiedDateTime: '2025-01-01T00:00:00Z' });
const usage = (states: string[]): FleetUsageEntry => ({
  status: 'success',
  isFetching: false,
  usage: { counts: countStates(states.map((state) => ({ state }))), deviceStates: states.length, createdDateTimes: [], asOf: Date.parse('2026-12-01T00:00:00Z') },
});
const threshold = { percent: 10, minCodes: 20 };

describe('pools list rows', () => {
  it('counting, failed and counted pools; low by the account’s threshold; replaced pools flagged', () => {
    const byPool = new Map<string, FleetUsageEntry>([
      ['a', usage(['installed', 'failed', 'notEvaluated'])],
      ['b', { status: 'error', isFetching: false, error: new Error('boom') }],
    ]);
    const rows = toPoolRows([pool('a', 100), pool('b', 100), pool('c', 100)], { byPool }, threshold, { a: {} });
    expect(rows[0]?.capacity).toMatchObject({ remaining: 97, givenOut: 3, pending: 1, low: false });
    expect(rows[0]?.failedDevices).toBe(1);
    expect(rows[0]?.fromReplace).toBe(true);
    expect(rows[0]?.capacity?.method).toContain('made by a replace');
    expect(rows[1]?.capacity).toBeNull();
    expect(rows[2]?.capacity).toBeUndefined();
    const strict = toPoolRows([pool('a', 100)], { byPool }, { percent: 98, minCodes: 0 }, {});
    expect(strict[0]?.capacity?.low).toBe(true);
  });

  it('sorts by share left, then codes left, with uncounted pools after counted ones', () => {
    const byPool = new Map<string, FleetUsageEntry>([
      ['half', usage(Array(50).fill('installed'))],
      ['empty', usage(Array(10).fill('installed'))],
      ['full', usage([])],
    ]);
    const rows = toPoolRows([pool('full', 10), pool('x', 10), pool('half', 100), pool('empty', 10)], { byPool }, threshold, {});
    expect([...rows].sort(compareCapacity).map((r) => r.id)).toEqual(['empty', 'half', 'full', 'x']);
  });
});

describe('pools list export', () => {
  it('writes the counted pools with their method columns, neutralising formulas, as a BOM + CRLF CSV that parses back', () => {
    const byPool = new Map<string, FleetUsageEntry>([['a', usage(['installed'])]]);
    const rows = toPoolRows([pool('a', 10, '=HYPERLINK("x")'), pool('b', 10)], { byPool }, threshold, {});
    const file = poolsCsv(rows, Date.parse('2026-12-06T10:00:00Z'));
    expect(file.name).toBe('esim-pools-2026-12-06.csv');
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    expect(file.text).toContain('\r\n');
    const parsed = Papa.parse<string[]>(file.text.slice(1), { newline: '\r\n' }).data;
    expect(parsed[0]).toContain('Remaining: how computed');
    expect(parsed[0]).not.toContain('Devices that may get no profile');
    expect(parsed).toHaveLength(2);
    const header = parsed[0] ?? [];
    const line = parsed[1] ?? [];
    expect(line[header.indexOf('Pool')]).toBe('\'=HYPERLINK("x")');
    expect(line[header.indexOf('Remaining')]).toBe('9');
  });
});
