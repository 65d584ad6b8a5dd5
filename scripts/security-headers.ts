/**
 * The HTTP security headers the console is served with, derived from the
 * same config.json the console reads at runtime (so the sign-in and Graph
 * hosts in the Content-Security-Policy are the ones it will call). Used by
 * `vite preview` / the dev server (vite.config.ts), `npm start`, the e2e
 * server, and `npm run deploy-headers` for a real static host.
 *
 * Node-only: product code never imports this file.
 */
import { readFileSync } from 'node:fs';
import { CLOUDS } from '../src/config/clouds.ts';
import { configFileSchema, formatConfigIssue, toConfigIssues } from '../src/config/schema.ts';

/** The cross-origin hosts the console talks to, as origins (scheme://host[:port]). */
export interface ConsoleHosts {
  /** Origin of the sign-in authority: MSAL's metadata and token calls, and the silent-renewal iframe. */
  signIn: string;
  /** Origin Graph is called on. */
  graph: string;
  /** Path of the MSAL redirect bridge page on this site (config `redirectPath`, /redirect.html by default). */
  bridgePath: string;
}

export type HostsResult = { ok: true; hosts: ConsoleHosts } | { ok: false; problems: string[] };

/**
 * Validates config.json's content with the console's own schema and derives
 * the hosts the way src/config/config.ts `parseConfig` does: config
 * `authority`, else `${cloud login origin}/${tenantId}`; config
 * `graphBaseUrl`, else the cloud's Graph (a test keeps the two in step).
 */
export function hostsFromConfig(raw: unknown): HostsResult {
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: toConfigIssues(parsed.error).map(formatConfigIssue) };
  const file = parsed.data;
  const cloud = CLOUDS[file.cloud];
  const authority = file.authority ?? `${cloud.loginOrigin}/${file.tenantId}`;
  return {
    ok: true,
    hosts: { signIn: new URL(authority).origin, graph: file.graphBaseUrl ?? cloud.graphOrigin, bridgePath: file.redirectPath },
  };
}

/** Reads and checks a config.json file; an unreadable file or bad JSON is a problem, not a throw. */
export function hostsFromConfigFile(path: string): HostsResult {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { ok: false, problems: [`${path}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const result = hostsFromConfig(raw);
  return result.ok ? result : { ok: false, problems: result.problems.map((p) => `${path}: ${p}`) };
}

export type Headers = Record<string, string>;

export interface HeaderSet {
  /** For every response except the redirect bridge: index.html (and its SPA fallback), assets, the worker, config.json. */
  console: Headers;
  /** For /redirect.html only. */
  bridge: Headers;
}

export interface HeaderOptions {
  /**
   * The Vite dev server's relaxations: @vitejs/plugin-react injects the
   * React Refresh preamble as an inline script, and HMR talks over a
   * WebSocket to the dev server. Never used for a build.
   */
  dev?: boolean;
  /** Adds Strict-Transport-Security, for a host that serves only https (browsers ignore it over http anyway). */
  hsts?: boolean;
}

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Features the console never uses, denied for it and anything it frames.
 * Only names Chromium recognises (an unknown name is logged as an error).
 * Not listed on purpose: publickey-credentials-* and local-network-access
 * (MSAL's silent iframe asks for the latter; passkey sign-in happens on the
 * sign-in host's own page, but nothing is gained by denying it here).
 */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/** Headers both pages carry. */
function common(options: HeaderOptions): Headers {
  return {
    'X-Content-Type-Options': 'nosniff',
    // The console's URLs carry pool ids and filters; neither the sign-in host
    // nor Graph needs a Referer (CORS uses Origin). Same as the pages' <meta name="referrer">.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': DENIED_FEATURES.map((f) => `${f}=()`).join(', '),
    ...(options.hsts ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

export function buildSecurityHeaders(hosts: ConsoleHosts | undefined, options: HeaderOptions = {}): HeaderSet {
  // Without a valid config the console only fetches config.json and shows
  // which field is wrong: no cross-origin host is needed.
  const signIn = hosts ? [hosts.signIn] : [];
  const graph = hosts ? [hosts.graph] : [];
  const consoleCsp = policy({
    'default-src': ["'none'"],
    // Module scripts and the CSV worker are files under /assets: no inline
    // script, no eval. zod's `new Function` probe is switched off (src/lib/zod-jitless.ts).
    'script-src': options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // Griffel (Fluent UI's CSS-in-JS) and FluentProvider create <style>
    // elements at runtime and fill them with insertRule. Chromium checks a
    // created <style> element against style-src like a parsed one, so without
    // 'unsafe-inline' every Fluent style is refused. A nonce would do instead,
    // but a static host cannot mint one per response. Style attributes are
    // not needed: React, Fluent and MSAL set styles through the CSSOM
    // (element.style), which CSP does not restrict.
    'style-src': ["'self'", "'unsafe-inline'"],
    'style-src-attr': ["'none'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    // config.json, MSAL's metadata and token calls, Graph (and Vite's HMR socket in dev).
    'connect-src': unique(["'self'", ...signIn, ...graph, ...(options.dev ? ['ws:', 'wss:'] : [])]),
    // MSAL's silent renewal: a hidden iframe goes to the sign-in host, which
    // redirects it back to /redirect.html on this origin.
    'frame-src': unique(["'self'", ...signIn]),
    // The CSV worker is a module script under /assets (not a blob: URL).
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    // The console submits no form anywhere; MSAL would post one to the
    // sign-in host only if a request asked for httpMethod POST.
    'form-action': signIn.length > 0 ? signIn : ["'none'"],
    // Any site framing the console could trick an admin into Delete or Replace.
    'frame-ancestors': ["'none'"],
  });
  const bridgeCsp = policy({
    'default-src': ["'none'"],
    'script-src': options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'connect-src': options.dev ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
    'img-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    // MSAL's silent renewal loads the bridge in a hidden iframe of the
    // console: only this origin may frame it.
    'frame-ancestors': ["'self'"],
  });
  return {
    console: {
      'Content-Security-Policy': consoleCsp,
      'X-Frame-Options': 'DENY',
      // Cuts the link to a window that opened the console from another site,
      // while keeping the sign-in popups the console opens itself (MSAL's
      // popup fallback). Never on the bridge: MSAL v5 requires the redirect
      // bridge to be served without COOP.
      'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
      ...common(options),
    },
    bridge: {
      'Content-Security-Policy': bridgeCsp,
      'X-Frame-Options': 'SAMEORIGIN',
      ...common(options),
    },
  };
}

export const DEFAULT_BRIDGE_PATH = '/redirect.html';

/** The headers for one request URL (path and query): the bridge's for the bridge page, the console's for anything else. */
export function headersFor(url: string, set: HeaderSet, bridgePath = DEFAULT_BRIDGE_PATH): Headers {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path === bridgePath ? set.bridge : set.console;
}

/**
 * Everything under /assets/ is named by its content's hash (Vite's build): a changed file gets a
 * new name, so a browser may keep each file for good and never ask again. Without it, every start
 * of the console revalidated each of its dozens of chunks (one request each, six at a time per
 * host over HTTP/1.1) before the first page could render.
 */
export const HASHED_ASSETS_PREFIX = '/assets/';
export const HASHED_ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export function isHashedAsset(url: string): boolean {
  return (url.split(/[?#]/, 1)[0] ?? '').startsWith(HASHED_ASSETS_PREFIX);
}

/**
 * Azure Static Web Apps' staticwebapp.config.json: the console's headers on
 * every response, the bridge's on its route (a route header replaces the
 * global one of the same name; an empty value removes it, which is how the
 * bridge loses COOP), and the SPA fallback to index.html for anything that
 * is not a file — but never for a missing asset, config.json or the bridge.
 */
export function staticWebAppConfig(hosts: ConsoleHosts, set: HeaderSet = buildSecurityHeaders(hosts, { hsts: true })): object {
  const bridgeHeaders: Headers = { ...set.bridge };
  for (const name of Object.keys(set.console)) if (!(name in bridgeHeaders)) bridgeHeaders[name] = '';
  return {
    globalHeaders: set.console,
    routes: [
      { route: hosts.bridgePath, headers: bridgeHeaders },
      { route: `${HASHED_ASSETS_PREFIX}*`, headers: { 'Cache-Control': HASHED_ASSET_CACHE_CONTROL } },
    ],
    navigationFallback: { rewrite: '/index.html', exclude: ['/assets/*', '/config.json', hosts.bridgePath] },
  };
}

/** The same headers as plain `Name: value` lines, for any other static host. */
export function headersAsText(hosts: ConsoleHosts, set: HeaderSet = buildSecurityHeaders(hosts, { hsts: true })): string {
  const lines = (headers: Headers) => Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [
    `# Every response except ${hosts.bridgePath} (index.html and the SPA fallback to it, /assets/*, config.json)`,
    ...lines(set.console),
    '',
    `# ${hosts.bridgePath} only (the MSAL redirect bridge: no Cross-Origin-Opener-Policy, framable by this origin)`,
    ...lines(set.bridge),
    '',
    `# ${HASHED_ASSETS_PREFIX}* in addition (file names carry their content's hash)`,
    `Cache-Control: ${HASHED_ASSET_CACHE_CONTROL}`,
    '',
  ].join('\n');
}
