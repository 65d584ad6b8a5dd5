import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOUDS, CLOUD_NAMES, isMicrosoftLoginOrigin } from './clouds.ts';
import { loadConfig, parseConfig, type AppConfig } from './config.ts';

const TENANT = '7c1b4a3e-2f5d-4e8a-9b6c-3d2e1f0a9b8c';
const BASE = { clientId: '4f2d8e6a-1c3b-4a5d-8e7f-9a0b1c2d3e4f', tenantId: TENANT };
const ORIGIN = 'https://console.contoso.example';

function ok(raw: unknown, origin = ORIGIN): AppConfig {
  const r = parseConfig(raw, origin);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.field}: ${i.message}`).join('\n'));
  return r.config;
}

describe('parseConfig: clouds', () => {
  const expected = {
    Global: ['https://graph.microsoft.com', 'login.microsoftonline.com'],
    USGov: ['https://graph.microsoft.us', 'login.microsoftonline.us'],
    USGovDoD: ['https://dod-graph.microsoft.us', 'login.microsoftonline.us'],
    China: ['https://microsoftgraph.chinacloudapi.cn', 'login.chinacloudapi.cn'],
  } as const;

  it.each(CLOUD_NAMES)('%s: Graph, authority, knownAuthorities and scopes come from the cloud', (cloud) => {
    const [graph, loginHost] = expected[cloud];
    const c = ok({ ...BASE, cloud });
    expect(c.cloud).toBe(cloud);
    expect(c.cloudName).toBe(CLOUDS[cloud].displayName);
    expect(c.graphBaseUrl).toBe(graph);
    expect(c.authority).toBe(`https://${loginHost}/${TENANT}`);
    expect(c.knownAuthorities).toEqual([loginHost]);
    expect(c.scopes).toEqual({
      read: `${graph}/DeviceManagementConfiguration.Read.All`,
      write: `${graph}/DeviceManagementConfiguration.ReadWrite.All`,
      groups: `${graph}/GroupMember.Read.All`,
      all: [`${graph}/DeviceManagementConfiguration.Read.All`, `${graph}/DeviceManagementConfiguration.ReadWrite.All`, `${graph}/GroupMember.Read.All`],
      // Asked for when the pool history opens, never at sign-in (not in `all`).
      onDemand: { 'DeviceManagementApps.Read.All': `${graph}/DeviceManagementApps.Read.All` },
    });
  });

  it('knows which sign-in origins are Microsoft’s', () => {
    expect(isMicrosoftLoginOrigin('https://login.chinacloudapi.cn')).toBe(true);
    expect(isMicrosoftLoginOrigin('https://localhost:8443')).toBe(false);
  });
});

describe('parseConfig: overrides and URIs', () => {
  it('uses authority and graphBaseUrl overrides, but keeps scopes on the cloud’s Graph resource', () => {
    const c = ok({
      ...BASE,
      cloud: 'USGov',
      authority: `https://localhost:8443/${TENANT}/`,
      graphBaseUrl: 'https://localhost:8443',
    });
    expect(c.authority).toBe(`https://localhost:8443/${TENANT}`);
    expect(c.knownAuthorities).toEqual(['localhost:8443']);
    expect(c.graphBaseUrl).toBe('https://localhost:8443');
    expect(c.scopes.write).toBe('https://graph.microsoft.us/DeviceManagementConfiguration.ReadWrite.All');
  });

  it('builds absolute redirect URIs from the page origin', () => {
    const c = ok({ ...BASE, cloud: 'Global' }, 'http://localhost:5173/');
    expect(c.redirectUri).toBe('http://localhost:5173/redirect.html');
    expect(c.postLogoutRedirectUri).toBe('http://localhost:5173/');
    const custom = ok({ ...BASE, cloud: 'Global', redirectPath: '/auth/done.html', postLogoutRedirectPath: '/signed-out' });
    expect(custom.redirectUri).toBe(`${ORIGIN}/auth/done.html`);
    expect(custom.postLogoutRedirectUri).toBe(`${ORIGIN}/signed-out`);
  });

  it('returns issues instead of a config when invalid', () => {
    expect(parseConfig({ ...BASE, cloud: 'Gobal' }, ORIGIN)).toEqual({
      ok: false,
      issues: [{ field: 'cloud', message: 'must be one of Global, USGov, USGovDoD, China (got "Gobal")' }],
    });
  });

  it('accepts the repository’s public/config.json', async () => {
    const { default: file } = await import('../../public/config.json');
    const c = ok(file, 'http://localhost:4173');
    expect(c.knownAuthorities).toEqual(['localhost:8443']);
    expect(c.graphBaseUrl).toBe('https://localhost:8443');
  });
});

describe('loadConfig', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('fetches /config.json and parses it for this origin', async () => {
    const fetchFn = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify({ ...BASE, cloud: 'China' })));
    vi.stubGlobal('fetch', fetchFn);
    const r = await loadConfig();
    expect(String(fetchFn.mock.calls[0]?.[0])).toBe(`${window.location.origin}/config.json`);
    expect(r).toMatchObject({ ok: true, config: { cloud: 'China', redirectUri: `${window.location.origin}/redirect.html` } });
  });

  it('reports a missing file as an issue on config.json', async () => {
    vi.stubGlobal('fetch', async () => new Response('Not found', { status: 404, statusText: 'Not Found' }));
    const r = await loadConfig();
    expect(r).toEqual({ ok: false, issues: [{ field: 'config.json', message: expect.stringMatching(/HTTP 404/) }] });
  });

  it('reports invalid JSON as an issue on config.json', async () => {
    vi.stubGlobal('fetch', async () => new Response('{ "clientId": '));
    const r = await loadConfig();
    expect(r).toEqual({ ok: false, issues: [{ field: 'config.json', message: expect.stringMatching(/not valid JSON/) }] });
  });

  it('rejects when aborted instead of reporting an issue', async () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
    const controller = new AbortController();
    const pending = loadConfig(controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
