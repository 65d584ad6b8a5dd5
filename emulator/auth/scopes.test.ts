import { describe, expect, it } from 'vitest';
import { GRAPH_APP_ID, GRAPH_RESOURCE, SCOPE_READ, SCOPE_WRITE } from '../constants.ts';
import { ScopeError, grantDelegated, isGraphDefaultScope, parseScopes } from './scopes.ts';

describe('scopes', () => {
  it('reads full-URI, app-id and bare Graph scopes, and OIDC scopes', () => {
    expect(parseScopes(`${GRAPH_RESOURCE}/${SCOPE_READ} ${GRAPH_APP_ID}/User.Read GroupMember.Read.All openid OFFLINE_ACCESS`)).toEqual([
      { raw: `${GRAPH_RESOURCE}/${SCOPE_READ}`, kind: 'graph', name: SCOPE_READ },
      { raw: `${GRAPH_APP_ID}/User.Read`, kind: 'graph', name: 'User.Read' },
      { raw: 'GroupMember.Read.All', kind: 'graph', name: 'GroupMember.Read.All' },
      { raw: 'openid', kind: 'oidc', name: 'openid' },
      { raw: 'OFFLINE_ACCESS', kind: 'oidc', name: 'offline_access' },
    ]);
  });

  it('refuses scopes of resources the tenant does not have', () => {
    expect(() => parseScopes('api://other-app/Do.Things')).toThrow(ScopeError);
  });

  it('grants the intersection, case-insensitively, in the requested form', () => {
    const g = grantDelegated(parseScopes(`${GRAPH_RESOURCE}/deviceManagementConfiguration.readWrite.all ${GRAPH_RESOURCE}/${SCOPE_READ} openid`), [SCOPE_READ]);
    expect(g.scp).toEqual([SCOPE_READ]);
    expect(g.scope).toEqual([`${GRAPH_RESOURCE}/${SCOPE_READ}`, 'openid']);
    expect(g.openid).toBe(true);
    expect(g.offlineAccess).toBe(false);
    const all = grantDelegated(parseScopes(`${GRAPH_RESOURCE}/${SCOPE_WRITE}`), [SCOPE_WRITE, SCOPE_READ]);
    expect(all.scp).toEqual([SCOPE_WRITE]);
  });

  it('accepts only Graph .default for client credentials', () => {
    expect(isGraphDefaultScope(`${GRAPH_RESOURCE}/.default`)).toBe(true);
    expect(isGraphDefaultScope(`${GRAPH_APP_ID}/.default`)).toBe(true);
    expect(isGraphDefaultScope(`${GRAPH_RESOURCE}/${SCOPE_READ}`)).toBe(false);
    expect(isGraphDefaultScope(`${GRAPH_RESOURCE}/.default openid`)).toBe(false);
  });
});
