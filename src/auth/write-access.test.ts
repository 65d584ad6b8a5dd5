import { describe, expect, it } from 'vitest';
import { GraphError } from '../graph/errors.ts';
import { createWriteRefusals } from './write-access.ts';
import { memoryStorage } from '../testing/memory-storage.ts';

const forbidden = (message: string, status = 403) => new GraphError({ status, code: 'Forbidden', message, method: 'POST', path: '/p' });
const ROLE = forbidden('Forbidden: the caller is not allowed to perform this action.');
const SCOPE = forbidden('Application must have one of the following scopes: DeviceManagementConfiguration.ReadWrite.All');

describe('write refusals', () => {
  it('remember the reason for the account whose write was refused, only for that account', () => {
    const r = createWriteRefusals(memoryStorage());
    expect(r.refusalFor('a')).toBeNull();
    expect(r.refuse('a', ROLE)).toBe(true);
    expect(r.refusalFor('a')).toEqual({ reason: 'intuneRole', homeAccountId: 'a' });
    expect(r.refusalFor('b')).toBeNull();
    expect(r.refusalFor(undefined)).toBeNull();
  });

  it('classify a missing scope apart from a missing Intune role, and keep the role reason once known', () => {
    const r = createWriteRefusals(memoryStorage());
    expect(r.refuse('a', SCOPE)).toBe(true);
    expect(r.refusalFor('a')?.reason).toBe('scope');
    expect(r.refuse('a', ROLE)).toBe(true);
    expect(r.refusalFor('a')?.reason).toBe('intuneRole');
    expect(r.refuse('a', SCOPE)).toBe(false);
    expect(r.refusalFor('a')?.reason).toBe('intuneRole');
  });

  it('ignore anything that is not a 403', () => {
    const r = createWriteRefusals(memoryStorage());
    expect(r.refuse('a', forbidden('x', 401))).toBe(false);
    expect(r.refusalFor('a')).toBeNull();
  });

  it('last the session (sessionStorage) and are gone after clear()', () => {
    const storage = memoryStorage();
    createWriteRefusals(storage).refuse('a', ROLE);
    const again = createWriteRefusals(storage);
    expect(again.refusalFor('a')?.reason).toBe('intuneRole');
    again.clear();
    expect(createWriteRefusals(storage).refusalFor('a')).toBeNull();
  });

  it('survive a broken or foreign stored value', () => {
    const storage = memoryStorage();
    storage.setItem('esim-console.write-refused', '{not json');
    expect(createWriteRefusals(storage).refusalFor('a')).toBeNull();
    storage.setItem('esim-console.write-refused', JSON.stringify({ reason: 'admin', homeAccountId: 'a' }));
    expect(createWriteRefusals(storage).refusalFor('a')).toBeNull();
  });
});
