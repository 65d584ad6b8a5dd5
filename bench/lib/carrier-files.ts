/**
 * Realistic carrier CSV files, generated in memory and deterministic (seeded
 * PRNG): line 1 the SM-DP+ server address, then `ICCID,MatchingID` rows with
 * CRLF line ends; ICCIDs start with 89 and end in a valid Luhn check digit
 * (19 or 20 digits), matching IDs look like carriers' (dash-grouped
 * alphanumerics or 32 hex digits); some files start with a UTF-8 BOM (Excel's
 * "CSV UTF-8"). ICCIDs are unique across all files of one generation.
 */

/** mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The digit that makes `body + digit` pass the Luhn check. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  // The check digit will be rightmost, so the body's last digit is doubled.
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
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

const encoder = new TextEncoder();
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export function generateCarrierFiles(opts: GenerateOptions): GeneratedFile[] {
  const random = prng(opts.seed ?? 0x5eed);
  const batch = opts.batch ?? 0;
  const out: GeneratedFile[] = [];
  for (let f = 0; f < opts.files; f++) {
    const carrier = CARRIERS[f % CARRIERS.length] ?? CARRIERS[0];
    const host = `rsp-${String(batch).padStart(2, '0')}${String(f).padStart(4, '0')}.smdp.${carrier.name}.example`;
    const longIccid = f % 3 === 1; // 20-digit ICCIDs in a third of the files, 19 in the rest
    const hexIds = f % 4 === 3; // 32-hex matching IDs in a quarter of the files
    const lines: string[] = [host];
    for (let r = 0; r < opts.codesPerFile; r++) {
      // 89 + country + issuer + a serial unique per (batch, file, row), then the check digit.
      const serialDigits = (longIccid ? 19 : 18) - 2 - carrier.country.length - carrier.issuer.length;
      const serial = `${String(batch).padStart(2, '0')}${String(f).padStart(4, '0')}${String(r).padStart(5, '0')}`.padStart(serialDigits, '0');
      const body = `89${carrier.country}${carrier.issuer}${serial}`;
      const iccid = body + luhnCheckDigit(body);
      const matchingId = hexIds
        ? pick(random, HEX, 32)
        : `${pick(random, ALNUM, 5)}-${pick(random, ALNUM, 5)}-${pick(random, ALNUM, 5)}-${pick(random, ALNUM, 5)}`;
      lines.push(`${iccid},${matchingId}`);
    }
    const text = `${lines.join('\r\n')}\r\n`;
    const encoded = encoder.encode(text);
    let bytes = encoded;
    if (f % 5 === 0) {
      bytes = new Uint8Array(BOM.length + encoded.length);
      bytes.set(BOM, 0);
      bytes.set(encoded, BOM.length);
    }
    out.push({ name: `${carrier.name}-${String(batch).padStart(2, '0')}-${String(f).padStart(4, '0')}.csv`, host, bytes, codeCount: opts.codesPerFile });
  }
  return out;
}
