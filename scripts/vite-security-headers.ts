/**
 * Vite plugin: sends the security headers (scripts/security-headers.ts) on
 * every response of `vite preview` (what `npm start` and the e2e suite
 * serve) and of the dev server. The hosts come from the config.json that
 * server hands to the console — dist/config.json for preview, public/config.json
 * for dev — read again whenever the file changes, so editing it needs no restart.
 *
 * The dev server gets a relaxed policy (inline scripts for the React Refresh
 * preamble, a WebSocket for HMR); preview gets the strict one.
 */
import { statSync } from 'node:fs';
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

function middleware(current: () => { set: HeaderSet; bridgePath: string }, cacheAssets = false): Connect.NextHandleFunction {
  return (req, res, next) => {
    const { set, bridgePath } = current();
    for (const [name, value] of Object.entries(headersFor(req.url ?? '/', set, bridgePath))) res.setHeader(name, value);
    if (cacheAssets && isHashedAsset(req.url ?? '/')) {
      // As deployed (staticwebapp.config.json): hashed files are kept for good. The static file
      // server passes its own Cache-Control (no-cache) to writeHead, which would win over setHeader.
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
      res.writeHead = ((...args: unknown[]) => {
        const headers = args.find((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && !Array.isArray(a));
        if (headers) for (const name of Object.keys(headers)) if (name.toLowerCase() === 'cache-control') delete headers[name];
        res.setHeader('Cache-Control', HASHED_ASSET_CACHE_CONTROL);
        return writeHead(...args);
      }) as typeof res.writeHead;
    }
    next();
  };
}

export function securityHeaders(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let publicDir = 'public';
  return {
    name: 'esim-console:security-headers',
    configResolved(config) {
      root = config.root;
      outDir = config.build.outDir;
      publicDir = config.publicDir;
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(headerSource(resolve(root, outDir, 'config.json'), {}), true));
    },
    configureServer(server) {
      server.middlewares.use(middleware(headerSource(resolve(publicDir, 'config.json'), { dev: true })));
    },
  };
}
