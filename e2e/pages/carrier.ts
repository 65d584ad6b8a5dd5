/** Carrier CSV contents generated for e2e (valid Luhn ICCIDs in the `8999` test issuer range no seed uses). */
import { luhnValid } from '../../src/features/upload/csv/luhn.ts';

/** The check digit that makes `body` + digit pass the product's own Luhn check. */
function luhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return String(d);
  throw new Error('unreachable');
}

/** 19-digit ICCID `8999` + 4-digit block + 10-digit serial + Luhn digit. */
export function iccid(block: number, serial: number): string {
  const body = `8999${String(block).padStart(4, '0')}${String(serial).padStart(10, '0')}`;
  return body + luhnDigit(body);
}

export interface Code {
  iccid: string;
  matchingId: string;
}

/** `count` codes of one block; `tag` makes the matching ids distinctive (e.g. to look for leaks). */
export function codes(block: number, from: number, count: number, tag = 'K7Q2'): Code[] {
  return Array.from({ length: count }, (_, i) => ({ iccid: iccid(block, from + i), matchingId: `M${block}-${from + i}-${tag}-ZX`.toUpperCase() }));
}

export interface CsvFile {
  name: string;
  host: string;
  codes: Code[];
  content: string;
}

/** A carrier file as carriers send it (BOM, CRLF); `extraLines` are appended as they are (bad rows for tests). */
export function csv(name: string, host: string, rows: Code[], extraLines: string[] = []): CsvFile {
  return { name, host, codes: rows, content: ['\uFEFF' + host, ...rows.map((r) => `${r.iccid},${r.matchingId}`), ...extraLines].join('\r\n') + '\r\n' };
}

/** The body of a Graph create for these codes (arranging a pool outside the UI). */
export function createBody(displayName: string, file: CsvFile): unknown {
  return {
    displayName,
    activationCodes: file.codes.map((c) => ({ integratedCircuitCardIdentifier: c.iccid, matchingIdentifier: c.matchingId, smdpPlusServerAddress: file.host })),
  };
}
