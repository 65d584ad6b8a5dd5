/**
 * `npm run emulator -- --port 8443 --seed default|large|empty [--seed-dates fixed|recent] [--throttle off]
 * [--state file.json] [--token-lifetime 3600] [--cert-dir dir]
 * [--console-origin http://localhost:4173]… [--redirect-uri http://localhost:4174/redirect.html]… [--quiet]`
 *
 * The control API's key is EMULATOR_CONTROL_KEY when set, else new on every
 * start; either way it is written to `<cert dir>/control-key-<port>` (0600).
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CONTROL_KEY_ENV, CONTROL_KEY_HEADER, DAEMON_CLIENT_ID, DAEMON_CLIENT_SECRET, SPA_CLIENT_ID, TENANT_ID, USERS } from './constants.ts';
import { isSeedName } from './control.ts';
import { PortInUseError, startEmulator, type EmulatorOptions } from './server.ts';

const USAGE = `Usage: npm run emulator -- [--port 8443] [--seed default|large|empty] [--seed-dates fixed|recent] [--throttle on|off]
                            [--state file.json] [--token-lifetime 3600] [--cert-dir .emulator]
                            [--console-origin http://localhost:4173]... [--redirect-uri http://localhost:4174/redirect.html]... [--quiet]
--redirect-uri replaces the console app's registered redirect URIs (default http://localhost:4173/redirect.html
and http://localhost:5173/redirect.html), e.g. for a console served on another port.
The control API key is $${CONTROL_KEY_ENV} when set, else a new random key per start.`;

/** `raw` as an absolute http(s) URL, or undefined. */
function httpUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function parseArgs(argv: readonly string[]): EmulatorOptions & { quiet: boolean; help: boolean } {
  const out: EmulatorOptions & { quiet: boolean; help: boolean } = { quiet: false, help: false };
  const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value.`);
      return v;
    };
    const int = (min: number, max: number): number => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be an integer from ${min} to ${max} (got '${raw}').`);
      return n;
    };
    switch (flag) {
      case '--port':
        out.port = int(0, 65535);
        break;
      case '--seed': {
        const s = value();
        if (!isSeedName(s)) throw new Error(`--seed must be default, large or empty (got '${s}').`);
        out.seed = s;
        break;
      }
      case '--seed-dates': {
        const d = value();
        if (d !== 'fixed' && d !== 'recent') throw new Error(`--seed-dates must be fixed or recent (got '${d}').`);
        out.seedDates = d;
        break;
      }
      case '--throttle': {
        const t = value();
        if (t !== 'on' && t !== 'off') throw new Error(`--throttle must be on or off (got '${t}').`);
        out.throttle = t === 'on';
        break;
      }
      case '--state':
        out.stateFile = value();
        break;
      case '--token-lifetime':
        out.accessTokenLifetimeSec = int(1, 86_400);
        break;
      case '--cert-dir':
        out.certDir = value();
        break;
      case '--console-origin': {
        const raw = value();
        const parsed = httpUrl(raw);
        if (!parsed || parsed.origin !== raw.replace(/\/$/, '')) {
          throw new Error(`--console-origin must be an origin such as http://localhost:4173 (got '${raw}').`);
        }
        out.consoleOrigins = [...(out.consoleOrigins ?? []), parsed.origin];
        break;
      }
      case '--redirect-uri': {
        const raw = value();
        const parsed = httpUrl(raw);
        if (!parsed || parsed.href !== raw) {
          throw new Error(`--redirect-uri must be an absolute http(s) URL such as http://localhost:4174/redirect.html (got '${raw}').`);
        }
        out.redirectUris = [...(out.redirectUris ?? []), parsed.href];
        break;
      }
      case '--quiet':
        out.quiet = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new Error(`Unknown argument '${flag ?? ''}'.`);
    }
  }
  return out;
}

export interface CliIo {
  log(line: string): void;
  error(line: string): void;
  exit(code: number): never;
}

const processIo: CliIo = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  exit: (code) => process.exit(code),
};

/** Runs the CLI: starts the emulator, prints its URLs, and stops (saving state) on SIGINT/SIGTERM. */
export async function main(argv: readonly string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (e) {
    io.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return io.exit(2);
  }
  if (options.help) {
    io.log(USAGE);
    return;
  }
  const { quiet, help: _help, ...emulatorOptions } = options;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    const controlKey = env[CONTROL_KEY_ENV];
    emulator = await startEmulator({
      ...emulatorOptions,
      ...(controlKey ? { controlKey } : {}),
      ...(quiet ? {} : { log: (line) => io.log(line) }),
    });
  } catch (e) {
    if (e instanceof PortInUseError) io.error(`Cannot start the emulator: ${e.message}`);
    else io.error(`Cannot start the emulator: ${e instanceof Error ? e.message : String(e)}`);
    return io.exit(1);
  }

  const o = emulator.origin;
  const authority = `${o}/${TENANT_ID}`;
  io.log(`
Local eSIM emulator (Entra ID v2 sign-in + Microsoft Graph beta), seed "${options.seed ?? 'default'}"${options.throttle === false ? ', throttling off' : ''}
  Origin            ${o}
  Authority         ${authority}
  OpenID config     ${authority}/v2.0/.well-known/openid-configuration
  Graph base        ${o}/beta
  Control API       ${o}/_emulator  (tests only; send the key in the ${CONTROL_KEY_HEADER} header)
  Control key file  ${emulator.controlKeyFile ?? '(none)'}  (readable by you only; new key every start unless $${CONTROL_KEY_ENV} is set)
  Console app (SPA) ${SPA_CLIENT_ID}
  Daemon app        client id ${DAEMON_CLIENT_ID}
                    client secret ${DAEMON_CLIENT_SECRET}  (demo secret, local only)
  Users             ${USERS.map((u) => `${u.username} — ${u.description}`).join('\n                    ')}
${options.stateFile ? `  State file        ${options.stateFile} (saved on exit and on POST /_emulator/state/save)\n` : ''}
Your browser shows a one-time certificate warning for the self-signed localhost certificate: open ${o} and choose Advanced → Proceed.
Press Ctrl+C to stop.
`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    let code = 0;
    if (options.stateFile) {
      try {
        io.log(`Saved state to ${await emulator.saveState()}`);
      } catch (e) {
        io.error(`Could not save state: ${e instanceof Error ? e.message : String(e)}`);
        code = 1;
      }
    }
    await emulator.close();
    if (!quiet) io.log(`Stopped (${signal}).`);
    io.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) await main(process.argv.slice(2));
