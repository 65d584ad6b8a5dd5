/**
 * What to ask src/auth for after a 401, or undefined when a new token would
 * not help. Two cases are worth exactly one more attempt:
 * - a claims challenge (Continuous Access Evaluation, Conditional Access):
 *   `WWW-Authenticate: Bearer …, error="insufficient_claims", claims="<base64 JSON>"`;
 *   the decoded claims must go into the next token request;
 * - `InvalidAuthenticationToken` (expired, revoked or not yet valid token).
 */
export function tokenRetryFor(
  code: string,
  wwwAuthenticate: string | null,
): { forceRefresh: true; claims?: string } | undefined {
  const claims = wwwAuthenticate ? claimsChallenge(wwwAuthenticate) : undefined;
  if (claims) return { forceRefresh: true, claims };
  return code === 'InvalidAuthenticationToken' ? { forceRefresh: true } : undefined;
}

/** The decoded `claims` JSON of an `insufficient_claims` Bearer challenge. */
export function claimsChallenge(header: string): string | undefined {
  if (!/error\s*=\s*"?insufficient_claims"?/i.test(header)) return undefined;
  const encoded = /claims\s*=\s*"([^"]+)"/i.exec(header)?.[1];
  if (!encoded) return undefined;
  try {
    const json = atob(encoded.replaceAll('-', '+').replaceAll('_', '/'));
    JSON.parse(json);
    return json;
  } catch {
    return undefined;
  }
}
