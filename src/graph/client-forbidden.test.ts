import { describe, expect, it } from 'vitest';
import { GraphError, forbiddenKind } from './errors.ts';
import { graphError, json, rejectionOf, setup } from './test-support.ts';

const SCOPE_MESSAGE =
  'Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementConfiguration.ReadWrite.All - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000';
// What Intune answers when the token has the write scope but the user's Intune role does not allow the change.
const ROLE_MESSAGE = 'The user does not have the required Intune role-based access to perform this action.';

describe('forbiddenKind', () => {
  const forbidden = (message: string, status = 403) => new GraphError({ status, code: 'Forbidden', message, method: 'PATCH', path: '/p' });

  it('tells a missing scope from a missing Intune role', () => {
    expect(forbiddenKind(forbidden(SCOPE_MESSAGE))).toBe('scope');
    expect(forbiddenKind(forbidden(ROLE_MESSAGE))).toBe('intuneRole');
    expect(forbiddenKind(forbidden(''))).toBe('intuneRole');
  });

  it('is undefined for anything but a 403 GraphError', () => {
    expect(forbiddenKind(forbidden(ROLE_MESSAGE, 401))).toBeUndefined();
    expect(forbiddenKind(new Error(ROLE_MESSAGE))).toBeUndefined();
    expect(forbiddenKind(undefined)).toBeUndefined();
  });
});

describe('onWriteForbidden', () => {
  it('is told about a 403 on a write, with the error that is then thrown, and nothing is retried', async () => {
    const told: GraphError[] = [];
    const { client, calls } = setup([graphError(403, 'Forbidden', ROLE_MESSAGE)], { onWriteForbidden: (e) => told.push(e) });
    const err = await rejectionOf(client.patch('/pools/1', { displayName: 'x' }));
    expect(told).toEqual([err]);
    expect(err).toMatchObject({ status: 403, code: 'Forbidden', method: 'PATCH' });
    expect(forbiddenKind(err)).toBe('intuneRole');
    expect(calls).toHaveLength(1);
  });

  it('is told about POST and DELETE 403s of both kinds', async () => {
    const kinds: (string | undefined)[] = [];
    const { client } = setup([graphError(403, 'Forbidden', SCOPE_MESSAGE), graphError(403, 'Forbidden', ROLE_MESSAGE)], {
      onWriteForbidden: (e) => kinds.push(forbiddenKind(e)),
    });
    await rejectionOf(client.post('/pools/1/assign', { assignments: [] }));
    await rejectionOf(client.delete('/pools/1'));
    expect(kinds).toEqual(['scope', 'intuneRole']);
  });

  it('is not told about a 403 on a read (a GET, or a POST marked readOnly), or about other write failures', async () => {
    const told: GraphError[] = [];
    const { client } = setup(
      [graphError(403, 'Forbidden', ROLE_MESSAGE), graphError(403, 'Forbidden', ROLE_MESSAGE), graphError(400, 'BadRequest', 'x'), json(200, {})],
      { onWriteForbidden: (e) => told.push(e) },
    );
    await rejectionOf(client.get('/pools'));
    await rejectionOf(client.post('/directoryObjects/getByIds', { ids: ['g'] }, { readOnly: true }));
    await rejectionOf(client.post('/pools', {}));
    await client.post('/pools', {});
    expect(told).toEqual([]);
  });

  it('cannot change what the caller gets by throwing', async () => {
    const { client } = setup([graphError(403, 'Forbidden', ROLE_MESSAGE)], {
      onWriteForbidden: () => {
        throw new Error('listener bug');
      },
    });
    await expect(client.post('/pools', {})).rejects.toMatchObject({ status: 403 });
  });
});
