import { describe, expect, it } from 'vitest';
import { GraphError } from './errors.ts';
import { compileFilter, parseFilter } from './filter.ts';
import { DEVICE_STATE_SPEC, GROUP_SPEC, POOL_SPEC } from './schema.ts';

const pools = [
  { id: 'a', displayName: "O'Brien Mobile", activationCodeCount: 10, createdDateTime: '2026-01-01T00:00:00.0000000Z' },
  { id: 'b', displayName: 'Alpine', activationCodeCount: 500, createdDateTime: '2026-06-01T12:00:00.0000000Z' },
  { id: 'c', displayName: 'alpine two', activationCodeCount: 1000, createdDateTime: '2026-09-30T23:59:59.0000000Z' },
];

function ids(filter: string, rows: Record<string, unknown>[] = pools, spec = POOL_SPEC): string[] {
  const { predicate } = compileFilter(filter, spec);
  return rows.filter(predicate).map((r) => String(r['id']));
}

describe('$filter parser and evaluator', () => {
  it('gives and precedence over or, and honours parentheses and not', () => {
    expect(ids("displayName eq 'alpine' or activationCodeCount eq 10 and activationCodeCount gt 100")).toEqual(['b']);
    expect(ids("(displayName eq 'alpine' or activationCodeCount eq 10) and activationCodeCount gt 100")).toEqual(['b']);
    expect(ids("not (displayName eq 'alpine') and not startswith(displayName,'o')")).toEqual(['c']);
  });

  it("unescapes '' in string literals", () => {
    expect(ids("displayName eq 'O''Brien Mobile'")).toEqual(['a']);
    expect(parseFilter("displayName eq 'it''s'")).toEqual({ k: 'cmp', op: 'eq', left: { k: 'prop', name: 'displayName' }, right: { k: 'lit', lit: { kind: 'string', value: "it's" } } });
  });

  it('compares datetimes and date literals', () => {
    expect(ids('createdDateTime ge 2026-06-01T12:00:00Z')).toEqual(['b', 'c']);
    expect(ids('createdDateTime lt 2026-06-01')).toEqual(['a']);
    expect(ids('createdDateTime gt 2026-06-01T13:00:00+02:00')).toEqual(['b', 'c']);
  });

  it('supports in, endswith, contains, tolower, length', () => {
    expect(ids("id in ('a','c')")).toEqual(['a', 'c']);
    expect(ids("endswith(displayName,'TWO')")).toEqual(['c']);
    expect(ids("contains(tolower(displayName),'brien')")).toEqual(['a']);
    expect(ids('length(displayName) gt 6')).toEqual(['a', 'c']);
  });

  it('handles nulls and enums on device states', () => {
    const rows = [
      { id: '1', state: 'failed', lastSyncDateTime: null },
      { id: '2', state: 'installed', lastSyncDateTime: '2026-01-01T00:00:00Z' },
      { id: '3', state: 'removedByUser', lastSyncDateTime: null },
    ];
    expect(ids('lastSyncDateTime eq null', rows, DEVICE_STATE_SPEC)).toEqual(['1', '3']);
    expect(ids('lastSyncDateTime ne null', rows, DEVICE_STATE_SPEC)).toEqual(['2']);
    expect(ids("state gt 'installing'", rows, DEVICE_STATE_SPEC)).toEqual(['2', '3']);
    expect(ids("state eq microsoft.graph.embeddedSIMDeviceStateValue'failed'", rows, DEVICE_STATE_SPEC)).toEqual(['1']);
    expect(() => ids("state eq microsoft.graph.other'failed'", rows, DEVICE_STATE_SPEC)).toThrow(GraphError);
  });

  it('supports any/all lambdas over string collections', () => {
    const rows = [
      { id: 'x', groupTypes: ['Unified'] },
      { id: 'y', groupTypes: [] },
      { id: 'z', groupTypes: ['DynamicMembership', 'Unified'] },
    ];
    expect(ids("groupTypes/any(t:t eq 'unified')", rows, GROUP_SPEC)).toEqual(['x', 'z']);
    expect(ids("groupTypes/all(t:t eq 'Unified')", rows, GROUP_SPEC)).toEqual(['x', 'y']);
    expect(() => ids("groupTypes/any(t:u eq 'x')", rows, GROUP_SPEC)).toThrow(/Could not find a property named 'u'/);
  });

  it.each([
    ["activationCodeCount eq 'ten'"],
    ["displayName gt 5"],
    ['activationCodeCount eq true'],
    ["displayName eq 'x' xor displayName eq 'y'"],
    ["startswith(activationCodeCount,'1')"],
    ["activationCodes eq 'x'"],
    ['displayName eq @x'],
    [''],
  ])('rejects %j with an Invalid filter clause 400', (filter) => {
    try {
      compileFilter(filter, POOL_SPEC);
      expect.unreachable(`filter ${filter} should not compile`);
    } catch (err) {
      expect(err).toBeInstanceOf(GraphError);
      expect((err as GraphError).status).toBe(400);
      expect((err as GraphError).message.startsWith('Invalid filter clause: ')).toBe(true);
    }
  });
});
