import { plural } from '../../../lib/format.ts';
import { BLANK_TEXT_RE, CONTROL_CHAR_GLOBAL_RE, MAX_STRAY_CONTROL_CHARS } from './rules.ts';
import type { CsvIssueCode } from './types.ts';

export interface DecodeProblem {
  code: CsvIssueCode;
  message: string;
}

export type DecodeResult = { ok: true; text: string } | ({ ok: false } & DecodeProblem);

const SAVE_AS_CSV = 'open it in Excel and save it as "CSV UTF-8 (Comma delimited)"';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

const KNOWN_BINARY: readonly { magic: readonly number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive, probably an Excel workbook (.xlsx)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Excel workbook (.xls)' },
  { magic: [0xff, 0xfe], what: 'UTF-16 text (Excel\'s "Unicode Text")' },
  { magic: [0xfe, 0xff], what: 'UTF-16 text' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
];

/**
 * Raw bytes → text. Refuses what is not UTF-8 text: known binary formats,
 * NUL bytes, invalid UTF-8 (fatal decoder), and files with nothing but
 * whitespace. A UTF-8 BOM is dropped by the decoder. Control characters are
 * left to controlCharProblem, which only runs once some row has failed.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty-file', message: 'the file is empty (0 bytes)' };
  const known = KNOWN_BINARY.find((k) => startsWith(bytes, k.magic));
  if (known) {
    return { ok: false, code: 'binary-file', message: `this is ${known.what}, not a CSV text file; ${SAVE_AS_CSV}` };
  }
  if (bytes.indexOf(0) !== -1) {
    return { ok: false, code: 'binary-file', message: 'the file contains NUL bytes: it is a binary file, not CSV text' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      code: 'invalid-utf8',
      message: `the file is not valid UTF-8 text (binary, or saved in another encoding); ${SAVE_AS_CSV}`,
    };
  }
  if (BLANK_TEXT_RE.test(text)) {
    return { ok: false, code: 'empty-file', message: 'the file is empty (only blank lines or whitespace)' };
  }
  return { ok: true, text };
}

/**
 * Many control characters: a binary file, reported once instead of cell by
 * cell. A few stray ones are reported per cell, with their line. Every
 * control character fails its cell, so a file without failed rows needs no scan.
 */
export function controlCharProblem(text: string): DecodeProblem | null {
  const count = text.match(CONTROL_CHAR_GLOBAL_RE)?.length ?? 0;
  if (count <= MAX_STRAY_CONTROL_CHARS) return null;
  return {
    code: 'binary-file',
    message: `the file contains ${plural(count, 'control character')}: it is a binary file, not CSV text`,
  };
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function toHex(buffer: ArrayBuffer): string {
  const view = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < view.length; i++) out += HEX[view[i] ?? 0];
  return out;
}

type NodeCrypto = { createHash(algorithm: 'sha256'): { update(data: Uint8Array): { digest(encoding: 'hex'): string } } };

/**
 * Node's synchronous hash where there is one (the CLI, tests, benchmarks):
 * WebCrypto's per-call overhead there is several times the hashing itself.
 * Browsers and workers have no `process` and use WebCrypto. Same digest.
 */
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

export async function webCryptoSha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** Hex SHA-256 of the raw bytes. */
export function sha256Hex(bytes: Uint8Array): Promise<string> {
  return nodeCrypto ? Promise.resolve(nodeCrypto.createHash('sha256').update(bytes).digest('hex')) : webCryptoSha256Hex(bytes);
}
