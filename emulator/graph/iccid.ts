/** ICCID helpers: Luhn check digits, compact ranges and a clash index. */
import type { IccidRange, IccidSet } from './model.ts';

export const RANGE_PREFIX_LENGTH = 13;
export const RANGE_SERIAL_WIDTH = 6;
export const RANGE_MAX_SERIAL = 10 ** RANGE_SERIAL_WIDTH;

/** Luhn check digit for a string of digits (the digit to append). */
export function luhnDigit(digits: string): number {
  let sum = 0;
  let double = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

export function rangeIccid(range: IccidRange, index: number): string {
  const body = range.prefix + String(range.start + index).padStart(RANGE_SERIAL_WIDTH, '0');
  return body + String(luhnDigit(body));
}

export function iccidSetSize(set: IccidSet): number {
  return set.kind === 'list' ? set.iccids.length : set.ranges.reduce((n, r) => n + r.count, 0);
}

/** Every ICCID of a set, in order (materialises: use only for small sets). */
export function* iterateIccids(set: IccidSet): Generator<string> {
  if (set.kind === 'list') {
    yield* set.iccids;
    return;
  }
  for (const r of set.ranges) for (let i = 0; i < r.count; i++) yield rangeIccid(r, i);
}

interface RangeEntry {
  poolId: string;
  start: number;
  end: number; // exclusive
}

/** Which pool holds an ICCID, across explicit lists and compact ranges. */
export class IccidIndex {
  private readonly explicit = new Map<string, string>();
  private readonly ranges = new Map<string, RangeEntry[]>();

  lookup(iccid: string): string | undefined {
    const owner = this.explicit.get(iccid);
    if (owner !== undefined) return owner;
    if (iccid.length !== RANGE_PREFIX_LENGTH + RANGE_SERIAL_WIDTH + 1) return undefined;
    const entries = this.ranges.get(iccid.slice(0, RANGE_PREFIX_LENGTH));
    if (!entries) return undefined;
    const body = iccid.slice(0, -1);
    if (luhnDigit(body) !== Number(iccid.slice(-1))) return undefined;
    const serial = Number(iccid.slice(RANGE_PREFIX_LENGTH, -1));
    return entries.find((e) => serial >= e.start && serial < e.end)?.poolId;
  }

  /** Adds a pool's ICCIDs; returns the first clash (ICCID and owner) instead of adding, if any. */
  add(poolId: string, set: IccidSet): { iccid: string; owner: string } | undefined {
    if (set.kind === 'list') {
      for (const iccid of set.iccids) {
        const owner = this.lookup(iccid);
        if (owner !== undefined) return { iccid, owner };
      }
      for (const iccid of set.iccids) this.explicit.set(iccid, poolId);
      return undefined;
    }
    for (const r of set.ranges) {
      const overlap = this.ranges.get(r.prefix)?.find((e) => r.start < e.end && e.start < r.start + r.count);
      if (overlap) return { iccid: rangeIccid(r, Math.max(0, overlap.start - r.start)), owner: overlap.poolId };
    }
    for (const r of set.ranges) {
      const list = this.ranges.get(r.prefix) ?? [];
      list.push({ poolId, start: r.start, end: r.start + r.count });
      this.ranges.set(r.prefix, list);
    }
    return undefined;
  }

  remove(poolId: string, set: IccidSet): void {
    if (set.kind === 'list') {
      for (const iccid of set.iccids) if (this.explicit.get(iccid) === poolId) this.explicit.delete(iccid);
      return;
    }
    for (const r of set.ranges) {
      const list = this.ranges.get(r.prefix);
      if (!list) continue;
      const kept = list.filter((e) => e.poolId !== poolId);
      if (kept.length > 0) this.ranges.set(r.prefix, kept);
      else this.ranges.delete(r.prefix);
    }
  }
}
