import { describe, expect, it } from 'vitest';
import { DEVICE_STATES } from '../../../graph/types.ts';
import { GROUP_LABEL, STATE_LABEL, codeName, countByGroup, explainDetails, groupOf, percentages, statesOf } from './device-state-text.ts';

describe('device state groups', () => {
  it('groups states the way an admin reads them', () => {
    expect(statesOf('installed')).toEqual(['installed']);
    expect(statesOf('inProgress')).toEqual(['notEvaluated', 'installing']);
    expect(statesOf('failed')).toEqual(['failed', 'error']);
    expect(statesOf('removed')).toEqual(['deleting', 'deleted', 'removedByUser']);
    expect(GROUP_LABEL).toEqual({ installed: 'Installed', inProgress: 'In progress', failed: 'Failed', removed: 'Removed' });
  });

  it('puts every Graph state in exactly one group and gives it a label that is not the raw enum', () => {
    for (const s of DEVICE_STATES) {
      expect(statesOf(groupOf(s))).toContain(s);
      expect(STATE_LABEL[s]).toMatch(/^[A-Z][a-z -]+$/);
    }
    expect(STATE_LABEL.notEvaluated).toBe('Waiting for check-in');
    expect(STATE_LABEL.removedByUser).toBe('Removed by user');
  });

  it('counts per group and gives whole percentages that add up to 100', () => {
    const rows = (['installed', 'installed', 'installing', 'notEvaluated', 'failed', 'error', 'deleted'] as const).map((state) => ({ state }));
    const counts = countByGroup(rows);
    expect(counts).toEqual({ installed: 2, inProgress: 2, failed: 2, removed: 1, total: 7 });
    const pct = percentages(counts);
    expect(pct.installed + pct.inProgress + pct.failed + pct.removed).toBe(100);
    expect(pct).toEqual({ installed: 29, inProgress: 29, failed: 28, removed: 14 });
    expect(percentages(countByGroup([]))).toEqual({ installed: 0, inProgress: 0, failed: 0, removed: 0 });
  });
});

describe('explainDetails', () => {
  it('explains each documented eUICC failure with what to do', () => {
    const released = explainDetails('failed', 'ProfileNotReleasedByOperator');
    expect(released).toMatchObject({ code: 'ProfileNotReleasedByOperator', title: 'The carrier has not released this profile' });
    expect(released?.action).toMatch(/ask the carrier to release the pool’s profiles/i);
    expect(released?.action).toMatch(/UICC ID/);

    expect(explainDetails('failed', 'InvalidMatchingId')?.title).toBe('The carrier rejected the activation code');
    // Graph never says which code a device got: the advice must not send the admin to a CSV line it cannot know.
    for (const code of ['InvalidMatchingId', 'ProfileNotReleasedByOperator', 'ProfileDownloadFailed', 'Whatever', '']) {
      const e = explainDetails('failed', code);
      expect(`${e?.explanation} ${e?.action}`).not.toMatch(/ICCID/);
    }
    expect(explainDetails('error', 'ConfirmationCodeMissing')?.title).toBe('The profile needs a confirmation code');
    expect(explainDetails('failed', 'RemoteServerUnreachable')?.action).toMatch(/firewall/i);
    expect(explainDetails('failed', 'ProfileDownloadFailed')?.action).toMatch(/next check-in/);
    expect(explainDetails('failed', 'NotEnoughSpace')?.action).toMatch(/Remove unused eSIM profiles/);
  });

  it('matches codes case-insensitively and with trailing text', () => {
    expect(explainDetails('failed', 'notenoughspace')?.title).toBe('No room for another eSIM profile');
    expect(explainDetails('failed', 'InvalidMatchingId: rejected by SM-DP+')?.code).toBe('InvalidMatchingId: rejected by SM-DP+');
    expect(explainDetails('failed', 'InvalidMatchingId: rejected by SM-DP+')?.title).toBe('The carrier rejected the activation code');
  });

  it('keeps the reported error name for support', () => {
    expect(codeName('NotEnoughSpace: the eUICC has no free space for another profile.')).toBe('NotEnoughSpace');
    expect(codeName(' InvalidMatchingId ')).toBe('InvalidMatchingId');
  });

  it('turns an unknown failure code into words and keeps the code', () => {
    expect(explainDetails('error', 'CarrierPlanExpired')).toMatchObject({ code: 'CarrierPlanExpired', title: 'Carrier plan expired' });
  });

  it('says so when a failed device sent no details, and explains nothing for healthy devices', () => {
    expect(explainDetails('failed', null)?.title).toBe('No details from the device');
    expect(explainDetails('failed', '  ')?.title).toBe('No details from the device');
    expect(explainDetails('installed', null)).toBeNull();
    expect(explainDetails('installing', 'SomethingUnknown')).toBeNull();
    // A known code is explained whatever the state (a retrying install).
    expect(explainDetails('installing', 'ProfileDownloadFailed')?.title).toBe('The profile download failed');
  });
});
