import { describe, expect, it } from 'vitest';
import { and, eq, graphPath, ne, odataString, or, searchPhrase, startsWith, toSearchParams } from './odata.ts';

describe('toSearchParams', () => {
  it('keeps $ literal in names and percent-encodes values (space as %20, never +)', () => {
    expect(toSearchParams({ select: ['id', 'displayName'], filter: "displayName eq 'a+b & c'" })).toBe(
      "$select=id%2CdisplayName&$filter=displayName%20eq%20'a%2Bb%20%26%20c'",
    );
  });

  it('writes every option in a fixed order and skips empty ones', () => {
    expect(
      toSearchParams({ count: true, skip: 20, top: 10, expand: ['assignments'], orderby: ['displayName desc', 'id'], search: '"displayName:x"', filter: '', select: [] }),
    ).toBe('$search=%22displayName%3Ax%22&$orderby=displayName%20desc%2Cid&$expand=assignments&$top=10&$skip=20&$count=true');
    expect(toSearchParams({ orderby: 'displayName', expand: 'assignments', count: false })).toBe('$orderby=displayName&$expand=assignments&$count=false');
    expect(toSearchParams({})).toBe('');
    expect(toSearchParams(undefined)).toBe('');
  });

  it('round-trips through URLSearchParams', () => {
    const filter = "startswith(displayName,'50% off # ?&=')";
    expect(new URLSearchParams(toSearchParams({ filter })).get('$filter')).toBe(filter);
  });

  it('refuses a $top or $skip that is not a whole number', () => {
    expect(() => toSearchParams({ top: 1.5 })).toThrow(RangeError);
    expect(() => toSearchParams({ skip: -1 })).toThrow(RangeError);
  });
});

describe('filter builders', () => {
  it('quotes strings and doubles single quotes', () => {
    expect(odataString("O'Brien''s")).toBe("'O''Brien''''s'");
    expect(eq('displayName', "it's")).toBe("displayName eq 'it''s'");
    expect(startsWith('displayName', "a'b")).toBe("startswith(displayName,'a''b')");
  });

  it('writes numbers, booleans and null unquoted', () => {
    expect(eq('activationCodeCount', 3)).toBe('activationCodeCount eq 3');
    expect(ne('securityEnabled', false)).toBe('securityEnabled ne false');
    expect(eq('description', null)).toBe('description eq null');
    expect(() => eq('n', Number.NaN)).toThrow(RangeError);
  });

  it('refuses a property name that could change the expression', () => {
    expect(() => eq("displayName eq 'x' or id", 'y')).toThrow(RangeError);
    expect(eq('target/groupId', 'g')).toBe("target/groupId eq 'g'");
  });

  it('joins clauses with and/or, skipping falsy ones', () => {
    expect(and(eq('a', 1), false, undefined, or(eq('b', 2), eq('c', 3)))).toBe('(a eq 1) and ((b eq 2) or (c eq 3))');
    expect(and(eq('a', 1), null)).toBe('a eq 1');
    expect(or()).toBe('');
  });

  it('escapes a $search phrase', () => {
    expect(searchPhrase('displayName', 'say "hi" \\o/')).toBe('"displayName:say \\"hi\\" \\\\o/"');
  });
});

describe('graphPath', () => {
  it('encodes each interpolated value as one segment', () => {
    expect(graphPath`/deviceManagement/embeddedSIMActivationCodePools/${'a/b?c#d e'}/assign`).toBe(
      '/deviceManagement/embeddedSIMActivationCodePools/a%2Fb%3Fc%23d%20e/assign',
    );
  });

  it('refuses empty and dot segments', () => {
    expect(() => graphPath`/pools/${''}`).toThrow(RangeError);
    expect(() => graphPath`/pools/${'..'}`).toThrow(RangeError);
  });
});
