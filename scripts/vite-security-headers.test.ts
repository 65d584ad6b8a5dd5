import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE_ENV, securityHeaders } from './vite-security-headers.ts';

const TENANT = '7c1b4a3e-2f5d-4e8a-9b6c-3d2e1f0a9b8c';
const config = (port: number) => ({
  clientId: '4f2d8e6a-1c3b-4a5d-8e7f-9a0b1c2d3e4f',
  tenantId: TENANT,
  cloud: 'Global',
  authority: `https://localhost:${port}/${TENANT}`,
  graphBaseUrl: `https://localhost:${port}`,
});

function connectSrc(res: Response): string[] {
  const policy = res.headers.get('content-security-policy') ?? '';
  return policy.split(';').map((p) => p.trim().split(/\s+/)).find((p) => p[0] === 'connect-src')?.slice(1) ?? [];
}

describe('vite preview with the security-headers plugin', () => {
  let dir: string;
  const servers: PreviewServer[] = [];

  async function serve(env: NodeJS.ProcessEnv): Promise<string> {
    const server = await preview({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins: [securityHeaders(env)],
      preview: { port: 0, host: '127.0.0.1' },
    });
    servers.push(server);
    return server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vite-headers-'));
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(join(dir, 'dist', 'config.json'), JSON.stringify(config(8443)));
    await writeFile(join(dir, 'pair-8444.json'), JSON.stringify(config(8444)));
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the built config.json, and a policy for its hosts, by default', async () => {
    const url = await serve({});
    const res = await fetch(`${url}/config.json`);
    expect(await res.json()).toEqual(config(8443));
    expect(connectSrc(res)).toEqual(["'self'", 'https://localhost:8443']);
    expect(connectSrc(await fetch(`${url}/pools`))).toEqual(["'self'", 'https://localhost:8443']);
  });

  it(`serves ${CONFIG_FILE_ENV} at /config.json instead, with a policy for its hosts only`, async () => {
    const url = await serve({ [CONFIG_FILE_ENV]: join(dir, 'pair-8444.json') });
    const res = await fetch(`${url}/config.json?x=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual(config(8444));
    expect(connectSrc(res)).toEqual(["'self'", 'https://localhost:8444']);
    const page = await fetch(`${url}/pools`);
    expect(connectSrc(page)).toEqual(["'self'", 'https://localhost:8444']);
    expect(await page.text()).toContain('<title>console</title>');
  });

  it(`answers 404 naming the file when ${CONFIG_FILE_ENV} points nowhere`, async () => {
    const missing = join(dir, 'missing.json');
    const url = await serve({ [CONFIG_FILE_ENV]: missing });
    const res = await fetch(`${url}/config.json`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain(missing);
  });
});
