import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphEngine, SeedName } from './graph/engine.ts';
import { main, parseArgs } from './cli.ts';
import { keyMatches } from './control-key.ts';
import { localRequest, type LocalRequestOptions } from './http.ts';
import { clientOf } from './test-client.ts';
import { PortInUseError, startEmulator, type RunningEmulator } from './server.ts';

/** An engine whose whole state is a JSON value, to observe reset/import/export. */
function stateEngine() {
  let state: unknown = { seed: 'default', n: 0 };
  const resets: SeedName[] = [];
  const engine: GraphEngine = {
    handle: () => ({ status: 200, body: state }),
    exportState: () => state,
    importState: (s) => {
      if (typeof s !== 'object' || s === null || !('seed' in s)) throw new Error('not a snapshot');
      state = s;
    },
    reset: (seed) => {
      resets.push(seed);
      state = { seed, n: 0 };
    },
  };
  return { engine, resets };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'emu-control-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('state and reset', () => {
  let emu: RunningEmulator;
  const { engine, resets } = stateEngine();
  let stateFile: string;
  const call = clientOf(() => emu);
  const json = (method: string, p: string, body?: unknown) =>
    call(p, { method, headers: { 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

  beforeAll(async () => {
    stateFile = path.join(dir, 'state.json');
    await writeFile(stateFile, JSON.stringify({ seed: 'from-file', n: 7 }));
    emu = await startEmulator({ port: 0, certDir: path.join(dir, 'cert'), engine, stateFile, seed: 'large' });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('loads the state file at start and exports it', async () => {
    expect((await call('/_emulator/state')).json()).toEqual({ seed: 'from-file', n: 7 });
  });

  it('imports state with PUT, saves it to the state file, and refuses a malformed snapshot', async () => {
    const res = await json('PUT', '/_emulator/state', { seed: 'imported', n: 1 });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ imported: true, savedTo: stateFile });
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ seed: 'imported', n: 1 });
    const bad = await json('PUT', '/_emulator/state', { nope: true });
    expect(bad.status).toBe(400);
    expect((await call('/_emulator/state')).json()).toEqual({ seed: 'imported', n: 1 });
  });

  it('saves on POST /_emulator/state/save', async () => {
    await writeFile(stateFile, '{}');
    const res = await json('POST', '/_emulator/state/save');
    expect(res.json()).toEqual({ savedTo: stateFile });
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ seed: 'imported', n: 1 });
  });

  it('resets to the startup seed or the one asked for', async () => {
    await json('POST', '/_emulator/reset');
    await json('POST', '/_emulator/reset', { seed: 'empty' });
    expect(resets).toEqual(['large', 'empty']);
    expect((await call('/_emulator/state')).json()).toEqual({ seed: 'empty', n: 0 });
  });

  it('lists its endpoints and 404s unknown ones', async () => {
    expect((await call('/_emulator')).json<{ endpoints: string[] }>().endpoints.length).toBeGreaterThan(5);
    expect((await call('/_emulator/nope')).status).toBe(404);
    expect((await call('/_emulator/throttle', { method: 'DELETE' })).status).toBe(405);
  });
});

describe('who may call the control API', () => {
  let emu: RunningEmulator;
  const { engine, resets } = stateEngine();
  const certDir = () => path.join(dir, 'cert-access');
  const raw = (p: string, opts: LocalRequestOptions = {}) => localRequest(`${emu.origin}${p}`, { ca: emu.cert, ...opts });
  const reset = (headers: Record<string, string>, contentType = 'application/json') =>
    raw('/_emulator/reset', { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body: JSON.stringify({ seed: 'empty' }) });
  const errorCode = (res: { json<T>(): T }) => res.json<{ error: { code: string } }>().error.code;

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, certDir: certDir(), engine });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('refuses a request without the key with 401, doing nothing', async () => {
    const res = await reset({});
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('ControlKeyRequired');
    expect(res.json<{ error: { message: string } }>().error.message).toContain('X-Emulator-Key');
    expect((await raw('/_emulator/token', { method: 'POST', body: '{}' })).status).toBe(401);
    expect(resets).toEqual([]);
  });

  it('refuses a wrong key with 403, doing nothing', async () => {
    for (const wrong of ['nope', `${emu.controlKey}x`, emu.controlKey.slice(1)]) {
      const res = await reset({ 'X-Emulator-Key': wrong });
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('ControlKeyInvalid');
    }
    expect(resets).toEqual([]);
  });

  it("refuses a page on a foreign origin even with the key, and a key-less text/plain POST (no preflight), without CORS headers", async () => {
    for (const origin of ['https://evil.example', 'http://localhost:8080', 'null', `http://localhost:${emu.port}`]) {
      const res = await reset({ Origin: origin, 'X-Emulator-Key': emu.controlKey });
      expect(res.status, origin).toBe(403);
      expect(errorCode(res)).toBe('OriginNotAllowed');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    const simple = await reset({ Origin: 'https://evil.example' }, 'text/plain');
    expect(simple.status).toBe(403);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await raw('/_emulator/reset', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-emulator-key' },
    });
    expect(pre.status).toBe(403);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(resets).toEqual([]);
  });

  it('serves the key from the console, the emulator itself or a non-browser client, reflecting only allowed origins', async () => {
    for (const origin of ['http://localhost:4173', 'http://localhost:5173', emu.origin]) {
      const pre = await raw('/_emulator/reset', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-emulator-key' },
      });
      expect(pre.status, origin).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe(origin);
      expect(pre.headers['access-control-allow-headers']).toMatch(/X-Emulator-Key/i);
      expect(pre.headers.vary).toBe('Origin');
      const res = await reset({ Origin: origin, 'X-Emulator-Key': emu.controlKey });
      expect(res.status, origin).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
    }
    const node = await reset({ 'X-Emulator-Key': emu.controlKey });
    expect(node.status).toBe(200);
    expect(node.headers['access-control-allow-origin']).toBeUndefined();
    expect(resets).toEqual(['empty', 'empty', 'empty', 'empty']);
  });

  it('writes the key to <certDir>/control-key-<port>, readable by the user only, and removes it on close', async () => {
    const file = path.join(certDir(), `control-key-${emu.port}`);
    expect(emu.controlKeyFile).toBe(file);
    expect((await readFile(file, 'utf8')).trim()).toBe(emu.controlKey);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(emu.controlKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startEmulator({ port: 0, certDir: certDir(), engine });
    expect(other.controlKey).not.toBe(emu.controlKey);
    await other.close();
    expect(existsSync(path.join(certDir(), `control-key-${other.port}`))).toBe(false);
    expect(existsSync(file)).toBe(true);
  });

  it('takes a given key and console origins, and refuses a weak key', async () => {
    const given = 'a-given-key-of-the-test-runner-0001';
    const other = await startEmulator({ port: 0, certDir: certDir(), engine, controlKey: given, consoleOrigins: ['https://console.example:8080'], controlKeyFile: false });
    try {
      expect(other.controlKeyFile).toBeUndefined();
      const call = (origin: string) =>
        localRequest(`${other.origin}/_emulator/throttle`, { ca: other.cert, headers: { Origin: origin, 'X-Emulator-Key': given } });
      expect((await call('https://console.example:8080')).status).toBe(200);
      expect((await call('http://localhost:4173')).status).toBe(403);
    } finally {
      await other.close();
    }
    await expect(startEmulator({ port: 0, certDir: certDir(), engine, controlKey: 'short' })).rejects.toThrow(/16 to 256/);
  });

  it('compares keys by value', () => {
    expect(keyMatches('k'.repeat(20), 'k'.repeat(20))).toBe(true);
    expect(keyMatches('k'.repeat(20), 'k'.repeat(21))).toBe(false);
    expect(keyMatches('', 'k')).toBe(false);
  });
});

describe('ports and CLI', () => {
  it('startEmulator fails clearly when the port is taken', async () => {
    const first = await startEmulator({ port: 0, certDir: path.join(dir, 'cert') });
    try {
      await expect(startEmulator({ port: first.port, certDir: path.join(dir, 'cert') })).rejects.toBeInstanceOf(PortInUseError);
    } finally {
      await first.close();
    }
  });

  it('the CLI exits 1 with a clear message on a taken port and 2 on bad arguments', async () => {
    const certDir = path.join(dir, 'cert');
    const blocker = await startEmulator({ port: 0, certDir });
    try {
      const taken = await runCliInProcess(['--port', String(blocker.port), '--cert-dir', certDir, '--quiet']);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain(`Port ${blocker.port} is already in use`);
    } finally {
      await blocker.close();
    }
    const badArgs = await runCliInProcess(['--seed', 'huge']);
    expect(badArgs.code).toBe(2);
    expect(badArgs.stderr).toContain('--seed must be default, large or empty');
    expect(badArgs.stderr).toContain('Usage:');
    expect(parseArgs(['--port=9443', '--throttle', 'off', '--token-lifetime', '300', '--state', 's.json'])).toMatchObject({
      port: 9443,
      throttle: false,
      accessTokenLifetimeSec: 300,
      stateFile: 's.json',
    });
    expect(parseArgs(['--console-origin', 'http://localhost:3000', '--console-origin=https://console.example']).consoleOrigins).toEqual([
      'http://localhost:3000',
      'https://console.example',
    ]);
    expect(() => parseArgs(['--console-origin', 'http://localhost:3000/app'])).toThrow(/--console-origin/);
    expect(() => parseArgs(['--console-origin', 'localhost:3000'])).toThrow(/--console-origin/);
    expect(parseArgs(['--redirect-uri', 'http://localhost:4174/redirect.html', '--redirect-uri=http://localhost:4175/redirect.html']).redirectUris).toEqual([
      'http://localhost:4174/redirect.html',
      'http://localhost:4175/redirect.html',
    ]);
    expect(() => parseArgs(['--redirect-uri', 'localhost:4174/redirect.html'])).toThrow(/--redirect-uri/);
    expect(() => parseArgs(['--port', '99999'])).toThrow(/--port/);
    expect(() => parseArgs(['--bogus'])).toThrow(/Unknown argument/);
  });

  it('the CLI process serves, prints its URLs and key file, takes EMULATOR_CONTROL_KEY and saves state on SIGTERM', async () => {
    const stateFile = path.join(dir, 'cli-state.json');
    const key = 'cli-test-key-0123456789abcdef';
    const args = ['--port', '0', '--cert-dir', path.join(dir, 'cert'), '--state', stateFile, '--quiet'];
    const served = await runCli(args, { EMULATOR_CONTROL_KEY: key }, async (out) => {
      const origin = /Origin\s+(https:\/\/localhost:\d+)/.exec(out)?.[1];
      expect(origin).toBeTruthy();
      expect(out).toContain(`Graph base        ${origin}/beta`);
      expect(out).toMatch(/Authority\s+https:\/\/localhost:\d+\/[0-9a-f-]{36}/);
      expect(out).toContain('openid-configuration');
      expect(out).toContain('megan.bowen@contoso.example');
      expect(out).toContain('client secret');
      expect(out).toContain('certificate warning');
      expect(out).toContain('X-Emulator-Key');
      const keyFile = /Control key file\s+(\S+)/.exec(out)?.[1] ?? '';
      expect(keyFile).toBe(path.join(dir, 'cert', `control-key-${new URL(origin ?? '').port}`));
      expect((await readFile(keyFile, 'utf8')).trim()).toBe(key);
      expect(out).not.toContain(key);
      expect((await localRequest(`${origin}/_emulator/throttle`)).status).toBe(401);
      expect((await localRequest(`${origin}/_emulator/throttle`, { headers: { 'X-Emulator-Key': key } })).status).toBe(200);
    });
    expect(served.code).toBe(0);
    expect(existsSync(stateFile)).toBe(true);
    const keyFile = /Control key file\s+(\S+)/.exec(served.stdout)?.[1] ?? '';
    expect(existsSync(keyFile), 'the key file is removed on stop').toBe(false);
  });
});

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

async function runCliInProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  try {
    await main(args, {
      log: (l) => (stdout += `${l}\n`),
      error: (l) => (stderr += `${l}\n`),
      exit: (code) => {
        throw new Exit(code);
      },
    });
  } catch (e) {
    if (e instanceof Exit) return { code: e.code, stdout, stderr };
    throw e;
  }
  return { code: null, stdout, stderr };
}

/**
 * Runs the CLI. With `whileServing`, waits for its banner, runs the check,
 * then stops it with SIGTERM.
 */
function runCli(
  args: string[],
  env: Record<string, string>,
  whileServing?: (stdout: string) => Promise<void>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    let checked = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (whileServing && !checked && stdout.includes('Press Ctrl+C')) {
        checked = true;
        whileServing(stdout).then(
          () => child.kill('SIGTERM'),
          (e: unknown) => {
            child.kill('SIGKILL');
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
