/**
 * Who may use the control API (`/_emulator/…`): a caller that sends this
 * start's key in `X-Emulator-Key`, from no origin (Node, Playwright's API
 * client) or from an allowed one (the emulator's own, the console's). A web
 * page on any other origin is refused before the key is even looked at, and
 * a page cannot send the header without a CORS preflight that names only
 * the allowed origins — so a `text/plain` POST from a foreign tab fails too.
 *
 * The key is new on every start (or taken from EMULATOR_CONTROL_KEY, so a
 * test runner can give the same one to its workers) and written to a file
 * only the local user can read; the console never sees it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const KEY_SHAPE = /^[\x21-\x7e]{16,256}$/;

export class ControlKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControlKeyError';
  }
}

/** A fresh key (256 bits, base64url), or `given` when it is a usable key. */
export function controlKeyFrom(given: string | undefined): string {
  if (given === undefined || given === '') return randomBytes(32).toString('base64url');
  if (!KEY_SHAPE.test(given)) {
    throw new ControlKeyError('The control key must be 16 to 256 printable ASCII characters without spaces (EMULATOR_CONTROL_KEY).');
  }
  return given;
}

/** The key file of an emulator on `port`: `<dir>/control-key-<port>`. */
export function controlKeyPath(dir: string, port: number): string {
  return path.join(dir, `control-key-${port}`);
}

/** Writes the key readable by the local user only (0600, in a 0700 directory when it creates one). */
export async function writeControlKey(file: string, key: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, `${key}\n`, { mode: 0o600, flag: 'wx' });
  await rename(tmp, file);
}

/** Removes the key file when it still holds `key` (another start may have replaced it). */
export async function removeControlKey(file: string, key: string): Promise<void> {
  try {
    if ((await readFile(file, 'utf8')).trim() === key) await unlink(file);
  } catch {
    // Already gone.
  }
}

/** Constant-time comparison (of digests, so the length is not revealed either). */
export function keyMatches(sent: string, key: string): boolean {
  const a = createHash('sha256').update(sent).digest();
  const b = createHash('sha256').update(key).digest();
  return timingSafeEqual(a, b);
}

/** The origins a browser may call the control API from: the emulator's own and the console's. */
export function controlOrigins(port: number, consoleOrigins: readonly string[]): ReadonlySet<string> {
  const own = [`https://localhost:${port}`, `https://127.0.0.1:${port}`, `https://[::1]:${port}`];
  return new Set([...own, ...consoleOrigins.map((o) => new URL(o).origin)]);
}
