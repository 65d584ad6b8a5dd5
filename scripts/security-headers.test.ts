// The cross-check imports src/config/config.ts, which reads import.meta.env (typed by vite/client).
/// <reference types="vite/client" />
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_NAMES, CLOUDS, type CloudName } from '../src/config/clouds.ts';
import { parseConfig } from '../src/config/config.ts';
import { buildSecurityHeaders, headersAsText, headersFor, hostsFromConfig, isHashedAsset, staticWebAppConfig, type ConsoleHosts } from './security-headers.ts';

const CLIENT = '4f2d8e6a-1c3b-4a5d-8e7f-9a0b1c2d3e4f';
const TENANT = '7c1b4a3e-2f5d-4e8a-9b6c-3d2e1f0a9b8c';

function csp(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function hostsOf(raw: unknown): ConsoleHosts {
  const result = hostsFromConfig(raw);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.hosts;
}

const EXPECTED: Record<CloudName, { signIn: string; graph: string }> = {
  Global: { signIn: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com' },
  USGov: { signIn: 'https://login.microsoftonline.us', graph: 'https://graph.microsoft.us' },
  USGovDoD: { signIn: 'https://login.microsoftonline.us', graph: 'https://dod-graph.microsoft.us' },
  China: { signIn: 'https://login.chinacloudapi.cn', graph: 'https://microsoftgraph.chinacloudapi.cn' },
};

describe('hosts from config.json', () => {
  it.each(CLOUD_NAMES)('%s: the cloud’s sign-in and Graph origins, as the console resolves them', (cloud) => {
    const raw = { clientId: CLIENT, tenantId: TENANT, cloud };
    const hosts = hostsOf(raw);
    expect(hosts).toEqual({ ...EXPECTED[cloud], bridgePath: '/redirect.html' });
    // The same derivation as the console's own parseConfig.
    const resolved = parseConfig(raw, 'https://console.contoso.example');
    if (!resolved.ok) throw new Error('config should be valid');
    expect(hosts.signIn).toBe(new URL(resolved.config.authority).origin);
    expect(hosts.graph).toBe(resolved.config.graphBaseUrl);
  });

  it('a custom authority and graphBaseUrl replace the cloud’s hosts, port included', () => {
    const raw = {
      clientId: CLIENT,
      tenantId: TENANT,
      cloud: 'USGov',
      authority: 'https://login.proxy.contoso.example:8443/contoso.onmicrosoft.com/',
      graphBaseUrl: 'https://graph.proxy.contoso.example/',
      redirectPath: '/auth/bridge.html',
    };
    expect(hostsOf(raw)).toEqual({
      signIn: 'https://login.proxy.contoso.example:8443',
      graph: 'https://graph.proxy.contoso.example',
      bridgePath: '/auth/bridge.html',
    });
  });

  it('an invalid config is refused with the console’s own messages', () => {
    const result = hostsFromConfig({ clientId: CLIENT, tenantId: 'common', cloud: 'global', graphBaseUrl: 'http://graph.example' });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.some((p) => p.startsWith('tenantId:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('cloud:') && p.includes('did you mean "Global"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('graphBaseUrl:') && p.includes('https'))).toBe(true);
  });
});

describe('console and bridge headers', () => {
  it.each(CLOUD_NAMES)('%s: connect-src, frame-src and form-action name only this origin and the cloud’s hosts', (cloud) => {
    const { signIn, graph } = EXPECTED[cloud];
    const set = buildSecurityHeaders(hostsOf({ clientId: CLIENT, tenantId: TENANT, cloud }));
    const policy = csp(set.console['Content-Security-Policy']);
    expect(policy.get('connect-src')).toEqual(["'self'", signIn, graph]);
    expect(policy.get('frame-src')).toEqual(["'self'", signIn]);
    expect(policy.get('form-action')).toEqual([signIn]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    // No host of another cloud slips in.
    const others = CLOUD_NAMES.filter((c) => EXPECTED[c].graph !== graph).map((c) => CLOUDS[c].graphOrigin);
    for (const other of others) expect(set.console['Content-Security-Policy']).not.toContain(other);
  });

  it('a host used for both sign-in and Graph (the local emulator) is listed once', () => {
    const set = buildSecurityHeaders({ signIn: 'https://localhost:8443', graph: 'https://localhost:8443', bridgePath: '/redirect.html' });
    expect(csp(set.console['Content-Security-Policy']).get('connect-src')).toEqual(["'self'", 'https://localhost:8443']);
  });

  it('the console cannot be framed; the bridge only by its own origin, and has no COOP', () => {
    const set = buildSecurityHeaders(hostsOf({ clientId: CLIENT, tenantId: TENANT, cloud: 'Global' }));
    expect(csp(set.console['Content-Security-Policy']).get('frame-ancestors')).toEqual(["'none'"]);
    expect(set.console['X-Frame-Options']).toBe('DENY');
    expect(set.console['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups');
    const bridge = csp(set.bridge['Content-Security-Policy']);
    expect(bridge.get('frame-ancestors')).toEqual(["'self'"]);
    expect(bridge.get('script-src')).toEqual(["'self'"]);
    expect(bridge.get('connect-src')).toEqual(["'self'"]);
    expect(set.bridge['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(set.bridge).not.toHaveProperty('Cross-Origin-Opener-Policy');
    for (const headers of [set.console, set.bridge]) {
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('no-referrer');
      expect(headers['Permissions-Policy']).toMatch(/(^|, )camera=\(\)/);
      expect(headers['Permissions-Policy']).toMatch(/(^|, )microphone=\(\)/);
      expect(headers['Permissions-Policy']).toMatch(/(^|, )geolocation=\(\)/);
      expect(headers['Content-Security-Policy']).not.toContain('unsafe-eval');
      expect(headers['Content-Security-Policy']).not.toContain('blob:');
      expect(headers).not.toHaveProperty('Strict-Transport-Security');
    }
  });

  it('inline styles are allowed only as elements (Fluent’s runtime <style>), never as attributes', () => {
    const policy = csp(buildSecurityHeaders(undefined).console['Content-Security-Policy']);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('style-src-attr')).toEqual(["'none'"]);
  });

  it('without a valid config the policy allows no cross-origin host', () => {
    const policy = csp(buildSecurityHeaders(undefined).console['Content-Security-Policy']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-src')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('only the dev server allows inline scripts (React Refresh preamble) and the HMR socket', () => {
    const hosts: ConsoleHosts = { signIn: 'https://localhost:8443', graph: 'https://localhost:8443', bridgePath: '/redirect.html' };
    const dev = buildSecurityHeaders(hosts, { dev: true });
    expect(csp(dev.console['Content-Security-Policy']).get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp(dev.console['Content-Security-Policy']).get('connect-src')).toEqual(["'self'", 'https://localhost:8443', 'ws:', 'wss:']);
    const strict = buildSecurityHeaders(hosts);
    expect(csp(strict.console['Content-Security-Policy']).get('script-src')).toEqual(["'self'"]);
    expect(strict.console['Content-Security-Policy']).not.toContain('ws:');
  });

  it('picks the bridge headers for the bridge path only', () => {
    const set = buildSecurityHeaders(undefined);
    expect(headersFor('/redirect.html', set)).toBe(set.bridge);
    expect(headersFor('/redirect.html?code=x#state', set)).toBe(set.bridge);
    expect(headersFor('/', set)).toBe(set.console);
    expect(headersFor('/pools/redirect.html', set)).toBe(set.console);
    expect(headersFor('/assets/redirect-abc.js', set)).toBe(set.console);
    expect(headersFor('/auth/bridge.html', set, '/auth/bridge.html')).toBe(set.bridge);
  });
});

describe('deployment outputs', () => {
  const hosts = hostsOf({ clientId: CLIENT, tenantId: TENANT, cloud: 'China' });

  it('staticwebapp.config.json: console headers globally, bridge headers on its route without COOP, SPA fallback', () => {
    const set = buildSecurityHeaders(hosts, { hsts: true });
    const swa = staticWebAppConfig(hosts) as {
      globalHeaders: Record<string, string>;
      routes: { route: string; headers: Record<string, string> }[];
      navigationFallback: { rewrite: string; exclude: string[] };
    };
    expect(swa.globalHeaders).toEqual(set.console);
    expect(swa.globalHeaders['Strict-Transport-Security']).toBe('max-age=31536000');
    expect(swa.routes).toHaveLength(2);
    expect(swa.routes[0]!.route).toBe('/redirect.html');
    // Hashed build output is kept for good; only that header is added there.
    expect(swa.routes[1]).toEqual({ route: '/assets/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } });
    // A route header replaces the global one; an empty value removes it.
    expect(swa.routes[0]!.headers).toEqual({ ...set.bridge, 'Cross-Origin-Opener-Policy': '' });
    expect(swa.navigationFallback).toEqual({ rewrite: '/index.html', exclude: ['/assets/*', '/config.json', '/redirect.html'] });
  });

  it('only the hashed build output under /assets/ is cached for good', () => {
    expect(isHashedAsset('/assets/main-BN6Amu5B.js')).toBe(true);
    expect(isHashedAsset('/assets/main-y1peIbzg.css?v=1')).toBe(true);
    for (const url of ['/', '/index.html', '/config.json', '/redirect.html', '/pools/assets/x.js', '/favicon.svg']) expect(isHashedAsset(url)).toBe(false);
    expect(headersAsText(hosts)).toContain('Cache-Control: public, max-age=31536000, immutable');
  });

  it('text: every header of each page as Name: value', () => {
    const text = headersAsText(hosts);
    const set = buildSecurityHeaders(hosts, { hsts: true });
    const [consolePart, bridgePart] = text.split(/\n\n/);
    for (const [name, value] of Object.entries(set.console)) expect(consolePart).toContain(`\n${name}: ${value}`);
    for (const [name, value] of Object.entries(set.bridge)) expect(bridgePart).toContain(`\n${name}: ${value}`);
    expect(bridgePart).not.toMatch(/^Cross-Origin-Opener-Policy:/m);
  });
});

// Each case spawns `npx tsx`, which takes seconds on a busy machine.
describe('deploy-headers CLI', { timeout: 60_000 }, () => {
  const ROOT = resolve(import.meta.dirname, '..');
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deploy-headers-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile('npx', ['tsx', 'scripts/deploy-headers.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });

  it('writes staticwebapp.config.json for the given config', async () => {
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ clientId: CLIENT, tenantId: TENANT, cloud: 'USGovDoD' }));
    const out = join(dir, 'site', 'staticwebapp.config.json');
    const run = await cli('--config', config, '--out', out);
    expect(run.code).toBe(0);
    const hosts = hostsOf({ clientId: CLIENT, tenantId: TENANT, cloud: 'USGovDoD' });
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(staticWebAppConfig(hosts));
  });

  it('exits 1 and names the field when config.json is invalid, writing nothing', async () => {
    const config = join(dir, 'bad.json');
    await writeFile(config, JSON.stringify({ clientId: CLIENT, tenantId: TENANT, cloud: 'Mars' }));
    const out = join(dir, 'bad-out.json');
    const run = await cli('--config', config, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${config}: cloud: must be one of Global, USGov, USGovDoD, China`);
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });
});
