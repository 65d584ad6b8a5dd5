import { describe, expect, it } from 'vitest';
import { grantedOf } from './granted-scopes.ts';

const READ = 'https://graph.microsoft.com/DeviceManagementConfiguration.Read.All';
const WRITE = 'https://graph.microsoft.com/DeviceManagementConfiguration.ReadWrite.All';

describe('grantedOf', () => {
  it('keeps the requested scopes the response granted, named short or in full, in any case', () => {
    expect(grantedOf([READ, WRITE], ['deviceManagementConfiguration.read.all', 'openid'])).toEqual([READ]);
    expect(grantedOf([READ, WRITE], [WRITE.toUpperCase(), 'DeviceManagementConfiguration.Read.All'])).toEqual([READ, WRITE]);
    expect(grantedOf([READ, WRITE], ['profile'])).toEqual([]);
  });
});
