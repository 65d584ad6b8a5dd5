/**
 * The tenant's state: pools (with their assignments and device states) and
 * directory groups, plus the indexes that enforce the service's uniqueness
 * rules (one pool per SM-DP+ address, an ICCID in at most one pool).
 */
import type { AuditEventRecord } from './audit.ts';
import { IccidIndex } from './iccid.ts';
import type { GroupRecord, PoolRecord } from './model.ts';

export interface StoreData {
  pools: PoolRecord[];
  groups: GroupRecord[];
  /** Intune audit events, in the order they were recorded (absent: none). */
  auditEvents?: AuditEventRecord[];
}

export class Store {
  private readonly poolMap = new Map<string, PoolRecord>();
  private readonly groupMap = new Map<string, GroupRecord>();
  private readonly smdpIndex = new Map<string, string>();
  private readonly iccidIndex = new IccidIndex();
  /** Audit events in wire shape; writes append (see audit.ts). */
  readonly auditEvents: AuditEventRecord[];

  /** Builds a store; throws when the data breaks a uniqueness rule. */
  constructor(data: StoreData) {
    this.auditEvents = data.auditEvents ?? [];
    for (const group of data.groups) {
      const key = group.id.toLowerCase();
      if (this.groupMap.has(key)) throw new Error(`duplicate group id '${group.id}'`);
      this.groupMap.set(key, group);
    }
    // Ranges first: the index checks later explicit ICCIDs against them.
    const ordered = [...data.pools.filter((p) => p.iccids.kind === 'range'), ...data.pools.filter((p) => p.iccids.kind === 'list')];
    for (const pool of ordered) {
      const clash = this.addPool(pool);
      if (clash) throw new Error(clash);
    }
    // Keep the caller's pool order (the indexes above do not depend on it).
    const byOrder = new Map<string, PoolRecord>();
    for (const pool of data.pools) byOrder.set(pool.id.toLowerCase(), pool);
    this.poolMap.clear();
    for (const [k, v] of byOrder) this.poolMap.set(k, v);
  }

  pools(): PoolRecord[] {
    return [...this.poolMap.values()];
  }

  poolCount(): number {
    return this.poolMap.size;
  }

  getPool(id: string): PoolRecord | undefined {
    return this.poolMap.get(id.toLowerCase());
  }

  groups(): GroupRecord[] {
    return [...this.groupMap.values()];
  }

  getGroup(id: string): GroupRecord | undefined {
    return this.groupMap.get(id.toLowerCase());
  }

  /** The pool that already serves an SM-DP+ address (compared case-insensitively, as DNS names are). */
  poolForSmdp(address: string): string | undefined {
    return this.smdpIndex.get(address.toLowerCase());
  }

  poolForIccid(iccid: string): string | undefined {
    return this.iccidIndex.lookup(iccid);
  }

  /** Adds a pool, or returns why it cannot be added (nothing changes then). */
  addPool(pool: PoolRecord): string | undefined {
    const key = pool.id.toLowerCase();
    if (this.poolMap.has(key)) return `duplicate pool id '${pool.id}'`;
    const smdpOwner = this.poolForSmdp(pool.smdpPlusServerAddress);
    if (smdpOwner !== undefined) return `SM-DP+ address '${pool.smdpPlusServerAddress}' is used by pools '${smdpOwner}' and '${pool.id}'`;
    const clash = this.iccidIndex.add(pool.id, pool.iccids);
    if (clash) return `ICCID ${clash.iccid} is in pools '${clash.owner}' and '${pool.id}'`;
    this.poolMap.set(key, pool);
    this.smdpIndex.set(pool.smdpPlusServerAddress.toLowerCase(), pool.id);
    return undefined;
  }

  removePool(id: string): PoolRecord | undefined {
    const pool = this.getPool(id);
    if (!pool) return undefined;
    this.poolMap.delete(pool.id.toLowerCase());
    this.smdpIndex.delete(pool.smdpPlusServerAddress.toLowerCase());
    this.iccidIndex.remove(pool.id, pool.iccids);
    return pool;
  }

  data(): StoreData {
    return { pools: this.pools(), groups: this.groups(), auditEvents: this.auditEvents };
  }
}
