import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accountRecord } from './account-storage.ts';
import { lowThresholdRecord } from './low-threshold-setting.ts';
import { recordReplacedPool, replacedPoolOf, REPLACED_POOLS_KEPT } from './replaced-pools.ts';

beforeEach(() => window.localStorage.clear());

describe('per-account records', () => {
  it('keeps one value per account, under a key ending with the account id', () => {
    const rec = accountRecord<number>('test', (raw) => (typeof raw === 'number' ? raw : 0));
    rec.write('alice', 5);
    expect(rec.read('alice')).toBe(5);
    expect(rec.read('bob')).toBe(0);
    expect(window.localStorage.getItem('esim-console.test:alice')).toBe('5');
  });

  it('reads broken or unavailable storage as the default, and tells subscribers about writes', () => {
    window.localStorage.setItem('esim-console.test:alice', '{not json');
    const rec = accountRecord<number>('test', (raw) => (typeof raw === 'number' ? raw : 0));
    expect(rec.read('alice')).toBe(0);
    const throwing = accountRecord<number>('test', (raw) => (typeof raw === 'number' ? raw : 0), () => {
      throw new Error('denied');
    });
    const onChange = vi.fn();
    const off = throwing.subscribe(onChange);
    expect(() => throwing.write('alice', 3)).not.toThrow();
    expect(onChange).toHaveBeenCalledTimes(1);
    off();
  });
});

describe('low threshold setting', () => {
  it('defaults to under 10 % or under 20 codes, and keeps a stored value made usable', () => {
    expect(lowThresholdRecord.read('a')).toEqual({ percent: 10, minCodes: 20 });
    window.localStorage.setItem('esim-console.low-threshold.v1:a', JSON.stringify({ percent: 250, minCodes: 5.7 }));
    expect(lowThresholdRecord.read('a')).toEqual({ percent: 100, minCodes: 5 });
  });
});

describe('pools made by a replace', () => {
  it('remembers the replaced pool per account and keeps only the newest entries', () => {
    recordReplacedPool('a', 'new-1', { replacedPoolId: 'old-1', replacedPoolName: 'Carrier', at: '2026-12-01T00:00:00Z' });
    expect(replacedPoolOf('a', 'new-1')).toMatchObject({ replacedPoolId: 'old-1' });
    expect(replacedPoolOf('b', 'new-1')).toBeUndefined();
    for (let i = 0; i < REPLACED_POOLS_KEPT; i++) recordReplacedPool('a', `p${i}`, { replacedPoolId: 'x', at: `2027-01-01T00:00:${String(i % 60).padStart(2, '0')}Z` });
    expect(replacedPoolOf('a', 'new-1')).toBeUndefined();
  });
});
