/**
 * The bundled emulator, started in this process, and a small client for its
 * test-only control API (`/_emulator/*`), which needs the emulator's
 * per-start key in `X-Emulator-Key` (known here from the running emulator).
 */
import { CONTROL_KEY_HEADER, USERS } from '../../emulator/constants.ts';
import { startEmulator, type RunningEmulator, type SeedName } from '../../emulator/server.ts';

export const ADMIN_USERNAME = USERS[0]?.username ?? 'megan.bowen@contoso.example';
export const ADMIN_NAME = USERS[0]?.name ?? 'Megan Bowen';

export interface ThrottleSettings {
  enabled: boolean;
  windowMs: number;
  tenantWrites: number;
  appWrites: number;
  tenantAll: number;
  appAll: number;
}

export interface RequestLogEntry {
  /** ISO time the response finished. */
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
}

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

  throttle(): Promise<ThrottleSettings> {
    return this.call<ThrottleSettings>('GET', 'throttle');
  }

  /** Applies settings; the emulator also starts counting afresh. */
  setThrottle(settings: Partial<ThrottleSettings>): Promise<ThrottleSettings> {
    return this.call<ThrottleSettings>('PUT', 'throttle', settings);
  }

  async token(username = ADMIN_USERNAME): Promise<string> {
    const body = await this.call<{ access_token: string }>('POST', 'token', { username });
    return body.access_token;
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

export async function startBenchEmulator(opts: { port: number; seed: SeedName; throttle: boolean }): Promise<BenchEmulator> {
  const emulator = await startEmulator({ port: opts.port, seed: opts.seed, throttle: opts.throttle });
  return { emulator, control: new EmulatorControl(emulator.origin, emulator.controlKey) };
}
