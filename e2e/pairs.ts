/**
 * e2e runs one console + emulator pair per Playwright worker, so tests on
 * different workers never share Graph data, fault rules, the request log or
 * sign-in sessions. Pair i: the built console under `vite preview` on
 * http://localhost:(4173+i), the emulator on https://localhost:(8443+i).
 *
 * Pair 0 is exactly what `npm start` serves (the build's own config.json,
 * pointing at 8443; the emulator's default app registration). Pair i > 0 is
 * the same build, told at runtime where its emulator is: its preview serves
 * a config.json for 8443+i (CONSOLE_CONFIG_FILE, scripts/vite-security-headers.ts,
 * which builds the strict Content-Security-Policy from that same file), and
 * its emulator registers the console's redirect URI on 4173+i (--redirect-uri).
 *
 * E2E_WORKERS (default 2) sets both the number of workers and of pairs; a
 * worker uses the pair of its `parallelIndex` (e2e/fixtures.ts), which
 * Playwright keeps when it replaces a worker.
 *
 * Node-only: loaded by playwright.config.ts and by the fixtures.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const WORKERS_ENV = 'E2E_WORKERS';
const DEFAULT_WORKERS = 2;
const CONSOLE_PORT = 4173;
const EMULATOR_PORT = 8443;
const ROOT = path.resolve(import.meta.dirname, '..');
/** The emulator's certificate directory (gitignored): its control key files, and the pairs' config files. */
const EMULATOR_DIR = path.join(ROOT, '.emulator');

/** How many workers (and pairs) the run uses: E2E_WORKERS, default 2. */
export function pairCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[WORKERS_ENV]?.trim();
  if (!raw) return DEFAULT_WORKERS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error(`${WORKERS_ENV} must be an integer from 1 to 8 (got '${raw}')`);
  return n;
}

export interface Pair {
  index: number;
  consolePort: number;
  emulatorPort: number;
  /** http://localhost:(4173+i): the console (the tests' baseURL). */
  consoleOrigin: string;
  /** https://localhost:(8443+i): sign-in, Graph and the control API. */
  emulatorOrigin: string;
  /** Where that emulator writes its control key (emulator/control-key.ts). */
  controlKeyFile: string;
  /** The config.json this pair's preview serves instead of the build's; none for pair 0. */
  configFile?: string;
}

export function pairAt(index: number): Pair {
  const consolePort = CONSOLE_PORT + index;
  const emulatorPort = EMULATOR_PORT + index;
  return {
    index,
    consolePort,
    emulatorPort,
    consoleOrigin: `http://localhost:${consolePort}`,
    emulatorOrigin: `https://localhost:${emulatorPort}`,
    controlKeyFile: path.join(EMULATOR_DIR, `control-key-${emulatorPort}`),
    ...(index > 0 ? { configFile: path.join(EMULATOR_DIR, `e2e-config-${consolePort}.json`) } : {}),
  };
}

export const PAIRS: readonly Pair[] = Array.from({ length: pairCount() }, (_, i) => pairAt(i));

/** The pair of a worker (its `parallelIndex`). */
export function pairOf(parallelIndex: number): Pair {
  const pair = PAIRS[parallelIndex];
  if (!pair) throw new Error(`No console+emulator pair for worker ${parallelIndex}: the run started ${PAIRS.length} (${WORKERS_ENV})`);
  return pair;
}

/**
 * Writes the pair's config.json: the console's own (public/config.json) with
 * the authority and Graph moved to the pair's emulator. Written atomically, as
 * every worker loads playwright.config.ts again.
 */
export function writePairConfig(pair: Pair): void {
  if (!pair.configFile) return;
  const own = JSON.parse(readFileSync(path.join(ROOT, 'public', 'config.json'), 'utf8')) as { authority?: string; graphBaseUrl?: string };
  if (!own.authority || !own.graphBaseUrl) throw new Error('public/config.json names no authority or graphBaseUrl: e2e needs the local emulator’s');
  const config = { ...own, authority: `${pair.emulatorOrigin}${new URL(own.authority).pathname}`, graphBaseUrl: pair.emulatorOrigin };
  mkdirSync(path.dirname(pair.configFile), { recursive: true });
  const tmp = `${pair.configFile}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`);
  renameSync(tmp, pair.configFile);
}
