import { afterEach, describe, expect, it } from 'vitest';
import { computeBurnRate } from './burn-rate.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0); // 6 Dec 2026 12:00 UTC
const iso = (ms: number) => new Date(ms).toISOString();
/** `n` device states created `daysAgo` days before NOW. */
const states = (n: number, daysAgo: number) => Array.from({ length: n }, () => iso(NOW - daysAgo * DAY));

describe('computeBurnRate', () => {
  it('counts codes per week over the last 30 days and forecasts the run-out day', () => {
    // 60 in 30 days = 14 per week; 140 left = 10 weeks = 70 days → 14 Feb 2027
    const r = computeBurnRate([...states(60, 3), ...states(25, 45)], { remaining: 140, now: NOW });
    expect(r).toMatchObject({ windowDays: 30, givenInWindow: 60, perWeek: 14, runOutAt: NOW + 70 * DAY });
    expect(r.method).toBe('60 devices given a code in the last 30 days = 14 per week; at that rate the 140 remaining codes last until 14 Feb 2027.');
  });

  it('has no forecast when no device was given a code in the window', () => {
    const r = computeBurnRate(states(5, 31), { remaining: 100, now: NOW });
    expect(r).toEqual({ windowDays: 30, givenInWindow: 0, perWeek: 0, runOutAt: null, method: 'No codes given out in the last 30 days, so there is no run-out date.' });
  });

  it('has no forecast for a pool without device states', () => {
    expect(computeBurnRate([], { remaining: 0, now: NOW }).runOutAt).toBeNull();
  });

  it('includes both window edges and nothing outside them', () => {
    const r = computeBurnRate(
      [iso(NOW - 30 * DAY), iso(NOW), iso(NOW - 30 * DAY - 1), iso(NOW + 1)],
      { remaining: 10, now: NOW },
    );
    expect(r.givenInWindow).toBe(2);
  });

  it('skips missing and unparsable dates', () => {
    expect(computeBurnRate([null, undefined, '', 'not a date', iso(NOW - DAY)], { remaining: 1, now: NOW }).givenInWindow).toBe(1);
  });

  it('says when the pool is already out of codes', () => {
    const r = computeBurnRate(states(7, 1), { remaining: 0, now: NOW });
    expect(r.runOutAt).toBe(NOW);
    expect(r.method).toBe('7 devices given a code in the last 30 days = 1.6 per week; no codes remain.');
  });

  it('measures a pool younger than 30 days over its age', () => {
    // 20 codes in 5 days = 28 per week; 56 left = 2 weeks
    const r = computeBurnRate(states(20, 1), { remaining: 56, now: NOW, poolCreatedAt: NOW - 5 * DAY });
    expect(r).toMatchObject({ windowDays: 5, perWeek: 28, runOutAt: NOW + 14 * DAY });
    expect(r.method).toMatch(/^20 devices given a code in the 5 days since the pool was created = 28 per week;/);
  });

  it('measures a pool created minutes ago over at least one day', () => {
    const r = computeBurnRate(states(2, 0), { remaining: 1, now: NOW, poolCreatedAt: NOW - 60_000 });
    expect(r).toMatchObject({ windowDays: 1, perWeek: 14 });
    expect(r.method).toContain('in the 1 day since the pool was created');
    expect(r.method).toContain('the 1 remaining code lasts until');
  });

  it('ignores a pool creation date older than the window', () => {
    expect(computeBurnRate(states(3, 2), { remaining: 1, now: NOW, poolCreatedAt: NOW - 400 * DAY }).windowDays).toBe(30);
  });

  it('accepts another window length and a day formatter', () => {
    const r = computeBurnRate(states(7, 1), { remaining: 7, now: NOW, windowDays: 7, formatDay: (ms) => `<${iso(ms)}>` });
    expect(r.method).toBe(`7 devices given a code in the last 7 days = 7 per week; at that rate the 7 remaining codes last until <${iso(NOW + 7 * DAY)}>.`);
  });

  describe('time zones', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      process.env.TZ = saved;
    });

    it.each(['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati'])('gives the same figures in %s, across a DST change', (tz) => {
      process.env.TZ = tz;
      // Europe and the US change clocks in March; 30 days back from 10 Apr crosses both.
      const now = Date.UTC(2027, 3, 10, 0, 30);
      const created = [iso(now - 30 * DAY), iso(now - 30 * DAY - 1), '2027-03-28T01:30:00+01:00', '2027-03-14T02:30:00-07:00'];
      const r = computeBurnRate(created, { remaining: 3, now });
      expect(r.givenInWindow).toBe(3);
      expect(r.runOutAt).toBe(now + 30 * DAY); // 3 in 30 days, 3 left
      expect(r.method).toContain('last until 10 May 2027.'); // the UTC day, even where it is still 9 May
    });
  });
});
