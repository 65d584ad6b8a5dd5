/**
 * The one carrier-CSV generator of the repository, for the unit tests, the
 * e2e suite and the benchmarks (no committed fixtures). Pure — no DOM, no
 * Node — and its ICCIDs pass the product's own Luhn check. Line 1 of a
 * carrier file is the SM-DP+ server address, then one `ICCID,MatchingID`
 * row per activation code.
 */
import { luhnValid } from '../features/upload/csv/luhn.ts';

const encoder = new TextEncoder();
const pad = (n: number | string, width: number): string => String(n).padStart(width, '0');

/** The SM-DP+ address of the unit tests' files. */
export const HOST = 'smdp.contoso-mobile.example.com';
/** `89` (telecom) + country `01` + issuer `2600`: the unit tests' ICCID prefix. */
export const DEFAULT_PREFIX = '89012600';

/** `body` + the digit that makes it pass the product's Luhn check. */
export function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error(`no Luhn check digit for ${body}`);
}

/** An ICCID of `length` digits (19 or 20): `prefix`, then `n` zero-padded, then the Luhn check digit. */
export function iccid(n: number, prefix = DEFAULT_PREFIX, length = 19): string {
  return withCheckDigit(prefix + pad(n, length - 1 - prefix.length));
}

/** The same ICCID with a wrong check digit (a warning, not an error). */
export function badLuhnIccid(n: number, prefix = DEFAULT_PREFIX): string {
  const good = iccid(n, prefix);
  return good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10);
}

/** The prefix of ICCID block `block` in the `8999` test issuer range, which no emulator seed uses (e2e). */
export function blockPrefix(block: number): string {
  return `8999${pad(block, 4)}`;
}

/**
 * Distinctive matching IDs, easy to look for in messages: `SK7Q-0042-ZXVW`.
 * With a `tag` the tag sits in the middle (`M0042-SECRETQ9-ZXVW`), where the
 * masked preview shows dots, so finding the tag anywhere is a leak.
 */
export function matchingId(n: number, tag?: string): string {
  return tag === undefined ? `SK7Q-${pad(n, 4)}-ZXVW` : `M${pad(n, 4)}-${tag}-ZXVW`.toUpperCase();
}

export interface Code {
  iccid: string;
  matchingId: string;
}

export interface CodesOptions {
  /** The first serial (default 1); code i has serial `from + i` in both its ICCID and its matching ID. */
  from?: number;
  prefix?: string;
  tag?: string;
}

/** `count` codes with consecutive serials: the same serial always gives the same ICCID and matching ID. */
export function codes(count: number, { from = 1, prefix = DEFAULT_PREFIX, tag }: CodesOptions = {}): Code[] {
  return Array.from({ length: count }, (_, i) => ({ iccid: iccid(from + i, prefix), matchingId: matchingId(from + i, tag) }));
}

/** `ICCID,MatchingID` rows. */
export function codeLines(list: readonly Code[]): string[] {
  return list.map((c) => `${c.iccid},${c.matchingId}`);
}

/** `count` rows from serial `start`. */
export function codeRows(count: number, start = 1, prefix = DEFAULT_PREFIX): string[] {
  return codeLines(codes(count, { from: start, prefix }));
}

/** `host` line then `count` code rows. */
export function validLines(count: number, start = 1, host = HOST): string[] {
  return [host, ...codeRows(count, start)];
}

export interface CsvOptions {
  /** Line end (default `\n`). */
  eol?: string;
  /** A UTF-8 byte order mark first (Excel's "CSV UTF-8"). */
  bom?: boolean;
  finalNewline?: boolean;
}

/** Lines as they are joined into a file. */
export function csvText(lines: readonly string[], { eol = '\n', bom = false, finalNewline = true }: CsvOptions = {}): string {
  return (bom ? '\uFEFF' : '') + lines.join(eol) + (finalNewline ? eol : '');
}

export function csvBytes(lines: readonly string[], options?: CsvOptions): Uint8Array {
  return encoder.encode(csvText(lines, options));
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A carrier file's text: the host line and the codes, CRLF line ends; `extraLines` are appended as they are (bad rows for tests). */
export function carrierCsv(host: string, list: readonly Code[], { bom = false, extraLines = [] }: { bom?: boolean; extraLines?: readonly string[] } = {}): string {
  return csvText([host, ...codeLines(list), ...extraLines], { eol: '\r\n', bom });
}

export interface CarrierFile {
  name: string;
  host: string;
  codes: Code[];
  content: string;
}

/** A carrier file as carriers send it (BOM, CRLF), with its codes (e2e drops `content`). */
export function carrierFile(name: string, host: string, list: Code[], extraLines: string[] = []): CarrierFile {
  return { name, host, codes: list, content: carrierCsv(host, list, { bom: true, extraLines }) };
}

/** The body of a Graph create for a file's codes (arranging a pool outside the UI). */
export function createBody(displayName: string, file: Pick<CarrierFile, 'host' | 'codes'>): unknown {
  return {
    displayName,
    activationCodes: file.codes.map((c) => ({ integratedCircuitCardIdentifier: c.iccid, matchingIdentifier: c.matchingId, smdpPlusServerAddress: file.host })),
  };
}

// ---------------------------------------------------------------- many realistic files (bench)

/** mulberry32: small, fast, seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CARRIERS = [
  { name: 'contoso-mobile', country: '44', issuer: '10' },
  { name: 'fabrikam-telecom', country: '49', issuer: '22' },
  { name: 'northwind-wireless', country: '01', issuer: '26' },
  { name: 'tailspin-cellular', country: '33', issuer: '01' },
  { name: 'wingtip-networks', country: '34', issuer: '07' },
  { name: 'adatum-connect', country: '31', issuer: '16' },
] as const;

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const HEX = '0123456789ABCDEF';

function pick(random: () => number, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

export interface GeneratedFile {
  name: string;
  host: string;
  bytes: Uint8Array;
  codeCount: number;
}

export interface GenerateOptions {
  files: number;
  codesPerFile: number;
  seed?: number;
  /** Distinguishes generations so two sets never share ICCIDs or hosts. */
  batch?: number;
}

/**
 * Realistic carrier files, deterministic (seeded PRNG): ICCIDs of 19 or 20
 * digits (a third of the files), unique across one generation; matching IDs
 * dash-grouped alphanumerics or 32 hex digits (a quarter of the files); a
 * UTF-8 BOM on every fifth file.
 */
export function generateCarrierFiles(opts: GenerateOptions): GeneratedFile[] {
  const random = prng(opts.seed ?? 0x5eed);
  const batch = pad(opts.batch ?? 0, 2);
  const out: GeneratedFile[] = [];
  for (let f = 0; f < opts.files; f++) {
    const carrier = CARRIERS[f % CARRIERS.length] ?? CARRIERS[0];
    const host = `rsp-${batch}${pad(f, 4)}.smdp.${carrier.name}.example`;
    const longIccid = f % 3 === 1;
    const hexIds = f % 4 === 3;
    const lines: string[] = [host];
    for (let r = 0; r < opts.codesPerFile; r++) {
      // 89 + country + issuer + a serial unique per (batch, file, row), then the check digit.
      const serial = Number(`${batch}${pad(f, 4)}${pad(r, 5)}`);
      const id = hexIds ? pick(random, HEX, 32) : `${pick(random, ALNUM, 5)}-${pick(random, ALNUM, 5)}-${pick(random, ALNUM, 5)}-${pick(random, ALNUM, 5)}`;
      lines.push(`${iccid(serial, `89${carrier.country}${carrier.issuer}`, longIccid ? 20 : 19)},${id}`);
    }
    out.push({
      name: `${carrier.name}-${batch}-${pad(f, 4)}.csv`,
      host,
      bytes: csvBytes(lines, { eol: '\r\n', bom: f % 5 === 0 }),
      codeCount: opts.codesPerFile,
    });
  }
  return out;
}
