import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphEngine, SeedName } from './graph/engine.ts';
import { main, parseArgs } from './cli.ts';
import { localRequest, type LocalRequestOptions } from './http.ts';
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
  const call = (p: string, opts: LocalRequestOptions = {}) => localRequest(`${emu.origin}${p}`, { ca: emu.cert, ...opts });
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

  it('lists its endpoints, answers CORS preflights and 404s unknown ones', async () => {
    expect((await call('/_emulator')).json<{ endpoints: string[] }>().endpoints.length).toBeGreaterThan(5);
    const pre = await call('/_emulator/faults', { method: 'OPTIONS', headers: { Origin: 'http://localhost:4173', 'Access-Control-Request-Method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect((await call('/_emulator/nope')).status).toBe(404);
    expect((await call('/_emulator/throttle', { method: 'DELETE' })).status).toBe(405);
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
    expect(() => parseArgs(['--port', '99999'])).toThrow(/--port/);
    expect(() => parseArgs(['--bogus'])).toThrow(/Unknown argument/);
  });

  it('the CLI process serves, prints its URLs and saves state on SIGTERM', async () => {
    const stateFile = path.join(dir, 'cli-state.json');
    const served = await runCli(['--port', '0', '--cert-dir', path.join(dir, 'cert'), '--state', stateFile, '--quiet'], async (out) => {
      const origin = /Origin\s+(https:\/\/localhost:\d+)/.exec(out)?.[1];
      expect(origin).toBeTruthy();
      expect(out).toContain(`Graph base        ${origin}/beta`);
      expect(out).toMatch(/Authority\s+https:\/\/localhost:\d+\/[0-9a-f-]{36}/);
      expect(out).toContain('openid-configuration');
      expect(out).toContain('megan.bowen@contoso.example');
      expect(out).toContain('client secret');
      expect(out).toContain('certificate warning');
      expect((await localRequest(`${origin}/_emulator/throttle`)).status).toBe(200);
    });
    expect(served.code).toBe(0);
    expect(existsSync(stateFile)).toBe(true);
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
function runCli(args: string[], whileServing?: (stdout: string) => Promise<void>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: path.resolve(import.meta.dirname, '..') });
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
