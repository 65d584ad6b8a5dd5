/** Permission checks from the token's scopes (delegated) or roles (application). */
import { SCOPE_READ, SCOPE_WRITE } from '../constants.ts';
import type { Principal } from '../types.ts';
import { badRequest, GraphError } from './errors.ts';

const GROUP_READ_PERMISSIONS = ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

function hasAny(principal: Principal, wanted: readonly string[]): boolean {
  const held = new Set(principal.permissions.map((p) => p.toLowerCase()));
  return wanted.some((w) => held.has(w.toLowerCase()));
}

function intuneForbidden(scopes: readonly string[]): GraphError {
  return new GraphError(
    403,
    'Forbidden',
    `Application is not authorized to perform this operation. Application must have one of the following scopes: ${scopes.join(', ')}`,
  );
}

export function requireEsimRead(principal: Principal): void {
  const scopes = [SCOPE_READ, SCOPE_WRITE];
  if (!hasAny(principal, scopes)) throw intuneForbidden(scopes);
}

export function requireEsimWrite(principal: Principal): void {
  if (!hasAny(principal, [SCOPE_WRITE])) throw intuneForbidden([SCOPE_WRITE]);
}

export function requireDirectoryRead(principal: Principal): void {
  if (!hasAny(principal, GROUP_READ_PERMISSIONS)) {
    throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
}

export function requireDelegated(principal: Principal): void {
  if (principal.kind !== 'user') throw badRequest('/me request is only valid with delegated authentication flow.');
}
