/**
 * `/deviceManagement/managedDevices` (list and get, read-only): the tenant's
 * Intune-managed fleet, so the console can count Windows devices for
 * all-devices assignments with
 * `GET /deviceManagement/managedDevices?$filter=operatingSystem eq 'Windows'&$top=1&$count=true`
 * (`@odata.count`). `/managedDevices/$count` is refused as Graph refuses it.
 *
 * The fleet is fixed (not part of the state): the Windows devices are the
 * members of the two "All Windows …" groups; iOS and Android devices are the
 * POS and warehouse tablets. Rows are generated once, deterministically.
 */
import type { GraphResponse } from '../types.ts';
import { getEntity, listEntities } from './collection.ts';
import type { SetConfig } from './collection.ts';
import type { Ctx } from './context.ts';
import { intuneDate } from './context.ts';
import { DAY, SEED_BASE_DATE, between } from './device-generator.ts';
import { notFound } from './errors.ts';
import { noCountRoute, requireManagedDevicesRead } from './fleet-permissions.ts';
import type { Row } from './odata.ts';
import { Prng } from './prng.ts';
import { MANAGED_DEVICE_SPEC } from './schema-fleet.ts';
import { deviceName, GROUPS, userName } from './seed-data.ts';

export const MANAGED_DEVICES_FRAGMENT = 'deviceManagement/managedDevices';
const CONFIG: SetConfig = { spec: MANAGED_DEVICE_SPEC, fragment: MANAGED_DEVICES_FRAGMENT };

function groupSize(name: string): number {
  const g = GROUPS.find((x) => x.name === name);
  if (!g) throw new Error(`unknown group '${name}'`);
  return g.devices ?? g.members;
}

interface FleetSlice {
  os: 'Windows' | 'iOS' | 'Android';
  count: number;
  osVersions: readonly string[];
  models: readonly (readonly [string, string])[];
  enrollment: string;
}

/** The managed fleet by platform. Windows = the two "All Windows …" device groups. */
export const FLEET: readonly FleetSlice[] = [
  {
    os: 'Windows',
    count: groupSize('All Windows 11 laptops') + groupSize('All Windows 10 devices'),
    osVersions: ['10.0.26100.2605', '10.0.22631.4602', '10.0.19045.5247'],
    models: [
      ['Microsoft Corporation', 'Surface Pro 10 for Business with 5G'],
      ['Microsoft Corporation', 'Surface Laptop 6'],
      ['LENOVO', 'ThinkPad X1 Carbon Gen 12'],
      ['Dell Inc.', 'Latitude 5450'],
      ['HP', 'HP EliteBook 840 G11'],
    ],
    enrollment: 'windowsAzureADJoin',
  },
  { os: 'iOS', count: groupSize('Retail stores – POS tablets'), osVersions: ['18.1.1', '17.7'], models: [['Apple', 'iPad (10th generation)']], enrollment: 'appleBulkWithoutUser' },
  { os: 'Android', count: groupSize('Shared devices – Warehouse Rotterdam'), osVersions: ['14', '13'], models: [['Zebra Technologies', 'ET45']], enrollment: 'androidEnterpriseDedicatedDevice' },
];

export function windowsDeviceCount(): number {
  return FLEET.find((f) => f.os === 'Windows')?.count ?? 0;
}

let cache: Row[] | undefined;

export function managedDeviceRows(): readonly Row[] {
  if (cache) return cache;
  const rng = new Prng(0xf1ee7);
  const rows: Row[] = [];
  for (const slice of FLEET) {
    for (let i = 0; i < slice.count; i++) {
      const [manufacturer, model] = rng.pick(slice.models);
      const enrolled = between(rng, SEED_BASE_DATE - 720 * DAY, SEED_BASE_DATE - 2 * DAY);
      const upn = slice.os === 'Windows' ? userName(rng) : null;
      rows.push({
        id: rng.guid(),
        userId: upn === null ? null : rng.guid(),
        deviceName: slice.os === 'Windows' ? deviceName(rng) : `${slice.os === 'iOS' ? 'POS' : 'WH'}-${String(i + 1).padStart(4, '0')}`,
        managedDeviceOwnerType: 'company',
        enrolledDateTime: intuneDate(enrolled),
        lastSyncDateTime: intuneDate(between(rng, Math.max(enrolled, SEED_BASE_DATE - (rng.chance(0.05) ? 60 : 7) * DAY), SEED_BASE_DATE)),
        operatingSystem: slice.os,
        complianceState: rng.chance(0.92) ? 'compliant' : 'noncompliant',
        managementAgent: 'mdm',
        osVersion: rng.pick(slice.osVersions),
        azureADDeviceId: rng.guid(),
        deviceEnrollmentType: slice.enrollment,
        model,
        manufacturer,
        serialNumber: rng.chars(12, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'),
        userPrincipalName: upn,
        userDisplayName: upn === null ? null : upn.split('@')[0]?.split('.').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') ?? null,
      });
    }
  }
  cache = rows;
  return rows;
}

export function listManagedDevices(ctx: Ctx): GraphResponse {
  requireManagedDevicesRead(ctx.req.principal);
  return listEntities(ctx.req, managedDeviceRows(), CONFIG);
}

export function countManagedDevices(ctx: Ctx): GraphResponse {
  requireManagedDevicesRead(ctx.req.principal);
  throw noCountRoute('/DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices/$count');
}

export function getManagedDevice(ctx: Ctx, id: string): GraphResponse {
  requireManagedDevicesRead(ctx.req.principal);
  const row = managedDeviceRows().find((r) => String(r['id']).toLowerCase() === id.toLowerCase());
  if (!row) throw notFound(`The managedDevice with id '${id}' was not found.`);
  return getEntity(ctx.req, row, CONFIG);
}
