/**
 * Intune's documented Graph throttling for this area, over a sliding window
 * (20 s): writes 200 per tenant and 100 per app per tenant; all requests
 * 2000 per tenant and 1000 per app per tenant. A request over any limit is
 * refused with a Retry-After (whole seconds, ≥ 1) and consumes no quota.
 */

export interface ThrottleConfig {
  enabled: boolean;
  windowMs: number;
  tenantWrites: number;
  appWrites: number;
  tenantAll: number;
  appAll: number;
}

export const DEFAULT_THROTTLE: Readonly<ThrottleConfig> = Object.freeze({
  enabled: true,
  windowMs: 20_000,
  tenantWrites: 200,
  appWrites: 100,
  tenantAll: 2000,
  appAll: 1000,
});

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSec: number; limit: keyof Omit<ThrottleConfig, 'enabled' | 'windowMs'> };

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export function isWrite(method: string): boolean {
  return WRITE_METHODS.has(method.toUpperCase());
}

/** Timestamps of admitted requests in one bucket, oldest first. */
class Bucket {
  private times: number[] = [];
  private head = 0;

  count(now: number, windowMs: number): number {
    const cutoff = now - windowMs;
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  /** When enough entries will have left the window for the count to drop below `limit`. */
  freesAt(limit: number, windowMs: number): number {
    const active = this.times.length - this.head;
    const index = this.head + Math.max(0, active - limit);
    return (this.times[index] ?? 0) + windowMs;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

export class Throttle {
  private config: ThrottleConfig;
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly defaults: ThrottleConfig = { ...DEFAULT_THROTTLE },
    private readonly now: () => number = Date.now,
  ) {
    this.config = { ...defaults };
  }

  getConfig(): ThrottleConfig {
    return { ...this.config };
  }

  /** Applies a partial config and starts counting afresh. Throws on invalid values. */
  setConfig(patch: Partial<ThrottleConfig>): ThrottleConfig {
    const next = { ...this.config, ...patch };
    validate(next);
    this.config = next;
    this.buckets.clear();
    return this.getConfig();
  }

  /** Back to the startup configuration, with empty counters. */
  reset(): void {
    this.config = { ...this.defaults };
    this.buckets.clear();
  }

  /** Decides and, when allowed, counts one request. */
  admit(tenantId: string, appId: string, method: string): ThrottleDecision {
    const c = this.config;
    if (!c.enabled) return { allowed: true };
    const now = this.now();
    const write = isWrite(method);
    const checks: { key: string; limit: number; name: keyof Omit<ThrottleConfig, 'enabled' | 'windowMs'> }[] = [
      { key: `t:${tenantId}:all`, limit: c.tenantAll, name: 'tenantAll' },
      { key: `a:${tenantId}:${appId}:all`, limit: c.appAll, name: 'appAll' },
    ];
    if (write) {
      checks.push(
        { key: `t:${tenantId}:w`, limit: c.tenantWrites, name: 'tenantWrites' },
        { key: `a:${tenantId}:${appId}:w`, limit: c.appWrites, name: 'appWrites' },
      );
    }
    let refusal: { freesAt: number; name: keyof Omit<ThrottleConfig, 'enabled' | 'windowMs'> } | null = null;
    for (const check of checks) {
      const bucket = this.bucket(check.key);
      if (bucket.count(now, c.windowMs) >= check.limit) {
        const freesAt = bucket.freesAt(check.limit, c.windowMs);
        if (!refusal || freesAt > refusal.freesAt) refusal = { freesAt, name: check.name };
      }
    }
    if (refusal) {
      return { allowed: false, limit: refusal.name, retryAfterSec: Math.max(1, Math.ceil((refusal.freesAt - now) / 1000)) };
    }
    for (const check of checks) this.bucket(check.key).add(now);
    return { allowed: true };
  }

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = new Bucket();
      this.buckets.set(key, b);
    }
    return b;
  }
}

function validate(c: ThrottleConfig): void {
  if (typeof c.enabled !== 'boolean') throw new Error('enabled must be a boolean');
  for (const k of ['windowMs', 'tenantWrites', 'appWrites', 'tenantAll', 'appAll'] as const) {
    const v = c[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < (k === 'windowMs' ? 1 : 0)) {
      throw new Error(`${k} must be a ${k === 'windowMs' ? 'positive' : 'non-negative'} integer`);
    }
  }
}
