/**
 * `npm start`: serves the built console (vite preview, http://localhost:4173)
 * against the embedded default — the local Graph emulator and Entra-shaped
 * sign-in provider on https://localhost:8443. `--dev` uses the Vite dev
 * server instead of the build. Both send the security headers
 * (scripts/vite-security-headers.ts, registered in vite.config.ts); the dev
 * server's policy allows inline scripts for React Refresh.
 */
import { createServer, preview } from 'vite';
import { startEmulator } from '../emulator/server.ts';
import { CONTROL_KEY_ENV, CONTROL_KEY_HEADER, SPA_CLIENT_ID, TENANT_ID, USERS } from '../emulator/constants.ts';

const dev = process.argv.includes('--dev');
const seedArg = process.argv.find((a) => a.startsWith('--seed='))?.split('=')[1];
const seed = seedArg === 'large' || seedArg === 'empty' ? seedArg : 'default';

const controlKey = process.env[CONTROL_KEY_ENV];
const emulator = await startEmulator({ port: 8443, seed, ...(controlKey ? { controlKey } : {}) }).catch((error: unknown) => {
  console.error(`Could not start the local emulator on https://localhost:8443: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const server = dev ? await createServer({ server: { port: 5173, strictPort: true } }) : await preview({ preview: { port: 4173, strictPort: true } });
if ('listen' in server && typeof server.listen === 'function' && dev) await server.listen();
const consoleUrl = dev ? 'http://localhost:5173' : 'http://localhost:4173';

console.log(`
  eSIM pools console   ${consoleUrl}
  Local Graph + sign-in ${emulator.origin}  (tenant ${TENANT_ID}, app ${SPA_CLIENT_ID}, seed "${seed}")

  Sign in as one of
${USERS.map((u) => `    ${u.name} (${u.username}): ${u.description}`).join('\n')}
  Your browser warns once about the local sign-in's self-signed certificate for
  https://localhost:8443: choose Advanced → Proceed to continue.

  Test control API ${emulator.origin}/_emulator needs the key in ${emulator.controlKeyFile ?? '(not written)'}
  sent as the ${CONTROL_KEY_HEADER} header (the console never uses it).

  Press Ctrl+C to stop.
`);

const stop = async () => {
  await Promise.allSettled([emulator.close(), 'close' in server ? server.close() : Promise.resolve()]);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
