import { describe, expect, it } from 'vitest';
import { defaultPoolName, uniquePoolName } from './pool-name.ts';

describe('defaultPoolName', () => {
  it.each([
    ['smdp.contoso-mobile.example.com', 'contoso-mobile'],
    ['rsp.fabrikam-telecom.example.net', 'fabrikam-telecom'],
    ['carrier.example.com', 'carrier'],
    ['prod.smdp.tailspin.example', 'tailspin'],
    ['SM-DP-PLUS.Northwind.example.com', 'Northwind'],
    ['esim01.wingtip.example.com', 'wingtip'],
    ['smdp.com', 'smdp'],
    ['rsp.esim.com', 'rsp'],
    ['localhost', 'localhost'],
    ['', ''],
  ])('%s → %s', (host, name) => {
    expect(defaultPoolName(host)).toBe(name);
  });
});

describe('uniquePoolName', () => {
  it('keeps a free name and numbers taken ones, case-insensitively', () => {
    expect(uniquePoolName('contoso', [])).toBe('contoso');
    expect(uniquePoolName('contoso', ['Contoso'])).toBe('contoso (2)');
    expect(uniquePoolName('contoso', new Set(['contoso', 'CONTOSO (2)', 'other']))).toBe('contoso (3)');
    expect(uniquePoolName(' contoso ', ['contoso (2)'])).toBe('contoso');
  });
});
