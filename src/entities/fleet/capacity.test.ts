import { describe, expect, it } from 'vitest';
import { DEVICE_STATES } from '../../graph/types.ts';
import { DEFAULT_LOW_THRESHOLD, computeCapacity, countStates, isLow, normaliseThreshold } from './capacity.ts';

describe('computeCapacity', () => {
  it('a pool with no devices has every code left', () => {
    const cap = computeCapacity({ activationCodeCount: 1000 }, {});
    expect(cap).toMatchObject({ total: 1000, givenOut: 0, spent: 0, pending: 0, remaining: 1000, overdrawn: false, overdrawnBy: 0, ratio: 1, low: false });
    expect(cap.method).toBe("Remaining = 1,000 codes − 0 devices given a code (device states). Graph doesn't say which codes were used.");
  });

  it('counts every state as given out, notEvaluated as pending and the rest as spent', () => {
    const counts = Object.fromEntries(DEVICE_STATES.map((s, i) => [s, i + 1]));
    // notEvaluated = 1, the other seven states 2..8 → 35 spent
    const cap = computeCapacity({ activationCodeCount: 100 }, counts);
    expect(cap).toMatchObject({ pending: 1, spent: 35, givenOut: 36, remaining: 64, ratio: 0.64 });
  });

  it.each(DEVICE_STATES.filter((s) => s !== 'notEvaluated'))('a %s device has spent its code', (state) => {
    expect(computeCapacity({ activationCodeCount: 5 }, { [state]: 1 })).toMatchObject({ spent: 1, pending: 0, remaining: 4 });
  });

  it('says how many given-out codes are not used yet', () => {
    const cap = computeCapacity({ activationCodeCount: 1000 }, { installed: 600, notEvaluated: 40 });
    expect(cap.method).toBe(
      "Remaining = 1,000 codes − 640 devices given a code (device states, 40 not used yet). Graph doesn't say which codes were used.",
    );
  });

  it('flags more devices than codes as overdrawn and never shows a negative remainder', () => {
    const cap = computeCapacity({ activationCodeCount: 10 }, { installed: 12, failed: 1 });
    expect(cap).toMatchObject({ givenOut: 13, remaining: 0, overdrawn: true, overdrawnBy: 3, ratio: 0, low: true });
    expect(cap.method).toContain('Remaining = 0: 10 codes but 13 devices given a code (device states), 3 more than the pool holds.');
  });

  it('a pool exactly used up is at 0 and low, not overdrawn', () => {
    const cap = computeCapacity({ activationCodeCount: 50 }, { installed: 50 });
    expect(cap).toMatchObject({ remaining: 0, overdrawn: false, low: true, ratio: 0 });
  });

  it('a pool with no codes is low and has ratio 0', () => {
    expect(computeCapacity({ activationCodeCount: 0 }, {})).toMatchObject({ total: 0, remaining: 0, ratio: 0, low: true, overdrawn: false });
  });

  it('ignores counts that are negative, fractional or not numbers', () => {
    const cap = computeCapacity({ activationCodeCount: Number.NaN }, { installed: -4, failed: 2.7, error: Number.POSITIVE_INFINITY });
    expect(cap).toMatchObject({ total: 0, spent: 2, givenOut: 2, remaining: 0, overdrawnBy: 2 });
  });

  it('adds the replace assumption only for a pool made by a replace', () => {
    expect(computeCapacity({ activationCodeCount: 10 }, {}).method).not.toContain('replace');
    expect(computeCapacity({ activationCodeCount: 10 }, {}, { fromReplace: true }).method).toMatch(
      /made by a replace, so the figure assumes the new set held only unused codes\.$/,
    );
  });

  it('uses the threshold it is given', () => {
    expect(computeCapacity({ activationCodeCount: 1000 }, { installed: 700 }).low).toBe(false);
    expect(computeCapacity({ activationCodeCount: 1000 }, { installed: 700 }, { threshold: { percent: 40, minCodes: 0 } }).low).toBe(true);
  });
});

describe('isLow', () => {
  it('defaults to under 10 % or under 20 codes', () => {
    expect(DEFAULT_LOW_THRESHOLD).toEqual({ percent: 10, minCodes: 20 });
  });

  it.each([
    // [remaining, total, low]
    [20, 1000, true], // 2 %: under 10 %
    [100, 1000, false], // exactly 10 %
    [99, 1000, true], // just under 10 %
    [20, 100, false], // exactly 20 codes and 20 %
    [19, 100, true], // under 20 codes
    [20, 20, false], // all left, exactly 20 codes
    [19, 19, true], // a small pool is always low
    [0, 1000, true],
  ])('%i of %i left → low %s', (remaining, total, low) => {
    expect(isLow({ remaining, total })).toBe(low);
  });

  it('is always low at 0 left, even with a zero threshold', () => {
    expect(isLow({ remaining: 0, total: 10 }, { percent: 0, minCodes: 0 })).toBe(true);
    expect(isLow({ remaining: 1, total: 10 }, { percent: 0, minCodes: 0 })).toBe(false);
  });

  it('compares percentages without float error (7 of 70 is exactly 10 %)', () => {
    expect(isLow({ remaining: 7, total: 70 }, { percent: 10, minCodes: 0 })).toBe(false);
    expect(isLow({ remaining: 29, total: 100 }, { percent: 29, minCodes: 0 })).toBe(false);
  });
});

describe('normaliseThreshold', () => {
  it('clamps and falls back to the defaults', () => {
    expect(normaliseThreshold(null)).toEqual(DEFAULT_LOW_THRESHOLD);
    expect(normaliseThreshold({ percent: 150, minCodes: -3 })).toEqual({ percent: 100, minCodes: 0 });
    expect(normaliseThreshold({ percent: Number.NaN, minCodes: 12.9 })).toEqual({ percent: 10, minCodes: 12 });
  });
});

describe('countStates', () => {
  it('tallies every known state and ignores unknown ones', () => {
    const counts = countStates([{ state: 'installed' }, { state: 'installed' }, { state: 'notEvaluated' }, { state: 'someFutureState' }]);
    expect(counts).toEqual({ notEvaluated: 1, failed: 0, installing: 0, installed: 2, deleting: 0, error: 0, deleted: 0, removedByUser: 0 });
  });
});
