/** Reading the emulator's Graph state (as the admin, outside the UI) to assert a flow's end state. */
import type { EmulatorControl } from '../support.ts';

export const POOLS = '/deviceManagement/embeddedSIMActivationCodePools';
export const GROUP = '#microsoft.graph.groupAssignmentTarget';
export const EXCLUSION = '#microsoft.graph.exclusionGroupAssignmentTarget';

export interface PoolRow {
  id: string;
  displayName: string;
  activationCodeCount: number;
}

export interface Assignment {
  id: string;
  target: { '@odata.type': string; groupId?: string; deviceAndAppManagementAssignmentFilterId?: string | null };
}

export interface DeviceState {
  id: string;
  deviceName: string | null;
  state: string;
}

export class GraphState {
  constructor(private readonly emulator: EmulatorControl) {}

  /** Every item of a Graph collection (path below /beta), following nextLinks. */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const page: { value: T[]; '@odata.nextLink'?: string } = await this.emulator.graph('GET', next);
      items.push(...page.value);
      const link = page['@odata.nextLink'];
      next = link ? link.slice(link.indexOf('/beta/') + '/beta'.length) : undefined;
    }
    return items;
  }

  async pools(): Promise<PoolRow[]> {
    return this.all<PoolRow>(`${POOLS}?$select=id,displayName,activationCodeCount&$top=999`);
  }

  async pool(id: string): Promise<PoolRow> {
    return this.emulator.graph<PoolRow>('GET', `${POOLS}/${id}?$select=id,displayName,activationCodeCount`);
  }

  async deviceStatesOf(poolId: string): Promise<DeviceState[]> {
    return this.all<DeviceState>(`${POOLS}/${poolId}/deviceStates`);
  }

  async poolsNamed(name: string): Promise<PoolRow[]> {
    return (await this.pools()).filter((p) => p.displayName === name);
  }

  async assignmentsOf(poolId: string): Promise<Assignment[]> {
    return (await this.emulator.graph<{ value: Assignment[] }>('GET', `${POOLS}/${poolId}/assignments`)).value;
  }

  /** `type groupId` per assignment, sorted: compare intended and stored sets. */
  async targetsOf(poolId: string): Promise<string[]> {
    return (await this.assignmentsOf(poolId)).map((a) => `${a.target['@odata.type']} ${a.target.groupId ?? ''}`).sort();
  }

  async groupId(name: string): Promise<string> {
    const r = await this.emulator.graph<{ value: { id: string }[] }>('GET', `/groups?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`);
    const id = r.value[0]?.id;
    if (!id) throw new Error(`no group ${name}`);
    return id;
  }

  /** A seeded pool with no assignments. */
  async unassignedPool(): Promise<PoolRow> {
    for (const p of await this.pools()) if ((await this.assignmentsOf(p.id)).length === 0) return p;
    throw new Error('the seed has no unassigned pool');
  }

  /** A seeded pool that devices use. */
  async poolWithDevices(): Promise<PoolRow> {
    for (const p of await this.pools()) {
      const r = await this.emulator.graph<{ value: unknown[] }>('GET', `${POOLS}/${p.id}/deviceStates?$select=id&$top=1`);
      if (r.value.length > 0) return p;
    }
    throw new Error('the seed has no pool with devices');
  }
}
