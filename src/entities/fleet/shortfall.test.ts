import { describe, expect, it } from 'vitest';
import { computeShortfall, type TargetsSummary } from './shortfall.ts';

const targets = (t: Partial<TargetsSummary>): TargetsSummary => ({
  includedGroupDeviceCounts: [],
  allDevices: false,
  excludedGroupDeviceCounts: [],
  ...t,
});

describe('computeShortfall', () => {
  it('one included group and no exclusions is exact', () => {
    const r = computeShortfall(targets({ includedGroupDeviceCounts: [1000] }), 200, 480);
    expect(r).toMatchObject({ targeted: { value: 1000, kind: 'exact' }, withoutState: 800, shortfall: 320 });
    expect(r.summary).toBe('320 devices may get no profile');
    expect(r.method).toBe(
      "Targeted = the included group's 1,000 device members; 200 devices already given a code, so 800 without one, against 480 remaining codes.",
    );
  });

  it('a sum of several included groups is an upper bound, and says so', () => {
    const r = computeShortfall(targets({ includedGroupDeviceCounts: [600, 700] }), 300, 680);
    expect(r).toMatchObject({ targeted: { value: 1300, kind: 'upperBound' }, withoutState: 1000, shortfall: 320 });
    expect(r.summary).toBe('Up to 320 devices may get no profile');
    expect(r.method).toContain("the sum of 2 included groups' device members, 1,300 (a device in two groups counts twice, so this is an upper bound)");
  });

  it('subtracting excluded groups makes an estimate, and says so', () => {
    const r = computeShortfall(targets({ includedGroupDeviceCounts: [1000], excludedGroupDeviceCounts: [30, 50] }), 100, 500);
    expect(r).toMatchObject({ targeted: { value: 920, kind: 'estimate' }, withoutState: 820, shortfall: 320 });
    expect(r.summary).toBe('About 320 devices may get no profile');
    expect(r.method).toContain(" minus 2 excluded groups' 80 device members (they need not all be targeted otherwise, so this is an estimate) = 920;");
  });

  it('an excluded group with no device members changes nothing', () => {
    const r = computeShortfall(targets({ includedGroupDeviceCounts: [10], excludedGroupDeviceCounts: [0] }), 0, 5);
    expect(r.targeted).toEqual({ value: 10, kind: 'exact' });
    expect(r.method).not.toContain('excluded');
  });

  it('never goes negative when exclusions outnumber inclusions', () => {
    const r = computeShortfall(targets({ includedGroupDeviceCounts: [10], excludedGroupDeviceCounts: [50] }), 0, 0);
    expect(r).toMatchObject({ targeted: { value: 0, kind: 'estimate' }, withoutState: 0, shortfall: 0 });
    expect(r.summary).toBe('No targeted device is waiting for a code');
  });

  it('never goes negative when more devices have a state than are targeted', () => {
    const r = computeShortfall(targets({ includedGroupDeviceCounts: [10] }), 40, 0);
    expect(r).toMatchObject({ withoutState: 0, shortfall: 0 });
  });

  it('uses the Windows device count for the all-devices target', () => {
    const r = computeShortfall(targets({ allDevices: true, windowsDeviceCount: 1500, includedGroupDeviceCounts: [99999] }), 500, 1000);
    expect(r).toMatchObject({ targeted: { value: 1500, kind: 'exact' }, withoutState: 1000, shortfall: 0 });
    expect(r.summary).toBe('Enough codes left for the targeted devices without one (1,000)');
    expect(r.method).toMatch(/^Targeted = all 1,500 Windows devices \(all-devices target\);/);
  });

  it('all devices minus an excluded group is an estimate', () => {
    const r = computeShortfall(targets({ allDevices: true, windowsDeviceCount: 1500, excludedGroupDeviceCounts: [100] }), 0, 1000);
    expect(r).toMatchObject({ targeted: { value: 1400, kind: 'estimate' }, shortfall: 400 });
    expect(r.method).toContain("minus the excluded group's 100 device members");
  });

  it('gives no figure for all devices when the Windows device count is unknown', () => {
    const r = computeShortfall(targets({ allDevices: true }), 10, 10);
    expect(r).toEqual({
      targeted: { value: null, kind: 'unknown' },
      withoutState: null,
      shortfall: null,
      summary: "Can't tell whether codes will run short",
      method: "The pool targets all devices, and the number of Windows devices isn't known.",
    });
  });

  it('an unassigned pool targets no device', () => {
    const r = computeShortfall(targets({}), 5, 0);
    expect(r).toMatchObject({ targeted: { value: 0, kind: 'exact' }, withoutState: 0, shortfall: 0 });
    expect(r.method).toContain("Targeted = 0 (the pool isn't assigned to a device group)");
  });

  it('a pool at 0 remaining is short by every device without a state', () => {
    const r = computeShortfall(targets({ includedGroupDeviceCounts: [1] }), 0, 0);
    expect(r).toMatchObject({ withoutState: 1, shortfall: 1 });
    expect(r.summary).toBe('1 device may get no profile');
  });

  it('qualifies the no-shortfall wording too', () => {
    expect(computeShortfall(targets({ includedGroupDeviceCounts: [5, 5] }), 0, 100).summary).toBe(
      'Enough codes left for the targeted devices without one (up to 10)',
    );
  });

  it('treats bad counts as 0', () => {
    const r = computeShortfall(targets({ includedGroupDeviceCounts: [Number.NaN, -5, 7] }), Number.NaN, -1);
    expect(r).toMatchObject({ targeted: { value: 7, kind: 'upperBound' }, withoutState: 7, shortfall: 7 });
  });
});

describe('computeShortfall with targets it could not count', () => {
  it('turns a count into an estimate and names what was left out', () => {
    const r = computeShortfall(targets({ includedGroupDeviceCounts: [500], notCounted: ['assignment filters', '1 group Graph gave no count for'] }), 100, 0);
    expect(r).toMatchObject({ targeted: { value: 500, kind: 'estimate' }, shortfall: 400 });
    expect(r.summary).toBe('About 400 devices may get no profile');
    expect(r.method).toMatch(/ Not counted, so this is an estimate: assignment filters, 1 group Graph gave no count for\.$/);
  });

  it('is unknown when nothing could be counted', () => {
    const r = computeShortfall(targets({ notCounted: ['the all-licensed-users target'] }), 3, 3);
    expect(r).toMatchObject({ targeted: { value: null, kind: 'unknown' }, withoutState: null, shortfall: null });
    expect(r.method).toBe("The pool's targets can't be counted: the all-licensed-users target.");
  });
});
