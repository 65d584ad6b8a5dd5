/**
 * Fictional but realistic data for the seeds: carriers with SM-DP+ hosts,
 * device groups, device and user names, stateDetails texts built on the
 * Windows eUICCs CSP error names. (Contoso Mobile and Fabrikam Telecom are
 * the sample-CSV carriers and deliberately absent.)
 */
import { TENANT_DOMAIN } from '../constants.ts';
import type { DeviceStateValue } from './model.ts';
import type { Prng } from './prng.ts';

export interface Carrier {
  name: string;
  smdp: string;
  /** Admin-chosen name, or undefined to keep Intune's default (derived from the host). */
  renamed?: string;
  codes: number;
  /** ICCID issuer prefix: `89` + country code + issuer, 7 digits. */
  issuer: string;
}

export const CARRIERS: readonly Carrier[] = [
  { name: 'Northwind Wireless', smdp: 'smdp.northwind-wireless.example.com', codes: 500, issuer: '8901410' },
  { name: 'Tailspin Cellular', smdp: 'rsp.tailspin-cellular.example.net', renamed: 'Tailspin Cellular – EU roaming', codes: 250, issuer: '8944120' },
  { name: 'Woodgrove Mobile', smdp: 'sm-dp-plus.woodgrove-mobile.example.org', codes: 1000, issuer: '8949220' },
  { name: 'Litware Telecom', smdp: 'smdp.litware-telecom.example.com', renamed: 'Litware Telecom – Field service', codes: 120, issuer: '8933150' },
  { name: 'Adatum Networks', smdp: 'prod.smdp.adatum-networks.example.net', codes: 75, issuer: '8901260' },
  { name: 'Wingtip Wireless', smdp: 'esim.wingtip-wireless.example.com', renamed: 'Wingtip Wireless (US data plan)', codes: 300, issuer: '8901480' },
  { name: 'Proseware Mobile', smdp: 'smdpplus.proseware-mobile.example.org', renamed: 'Proseware Mobile – pilot', codes: 25, issuer: '8931160' },
  { name: 'Trey Telecom', smdp: 'rsp-eu.trey-telecom.example.com', codes: 640, issuer: '8939010' },
  { name: 'Relecloud Cellular', smdp: 'sm-dp.relecloud-cellular.example.net', renamed: 'Relecloud – Surface Pro LTE fleet', codes: 200, issuer: '8946070' },
  { name: 'Lamna Mobile', smdp: 'smdp.lamna-mobile.example.com', codes: 50, issuer: '8934070' },
  { name: "Margie's Travel eSIM", smdp: 'esim.margies-travel.example.com', renamed: "Margie's Travel eSIM – Executives", codes: 100, issuer: '8985220' },
  { name: 'Alpine Telecom', smdp: 'smdp-plus.alpine-telecom.example.ch', renamed: 'Alpine Telecom CH', codes: 880, issuer: '8941010' },
];

const GENERIC_LABELS = new Set(['smdp', 'sm-dp', 'smdpplus', 'smdp-plus', 'sm-dp-plus', 'rsp', 'rsp-eu', 'esim', 'prod', 'www']);

/** Intune's default pool name: the SM-DP+ host's first non-generic label. */
export function defaultPoolName(smdp: string): string {
  const labels = smdp.toLowerCase().split('.');
  return labels.find((l) => !GENERIC_LABELS.has(l)) ?? labels[0] ?? smdp;
}

export interface GroupSeed {
  name: string;
  description: string;
  members: number;
  /** Device members (default: all members are devices). User groups have 0. */
  devices?: number;
  /** Dynamic device group rule (Entra syntax). */
  rule?: string;
  mailEnabled?: boolean;
}

export const GROUPS: readonly GroupSeed[] = [
  { name: 'All Windows 11 laptops', description: 'Every Windows 11 laptop enrolled in Intune', members: 2480, rule: '(device.deviceOSType -eq "Windows") and (device.deviceOSVersion -startsWith "10.0.2")' },
  { name: 'All Windows 10 devices', description: 'Legacy Windows 10 fleet', members: 612, rule: '(device.deviceOSType -eq "Windows") and (device.deviceOSVersion -startsWith "10.0.1")' },
  { name: 'Sales – Surface Pro LTE', description: 'Surface Pro with LTE modules used by the sales team', members: 184, rule: '(device.deviceModel -contains "Surface Pro") and (device.devicePhysicalIds -any (_ -eq "[OrderID]:SALES-LTE"))' },
  { name: 'Field engineers EMEA', description: 'Rugged laptops of field engineers in Europe, Middle East and Africa', members: 143 },
  { name: 'Field engineers Americas', description: 'Rugged laptops of field engineers in North and South America', members: 97 },
  { name: 'Field engineers APAC', description: 'Rugged laptops of field engineers in Asia Pacific', members: 58 },
  { name: 'Executives', description: 'Devices of the executive leadership team', members: 24 },
  { name: 'Executive assistants', description: 'Devices of executive assistants', members: 18 },
  { name: 'Pilot – eSIM', description: 'Early adopters testing eSIM provisioning', members: 12 },
  { name: 'Pilot – eSIM wave 2', description: 'Second eSIM pilot wave', members: 46 },
  { name: 'Finance devices', description: 'Corporate devices of the finance department', members: 131 },
  { name: 'HR devices', description: 'Corporate devices of human resources', members: 64 },
  { name: 'Legal devices', description: 'Corporate devices of the legal department', members: 29 },
  { name: 'Kiosks – Berlin', description: 'Self-service kiosks in the Berlin office', members: 16 },
  { name: 'Kiosks – Munich', description: 'Self-service kiosks in the Munich office', members: 9 },
  { name: 'Kiosks – London', description: 'Self-service kiosks in the London office', members: 21 },
  { name: 'Shared devices – Warehouse Rotterdam', description: 'Shared tablets in the Rotterdam warehouse', members: 75 },
  { name: 'Retail stores – POS tablets', description: 'Point-of-sale tablets in retail stores', members: 420, rule: '(device.deviceCategory -eq "POS")' },
  { name: 'Surface Laptop 6 – LTE', description: 'Surface Laptop 6 with cellular', members: 236, rule: '(device.deviceModel -eq "Surface Laptop 6") and (device.deviceManufacturer -eq "Microsoft Corporation")' },
  { name: 'Lenovo ThinkPad X1 – LTE', description: 'ThinkPad X1 Carbon with WWAN', members: 318, rule: '(device.deviceModel -startsWith "ThinkPad X1") and (device.deviceManufacturer -eq "LENOVO")' },
  { name: 'Dell Latitude 5450 – 5G', description: 'Latitude 5450 with 5G modem', members: 201, rule: '(device.deviceModel -eq "Latitude 5450")' },
  { name: 'HP EliteBook 840 – 5G', description: 'EliteBook 840 G11 with 5G modem', members: 166, rule: '(device.deviceModel -startsWith "HP EliteBook 840")' },
  { name: 'Autopilot – Corporate', description: 'Autopilot-registered corporate devices', members: 1950, rule: '(device.devicePhysicalIDs -any (_ -startsWith "[ZTDid]"))' },
  { name: 'Autopilot – Sales', description: 'Autopilot devices with the Sales group tag', members: 402, rule: '(device.devicePhysicalIds -any (_ -eq "[OrderID]:Sales"))' },
  { name: 'Co-managed devices', description: 'Devices co-managed with Configuration Manager', members: 880 },
  { name: 'Windows Insider ring', description: 'Devices on Windows Insider builds', members: 33 },
  { name: 'Update ring – Broad', description: 'Broad Windows update ring', members: 1620 },
  { name: 'Update ring – Fast', description: 'Fast Windows update ring', members: 148 },
  { name: 'Contractors – temporary', description: 'Temporary contractor devices', members: 57 },
  { name: 'Marketing laptops', description: 'Laptops of the marketing department', members: 88 },
  { name: 'Engineering workstations', description: 'Engineering workstations and laptops', members: 510 },
  { name: 'Customer support – Dublin', description: 'Devices of the Dublin support centre', members: 112 },
  { name: 'Customer support – Manila', description: 'Devices of the Manila support centre', members: 134 },
  { name: 'Travel-heavy staff', description: 'Frequent travellers who need roaming data', members: 72 },
  { name: 'eSIM – excluded devices', description: 'Devices that must never receive an eSIM profile', members: 7 },
  { name: 'Loaner laptops', description: 'IT loaner pool', members: 40 },
  { name: 'Conference room devices', description: 'Teams Rooms and shared meeting devices', members: 26 },
  { name: 'Intune administrators', description: 'Intune admin team (role-assignable)', members: 6, devices: 0, mailEnabled: false },
  { name: 'eSIM operators', description: 'People who manage cellular profiles', members: 4, devices: 0, mailEnabled: true },
  { name: 'Windows 11 24H2 devices', description: 'Devices on Windows 11 24H2', members: 1304, rule: '(device.deviceOSVersion -startsWith "10.0.26100")' },
];

const FIRST_NAMES = ['alex', 'bianca', 'chen', 'diego', 'emma', 'farah', 'gustav', 'hana', 'ivan', 'julia', 'kofi', 'lena', 'marco', 'nadia', 'oskar', 'priya', 'quentin', 'rosa', 'samir', 'tove', 'umar', 'vera', 'wen', 'yusuf', 'zoe'];
const LAST_NAMES = ['andersen', 'becker', 'costa', 'dubois', 'eriksen', 'fischer', 'garcia', 'hoffmann', 'ito', 'jansen', 'kowalski', 'larsen', 'moreau', 'novak', 'okafor', 'petrov', 'rossi', 'schmidt', 'tanaka', 'vogel', 'weber', 'yilmaz'];
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export function userName(rng: Prng): string {
  return `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}@${TENANT_DOMAIN}`;
}

export function deviceName(rng: Prng): string {
  switch (rng.int(0, 4)) {
    case 0:
      return `DESKTOP-${rng.chars(6, ALNUM)}`;
    case 1:
      return `SURFACE-LTE-${String(rng.int(1, 999)).padStart(3, '0')}`;
    case 2:
      return `LAPTOP-${rng.chars(7, ALNUM)}`;
    case 3:
      return `CTS-${rng.pick(['BER', 'MUC', 'LON', 'DUB', 'NYC', 'SEA', 'SIN'])}-${rng.chars(5, ALNUM)}`;
    default:
      return `FIELD-${rng.chars(4, ALNUM)}-${String(rng.int(10, 99))}`;
  }
}

/** A 32-digit EID-like UICC identifier (GSMA EIDs start 89 049 032). */
export function uiccid(rng: Prng): string {
  return `89049032${rng.digits(24)}`;
}

/** Failure texts built on the Windows eUICCs CSP error names. */
export const FAILURE_DETAILS: readonly string[] = [
  'InvalidMatchingId: the SM-DP+ server rejected the matching ID for this profile.',
  'ConfirmationCodeMissing: the operator requires a confirmation code for this profile.',
  'ProfileNotReleasedByOperator: the profile has not been released by the mobile operator.',
  'RemoteServerUnreachable: the SM-DP+ server could not be reached.',
  'ProfileDownloadFailed: the profile download was interrupted.',
  'NotEnoughSpace: the eUICC has no free space for another profile.',
];

export function stateDetailsFor(state: DeviceStateValue, rng: Prng): string | null {
  switch (state) {
    case 'failed':
    case 'error':
      return rng.pick(FAILURE_DETAILS);
    case 'installing':
      return rng.chance(0.5) ? 'Profile download in progress.' : null;
    case 'installed':
      return rng.chance(0.3) ? 'Profile installed and enabled.' : null;
    case 'deleting':
      return 'Profile removal pending the next device check-in.';
    case 'deleted':
      return rng.chance(0.5) ? 'Profile removed from the device.' : null;
    case 'removedByUser':
      return 'The user removed the cellular profile in Settings.';
    case 'notEvaluated':
      return null;
  }
}
