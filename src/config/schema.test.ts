import { describe, expect, it } from 'vitest';
import { configFileSchema, formatConfigIssue, toConfigIssues, type ConfigIssue } from './schema.ts';

const VALID = {
  clientId: '4f2d8e6a-1c3b-4a5d-8e7f-9a0b1c2d3e4f',
  tenantId: '7c1b4a3e-2f5d-4e8a-9b6c-3d2e1f0a9b8c',
  cloud: 'Global',
};

function issuesFor(raw: unknown): ConfigIssue[] {
  const r = configFileSchema.safeParse(raw);
  if (r.success) throw new Error('expected config to be rejected');
  return toConfigIssues(r.error);
}

function messageFor(raw: unknown, field: string): string {
  const found = issuesFor(raw).filter((i) => i.field === field);
  expect(found, `issues for ${field}`).toHaveLength(1);
  return found[0]?.message ?? '';
}

describe('config.json schema', () => {
  it('accepts the minimal file and fills in the default paths', () => {
    expect(configFileSchema.parse(VALID)).toEqual({ ...VALID, redirectPath: '/redirect.html', postLogoutRedirectPath: '/' });
  });

  it('accepts a verified domain as tenant', () => {
    expect(configFileSchema.safeParse({ ...VALID, tenantId: 'contoso.onmicrosoft.com' }).success).toBe(true);
    expect(configFileSchema.safeParse({ ...VALID, tenantId: 'Fabrikam.Example.co.uk' }).success).toBe(true);
  });

  it('names the cloud and lists the choices', () => {
    const issue = issuesFor({ ...VALID, cloud: 'Gobal' });
    expect(issue).toEqual([{ field: 'cloud', message: 'must be one of Global, USGov, USGovDoD, China (got "Gobal")' }]);
    expect(formatConfigIssue(issue[0] as ConfigIssue)).toBe('cloud: must be one of Global, USGov, USGovDoD, China (got "Gobal")');
    expect(messageFor({ ...VALID, cloud: 'global' }, 'cloud')).toMatch(/did you mean "Global"/);
  });

  it('requires clientId, tenantId and cloud, naming each', () => {
    const issues = issuesFor({});
    expect(issues.map((i) => i.field)).toEqual(['clientId', 'tenantId', 'cloud']);
    expect(issues.every((i) => i.message.startsWith('is required'))).toBe(true);
  });

  it('says what is wrong with clientId', () => {
    expect(messageFor({ ...VALID, clientId: 'my-app' }, 'clientId')).toMatch(/^must be the application \(client\) ID .*GUID.* \(got "my-app"\)$/);
    expect(messageFor({ ...VALID, clientId: 42 }, 'clientId')).toMatch(/\(got 42\)$/);
  });

  it('refuses multi-tenant authorities and malformed tenants', () => {
    for (const t of ['common', 'Organizations', 'consumers']) {
      expect(messageFor({ ...VALID, tenantId: t }, 'tenantId')).toMatch(/single tenant/);
    }
    expect(messageFor({ ...VALID, tenantId: 'contoso' }, 'tenantId')).toMatch(/GUID.*verified domain.*\(got "contoso"\)/);
    expect(messageFor({ ...VALID, tenantId: 'https://contoso.onmicrosoft.com' }, 'tenantId')).toMatch(/verified domain/);
  });

  it('checks authority: https, tenant path, nothing extra; trims a trailing slash', () => {
    expect(messageFor({ ...VALID, authority: 'http://localhost:8443/t' }, 'authority')).toMatch(/https/);
    expect(messageFor({ ...VALID, authority: 'https://login.microsoftonline.com/' }, 'authority')).toMatch(/tenant in its path/);
    expect(messageFor({ ...VALID, authority: 'https://login.example/t?x=1' }, 'authority')).toMatch(/query string/);
    expect(messageFor({ ...VALID, authority: 'login.microsoftonline.com/t' }, 'authority')).toMatch(/absolute URL/);
    expect(configFileSchema.parse({ ...VALID, authority: 'https://localhost:8443/t/' }).authority).toBe('https://localhost:8443/t');
  });

  it('checks graphBaseUrl is an https origin without the version', () => {
    expect(messageFor({ ...VALID, graphBaseUrl: 'https://graph.microsoft.com/beta' }, 'graphBaseUrl')).toMatch(/origin only.*\(got "https:\/\/graph\.microsoft\.com\/beta"\)/);
    expect(messageFor({ ...VALID, graphBaseUrl: 'http://localhost:8443' }, 'graphBaseUrl')).toMatch(/https/);
    expect(configFileSchema.parse({ ...VALID, graphBaseUrl: 'https://LOCALHOST:8443/' }).graphBaseUrl).toBe('https://localhost:8443');
  });

  it('keeps redirect paths on this site', () => {
    for (const p of ['redirect.html', '//evil.example/x', '/\\evil.example', '/a b', '/r#x']) {
      expect(messageFor({ ...VALID, redirectPath: p }, 'redirectPath')).toMatch(/path on this site/);
    }
    expect(messageFor({ ...VALID, postLogoutRedirectPath: 'https://evil.example/' }, 'postLogoutRedirectPath')).toMatch(/starting with "\/"/);
  });

  it('rejects unknown keys, suggesting the intended one', () => {
    const issues = issuesFor({ ...VALID, clientID: 'x', tenant: 'y', graphBaseUri: 'z', authorityUrl: 'a', colour: 'blue' });
    expect(issues).toEqual([
      { field: 'clientID', message: 'is not a known setting — did you mean "clientId"?' },
      { field: 'tenant', message: 'is not a known setting — did you mean "tenantId"?' },
      { field: 'graphBaseUri', message: 'is not a known setting — did you mean "graphBaseUrl"?' },
      { field: 'authorityUrl', message: 'is not a known setting — did you mean "authority"?' },
      { field: 'colour', message: expect.stringMatching(/^is not a known setting \(known settings: clientId, tenantId, cloud, /) },
    ]);
  });

  it('reports a file that is not an object against config.json', () => {
    expect(issuesFor([VALID])).toEqual([{ field: 'config.json', message: 'must be a JSON object with clientId, tenantId and cloud (got a list)' }]);
    expect(issuesFor(null)[0]?.field).toBe('config.json');
  });

  it('reports every bad field at once', () => {
    const fields = issuesFor({ clientId: 'x', tenantId: 'common', cloud: 'Mars', graphBaseUrl: 'ftp://x', redirectPath: 'r', extra: 1 }).map((i) => i.field);
    expect(fields.sort()).toEqual(['clientId', 'cloud', 'extra', 'graphBaseUrl', 'redirectPath', 'tenantId']);
  });
});
