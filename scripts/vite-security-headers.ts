/**
 * Vite plugin: sends the security headers (scripts/security-headers.ts) on
 * every response of `vite preview` (what `npm start` and the e2e suite
 * serve) and of the dev server. The hosts come from the config.json that
 * server hands to the console — dist/config.json for preview, public/config.json
 * for dev — read again whenever the file changes, so editing it needs no restart.
 *
 * The dev server gets a relaxed policy (inline scripts for the React Refresh
 * preamble, a WebSocket for HMR); preview gets the strict one.
 *
 * CONSOLE_CONFIG_FILE=path serves that file at /config.json instead (and the
 * headers follow it): one build, several consoles pointed at different
 * sign-in/Graph hosts — e2e runs a console per local emulator that way
 * (e2e/pairs.ts). The console itself only ever reads /config.json.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import {
  buildSecurityHeaders,
  DEFAULT_BRIDGE_PATH,
  HASHED_ASSET_CACHE_CONTROL,
  headersFor,
  hostsFromConfigFile,
  isHashedAsset,
  type HeaderOptions,
  type HeaderSet,
} from './security-headers.ts';

function headerSource(configPath: string, options: HeaderOptions): () => { set: HeaderSet; bridgePath: string } {
  let cached: { mtimeMs: number; set: HeaderSet; bridgePath: string } | undefined;
  let warned = '';
  return () => {
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(configPath).mtimeMs;
    } catch {
      // A missing file is reported by hostsFromConfigFile below.
    }
    if (cached?.mtimeMs === mtimeMs) return cached;
    const result = hostsFromConfigFile(configPath);
    if (!result.ok) {
      // The console shows the same problems on its start-up page; it then
      // needs no cross-origin host, so the policy simply allows none.
      const text = result.problems.join('; ');
      if (text !== warned) console.warn(`security headers: ${text} (serving a policy without sign-in or Graph hosts)`);
      warned = text;
    }
    cached = {
      mtimeMs,
      set: buildSecurityHeaders(result.ok ? result.hosts : undefined, options),
      bridgePath: result.ok ? result.hosts.bridgePath : DEFAULT_BRIDGE_PATH,
    };
    return cached;
  };
}

/** The environment variable naming a config.json to serve in place of the built (or public/) one. */
export const CONFIG_FILE_ENV = 'CONSOLE_CONFIG_FILE';

interface MiddlewareOptions {
  /** Answer GET/HEAD of `configUrl` with this file (read on every request, like a static file). */
  served?: { file: string; configUrl: string };
  /** Hashed assets are kept for good, as deployed (staticwebapp.config.json). */
  cacheAssets?: boolean;
}

/** Sets the headers on every response; serves the config override and caches hashed assets when asked. */
function middleware(current: () => { set: HeaderSet; bridgePath: string }, { served, cacheAssets = false }: MiddlewareOptions = {}): Connect.NextHandleFunction {
  return (req, res, next) => {
    const { set, bridgePath } = current();
    const url = req.url ?? '/';
    for (const [name, value] of Object.entries(headersFor(url, set, bridgePath))) res.setHeader(name, value);
    if (cacheAssets && isHashedAsset(url)) {
      // The static file server passes its own Cache-Control (no-cache) to writeHead, which would win over setHeader.
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
      res.writeHead = ((...args: unknown[]) => {
        const headers = args.find((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && !Array.isArray(a));
        if (headers) for (const name of Object.keys(headers)) if (name.toLowerCase() === 'cache-control') delete headers[name];
        res.setHeader('Cache-Control', HASHED_ASSET_CACHE_CONTROL);
        return writeHead(...args);
      }) as typeof res.writeHead;
    }
    if (!served || url.split(/[?#]/, 1)[0] !== served.configUrl || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    let body: Buffer;
    try {
      body = readFileSync(served.file);
    } catch (e) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`${CONFIG_FILE_ENV}=${served.file}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Length', String(body.length));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

export function securityHeaders(env: NodeJS.ProcessEnv = process.env): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let publicDir = 'public';
  let base = '/';
  const override = env[CONFIG_FILE_ENV] ? resolve(env[CONFIG_FILE_ENV]) : undefined;
  const configFor = (own: string) => override ?? own;
  const served = () => (override ? { file: override, configUrl: `${base}config.json` } : undefined);
  return {
    name: 'esim-console:security-headers',
    configResolved(config) {
      root = config.root;
      outDir = config.build.outDir;
      publicDir = config.publicDir;
      base = config.base;
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(headerSource(configFor(resolve(root, outDir, 'config.json')), {}), { served: served(), cacheAssets: true }));
    },
    configureServer(server) {
      server.middlewares.use(middleware(headerSource(configFor(resolve(publicDir, 'config.json')), { dev: true }), { served: served() }));
    },
  };
}
