/**
 * Permission checks, in Intune's order: the token's scopes (delegated) or
 * roles (application) first, then — for a user — the user's Intune role.
 * The two refusals look different, as in the service: a missing scope names
 * the scopes the application must have; an Intune role that does not allow
 * the write gets Intune's wrapped, generic "An error has occurred" 403.
 */
import { SCOPE_READ, SCOPE_WRITE, USERS } from '../constants.ts';
import type { GraphRequest, Principal } from '../types.ts';
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

/**
 * Intune's refusal when the user's Intune role lacks the action: code
 * `Forbidden` and a message that is itself Intune's JSON error, with only a
 * generic text, the activity id (the client-request-id) and Intune's URL.
 */
export function intuneRoleForbidden(req: Pick<GraphRequest, 'path' | 'clientRequestId'>): GraphError {
  const activityId = req.clientRequestId ?? crypto.randomUUID();
  const url = `https://intune.emulator.localhost/StatelessESimFEService${req.path}?api-version=5024-11-01`;
  const inner = {
    _version: 3,
    Message: `An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: ${activityId} - Url: ${url}`,
    CustomApiErrorPhrase: '',
    RetryAfter: null,
    ErrorSourceService: '',
    HttpHeaders: '{}',
  };
  return new GraphError(403, 'Forbidden', JSON.stringify(inner, null, 2).replace(/\n/g, '\r\n'));
}

export function requireEsimRead(principal: Principal): void {
  const scopes = [SCOPE_READ, SCOPE_WRITE];
  if (!hasAny(principal, scopes)) throw intuneForbidden(scopes);
}

/** Writes need the write scope (or role), and a user also an Intune role that may write. */
export function requireEsimWrite(req: GraphRequest): void {
  const { principal } = req;
  if (!hasAny(principal, [SCOPE_WRITE])) throw intuneForbidden([SCOPE_WRITE]);
  if (principal.kind === 'user' && USERS.find((u) => u.oid === principal.oid)?.intuneRole === 'Read Only Operator') {
    throw intuneRoleForbidden(req);
  }
}

export function requireDirectoryRead(principal: Principal): void {
  if (!hasAny(principal, GROUP_READ_PERMISSIONS)) {
    throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
}

export function requireDelegated(principal: Principal): void {
  if (principal.kind !== 'user') throw badRequest('/me request is only valid with delegated authentication flow.');
}
