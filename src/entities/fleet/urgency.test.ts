import { describe, expect, it } from 'vitest';
import { byUrgency, capacityLevel, compareUrgency, failedCount, urgencyReasons, type PoolUrgencyInput } from './urgency.ts';

const pool = (id: string, p: Partial<Omit<PoolUrgencyInput, 'capacity'>> & { capacity?: Partial<PoolUrgencyInput['capacity']> } = {}): PoolUrgencyInput => ({
  id,
  displayName: p.displayName ?? `Pool ${id}`,
  failedDevices: p.failedDevices ?? 0,
  capacity: { remaining: 500, ratio: 0.5, low: false, overdrawn: false, overdrawnBy: 0, ...p.capacity },
  shortfall: p.shortfall ?? null,
});
const ids = (pools: PoolUrgencyInput[]) => byUrgency(pools).map((p) => p.id);

describe('byUrgency', () => {
  it('puts failures before capacity and capacity before shortfall', () => {
    const fine = pool('fine');
    const short = pool('short', { shortfall: { shortfall: 300, summary: 'About 300 devices may get no profile' } });
    const low = pool('low', { capacity: { remaining: 5, ratio: 0.005, low: true } });
    const failing = pool('failing', { failedDevices: 1 });
    expect(ids([fine, short, low, failing])).toEqual(['failing', 'low', 'short', 'fine']);
  });

  it('orders more failures first', () => {
    expect(ids([pool('a', { failedDevices: 2 }), pool('b', { failedDevices: 9 })])).toEqual(['b', 'a']);
  });

  it('orders overdrawn, then empty, then low, then fine', () => {
    const overdrawn = pool('overdrawn', { capacity: { remaining: 0, ratio: 0, low: true, overdrawn: true, overdrawnBy: 4 } });
    const empty = pool('empty', { capacity: { remaining: 0, ratio: 0, low: true } });
    const low = pool('low', { capacity: { remaining: 10, ratio: 0.01, low: true } });
    const fine = pool('fine', { capacity: { remaining: 10, ratio: 0.01, low: false } });
    expect(ids([fine, low, empty, overdrawn])).toEqual(['overdrawn', 'empty', 'low', 'fine']);
  });

  it('orders a larger shortfall first and treats an unknown one as none', () => {
    const big = pool('big', { shortfall: { shortfall: 50, summary: '' } });
    const small = pool('small', { shortfall: { shortfall: 5, summary: '' } });
    const unknown = pool('unknown', { shortfall: { shortfall: null, summary: '' } });
    expect(ids([unknown, small, big])).toEqual(['big', 'small', 'unknown']);
  });

  it('then less left first, then name (case- and number-aware), then id', () => {
    expect(ids([pool('a', { capacity: { ratio: 0.9 } }), pool('b', { capacity: { ratio: 0.2 } })])).toEqual(['b', 'a']);
    expect(ids([pool('1', { displayName: 'pool 10' }), pool('2', { displayName: 'Pool 9' }), pool('3', { displayName: 'alpha' })])).toEqual(['3', '2', '1']);
    expect(ids([pool('y', { displayName: 'Same' }), pool('x', { displayName: 'same' })])).toEqual(['x', 'y']);
  });

  it('returns a copy and gives the same order whatever the input order', () => {
    const input = [pool('c'), pool('a', { failedDevices: 1 }), pool('b', { capacity: { low: true, remaining: 3 } })];
    const before = input.map((p) => p.id);
    expect(ids(input)).toEqual(['a', 'b', 'c']);
    expect(ids([...input].reverse())).toEqual(['a', 'b', 'c']);
    expect(input.map((p) => p.id)).toEqual(before);
  });

  it('a pool compared with itself is equal', () => {
    const p = pool('p');
    expect(compareUrgency(p, p)).toBe(0);
  });

  it('handles no pools', () => {
    expect(byUrgency([])).toEqual([]);
  });
});

describe('capacityLevel', () => {
  it('reads the capacity flags', () => {
    expect(capacityLevel({ remaining: 0, ratio: 0, low: true, overdrawn: true, overdrawnBy: 1 })).toBe('overdrawn');
    expect(capacityLevel({ remaining: 0, ratio: 0, low: true, overdrawn: false, overdrawnBy: 0 })).toBe('empty');
    expect(capacityLevel({ remaining: 1, ratio: 0.1, low: true, overdrawn: false, overdrawnBy: 0 })).toBe('low');
    expect(capacityLevel({ remaining: 1, ratio: 1, low: false, overdrawn: false, overdrawnBy: 0 })).toBe('ok');
  });
});

describe('failedCount', () => {
  it('counts failed and error states only', () => {
    expect(failedCount({ failed: 2, error: 3, installed: 10, removedByUser: 1 })).toBe(5);
    expect(failedCount({})).toBe(0);
  });
});

describe('urgencyReasons', () => {
  it('lists every reason in order, in plain words', () => {
    const p = pool('p', {
      failedDevices: 3,
      capacity: { remaining: 0, ratio: 0, low: true, overdrawn: true, overdrawnBy: 40 },
      shortfall: { shortfall: 320, summary: 'About 320 devices may get no profile' },
    });
    expect(urgencyReasons(p)).toEqual(['3 devices failed to get a profile', 'More devices than codes (40 devices over)', 'About 320 devices may get no profile']);
  });

  it('says low and empty differently', () => {
    expect(urgencyReasons(pool('l', { capacity: { remaining: 1, low: true } }))).toEqual(['Low on codes (1 code left)']);
    expect(urgencyReasons(pool('e', { capacity: { remaining: 0, low: true } }))).toEqual(['No codes left']);
  });

  it('is empty for a healthy pool', () => {
    expect(urgencyReasons(pool('ok', { shortfall: { shortfall: 0, summary: 'No targeted device is waiting for a code' } }))).toEqual([]);
  });
});
