/**
 * What a test seeds into the fake Graph (src/testing/fake-graph.ts), as the
 * emulator engine's records: pools with assignments and device states, groups.
 */
import { blankDeviceState } from '../../emulator/graph/device-states.ts';
import type { AssignmentRecord, DeviceStateRecord, GroupRecord, PoolRecord, TargetRecord } from '../../emulator/graph/model.ts';

const ALL_DEVICES_ID = 'adadadad-808e-44e2-905a-0b7873a8a531';
const DEFAULT_DATE = '2026-01-05T10:00:00Z';

export type SeedTarget =
  | { include: string; filterId?: string; filterType?: 'include' | 'exclude' }
  | { exclude: string }
  | { allDevices: true; filterId?: string; filterType?: 'include' | 'exclude' };

export interface SeedPool {
  id?: string;
  displayName: string;
  /** Default 1. */
  activationCodeCount?: number;
  createdDateTime?: string;
  modifiedDateTime?: string;
  /** Default: one per pool (Intune allows one pool per SM-DP+ address). */
  smdpPlusServerAddress?: string;
  /** Assignment targets; a group not seeded is one deleted from the directory (Intune keeps the assignment). */
  assignments?: (SeedTarget & { id?: string })[];
  deviceStates?: (Partial<DeviceStateRecord> & { id: string })[];
}

export interface SeedGroup {
  id: string;
  displayName: string;
  memberCount?: number;
  deviceMemberCount?: number;
  description?: string | null;
}

export function target(t: SeedTarget): TargetRecord {
  const filter = (f: { filterId?: string; filterType?: 'include' | 'exclude' }): Pick<TargetRecord, 'deviceAndAppManagementAssignmentFilterId' | 'deviceAndAppManagementAssignmentFilterType'> => ({
    deviceAndAppManagementAssignmentFilterId: f.filterId ?? null,
    deviceAndAppManagementAssignmentFilterType: f.filterType ?? 'none',
  });
  if ('include' in t) return { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: t.include, ...filter(t) };
  if ('exclude' in t) return { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: t.exclude, ...filter({}) };
  return { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget', ...filter(t) };
}

export function groupRecord(g: SeedGroup): GroupRecord {
  return {
    id: g.id,
    displayName: g.displayName,
    description: g.description ?? null,
    createdDateTime: DEFAULT_DATE,
    groupTypes: [],
    mailEnabled: false,
    mailNickname: g.id,
    membershipRule: null,
    membershipRuleProcessingState: null,
    securityEnabled: true,
    memberCount: g.memberCount ?? 0,
    deviceMemberCount: g.deviceMemberCount ?? g.memberCount ?? 0,
  };
}

/** The engine's record of a seeded pool; `serial` gives it its own SM-DP+ address and ICCID block. */
export function poolRecord(p: SeedPool, serial: number): PoolRecord {
  const id = p.id ?? `pool-${serial}`;
  const count = p.activationCodeCount ?? 1;
  const assignments: AssignmentRecord[] = (p.assignments ?? []).map((a) => {
    const t = target(a);
    return { id: a.id ?? `${id}_${t.groupId ?? ALL_DEVICES_ID}`, target: t };
  });
  return {
    id,
    displayName: p.displayName,
    createdDateTime: p.createdDateTime ?? DEFAULT_DATE,
    modifiedDateTime: p.modifiedDateTime ?? p.createdDateTime ?? DEFAULT_DATE,
    smdpPlusServerAddress: p.smdpPlusServerAddress ?? `smdp.fake-pool-${serial}.example.com`,
    // Compact ICCIDs, a block of its own per pool (an ICCID is in at most one pool).
    iccids: { kind: 'range', ranges: [{ prefix: `8999${String(serial).padStart(9, '0')}`, start: 0, count }] },
    activationCodeCount: count,
    assignments,
    deviceStates: (p.deviceStates ?? []).map((d) => ({ ...blankDeviceState(d.id, DEFAULT_DATE), ...d })),
  };
}
