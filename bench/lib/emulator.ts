/**
 * The bundled emulator, started in this process, and a small client for its
 * test-only control API (`/_emulator/*`), which needs the emulator's
 * per-start key in `X-Emulator-Key` (known here from the running emulator).
 */
import { CONTROL_KEY_HEADER, USERS } from '../../emulator/constants.ts';
import type { RequestLogEntry } from '../../emulator/control.ts';
import { startEmulator, type RunningEmulator, type SeedName } from '../../emulator/server.ts';
import type { ThrottleConfig } from '../../emulator/throttle.ts';

export const ADMIN_USERNAME = USERS[0]?.username ?? 'megan.bowen@contoso.example';
export const ADMIN_NAME = USERS[0]?.name ?? 'Megan Bowen';

/** The emulator's own types for its throttle settings and request log (the control API answers with them). */
export type { RequestLogEntry } from '../../emulator/control.ts';
export type { ThrottleConfig } from '../../emulator/throttle.ts';

/**
 * The emulator's certificate is self-signed. Node's global fetch (used by the
 * control client below and by src/graph/client.ts in the upload and
 * assignment benchmarks) would refuse it, so run.ts turns TLS verification
 * off for the whole bench process. This is acceptable ONLY because the bench
 * talks to nothing but the local emulator on localhost; never copy it into
 * product code.
 */
export function trustLocalEmulatorCertificate(): void {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  // Node warns once about the setting; the comment above is the explanation, so keep the output clean.
  const original = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.includes('NODE_TLS_REJECT_UNAUTHORIZED')) return;
    (original as (w: string | Error, ...r: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}

export class EmulatorControl {
  constructor(
    readonly origin: string,
    private readonly key: string,
  ) {}

  private async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.origin}/_emulator/${route}`, {
      method,
      headers: { [CONTROL_KEY_HEADER]: this.key, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /_emulator/${route}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async reset(seed: SeedName): Promise<void> {
    await this.call('POST', 'reset', { seed });
  }

  throttle(): Promise<ThrottleConfig> {
    return this.call<ThrottleConfig>('GET', 'throttle');
  }

  /** Applies settings; the emulator also starts counting afresh. */
  setThrottle(settings: Partial<ThrottleConfig>): Promise<ThrottleConfig> {
    return this.call<ThrottleConfig>('PUT', 'throttle', settings);
  }

  async token(username = ADMIN_USERNAME): Promise<string> {
    const body = await this.call<{ access_token: string }>('POST', 'token', { username });
    return body.access_token;
  }

  /** The emulator's whole state (GET /_emulator/state), to change and put back. */
  state(): Promise<Record<string, unknown>> {
    return this.call<Record<string, unknown>>('GET', 'state');
  }

  async setState(snapshot: unknown): Promise<void> {
    await this.call('PUT', 'state', snapshot);
  }

  async requests(): Promise<RequestLogEntry[]> {
    const body = await this.call<{ value: RequestLogEntry[] }>('GET', 'requests');
    return body.value;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }
}

/**
 * When the writes of a run were served, relative to `startedAtEpochMs`: the
 * shape of a throttled run (first window's writes, the wait, the rest).
 */
export function writeTimeline(entries: readonly RequestLogEntry[], startedAtEpochMs: number, windowWrites: number): string {
  const at = (e: RequestLogEntry | undefined) => (e ? ((Date.parse(e.time) - startedAtEpochMs) / 1000).toFixed(1) : '?');
  const writes = entries.filter((e) => e.method !== 'GET' && e.status !== 429);
  const throttled = entries.filter((e) => e.status === 429);
  const first = writes.slice(0, windowWrites);
  const rest = writes.slice(windowWrites);
  let text = `writes 1–${first.length} served ${at(first[0])}–${at(first[first.length - 1])} s`;
  if (throttled.length) text += `; 429s ${at(throttled[0])}–${at(throttled[throttled.length - 1])} s`;
  if (rest.length) text += `; writes ${windowWrites + 1}–${writes.length} served ${at(rest[0])}–${at(rest[rest.length - 1])} s`;
  return text;
}

export interface BenchEmulator {
  emulator: RunningEmulator;
  control: EmulatorControl;
}

/** `log`: the emulator's own line per request (method, redacted path, status, ms), for counting every request of a long run. */
export async function startBenchEmulator(opts: { port: number; seed: SeedName; throttle: boolean; log?: (line: string) => void }): Promise<BenchEmulator> {
  const emulator = await startEmulator({ port: opts.port, seed: opts.seed, throttle: opts.throttle, ...(opts.log ? { log: opts.log } : {}) });
  return { emulator, control: new EmulatorControl(emulator.origin, emulator.controlKey) };
}

/** The parts of a running emulator the browser benchmarks use, wherever it runs. */
export interface EmulatorHandle {
  origin: string;
  close(): Promise<void>;
}

export interface BrowserBenchEmulator {
  emulator: EmulatorHandle;
  control: EmulatorControl;
}

/**
 * The emulator in a process of its own (`emulator/cli.ts`), as Graph is a
 * server of its own: in the bench's process it would share one event loop
 * with `vite preview` and Playwright, and a page loading 15 chunks would
 * slow its own Graph responses, a cost no deployment has.
 */
export async function startEmulatorProcess(opts: { port: number; seed: SeedName; throttle: boolean }): Promise<BrowserBenchEmulator> {
  const { spawn } = await import('node:child_process');
  const { randomBytes } = await import('node:crypto');
  const path = await import('node:path');
  const key = randomBytes(24).toString('hex');
  const root = path.resolve(import.meta.dirname, '..', '..');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'emulator', 'cli.ts'), '--port', String(opts.port), '--seed', opts.seed, '--throttle', opts.throttle ? 'on' : 'off', '--quiet'],
    { cwd: root, env: { ...process.env, EMULATOR_CONTROL_KEY: key }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const origin = `https://localhost:${opts.port}`;
  const control = new EmulatorControl(origin, key);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the emulator exited (${child.exitCode}): ${stderr.trim().slice(0, 300)}`);
    try {
      await control.throttle();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`the emulator did not answer on ${origin} within 60 s: ${stderr.trim().slice(0, 300)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    control,
    emulator: {
      origin,
      async close() {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      },
    },
  };
}
