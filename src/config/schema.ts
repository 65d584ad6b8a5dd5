// zod/mini: the same validator with a tree-shakable, functional API. Config is
// checked before the first render, so this code is part of the initial bundle.
import * as z from 'zod/mini';
import { CLOUD_NAMES } from './clouds.ts';

/**
 * The shape of public/config.json, the deployment's runtime settings. Every
 * message is written for the person editing that file: it names what is
 * expected and quotes what was found.
 */

export interface ConfigIssue {
  /** The config.json key at fault, or `config.json` for the file as a whole. */
  field: string;
  message: string;
}

/** A value as it should be quoted in a message. */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);
  if (Array.isArray(v)) return 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  return String(v);
}

function expected(what: string) {
  return (iss: { input?: unknown }) => (iss.input === undefined ? `is required: ${what}` : `must be ${what} (got ${show(iss.input)})`);
}

/** A string field whose rule says what is wrong, or undefined when it is fine. */
function checked(what: string, problem: (v: string) => string | undefined) {
  return z.string({ error: expected(what) }).check(
    z.superRefine((v, ctx) => {
      const p = problem(v);
      if (p) ctx.addIssue({ code: 'custom', message: `${p} (got ${show(v)})`, input: v });
    }),
  );
}

function parseUrl(v: string): URL | undefined {
  try {
    return new URL(v);
  } catch {
    return undefined;
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * `common`, `consumers` and `organizations` are refused. The console manages
 * one tenant's Intune: with a multi-tenant authority Entra issues the token
 * for whatever tenant the account signs in to, so a guest administrator
 * (partner, MSP) would silently work on their home tenant instead of this one.
 */
const MULTI_TENANT = new Set(['common', 'consumers', 'organizations']);

function tenantProblem(v: string): string | undefined {
  if (MULTI_TENANT.has(v.toLowerCase())) {
    return `must name one tenant, not "${v}": this console manages a single tenant, so use its tenant ID or a verified domain`;
  }
  if (GUID.test(v) || DOMAIN.test(v)) return undefined;
  return 'must be the tenant ID (a GUID) or a verified domain such as contoso.onmicrosoft.com';
}

function authorityProblem(v: string): string | undefined {
  const url = parseUrl(v);
  if (!url) return 'must be an absolute URL such as https://login.microsoftonline.com/<tenant>';
  if (url.protocol !== 'https:') return 'must use https (MSAL refuses other authorities)';
  if (url.username || url.password || url.search || url.hash) return 'must not contain a user name, query string or fragment';
  if (url.pathname.replace(/\/+$/, '') === '') return 'must include the tenant in its path, e.g. https://login.microsoftonline.com/<tenant>';
  return undefined;
}

function originProblem(v: string): string | undefined {
  const url = parseUrl(v);
  if (!url) return 'must be an absolute URL such as https://graph.microsoft.com';
  if (url.protocol !== 'https:') return 'must use https (the access token is sent there)';
  if (url.pathname !== '/' || url.username || url.password || url.search || url.hash) {
    return 'must be an origin only, with no path (the console adds /beta itself), e.g. https://graph.microsoft.com';
  }
  return undefined;
}

function appPathProblem(v: string): string | undefined {
  // `//host` and `/\host` are read by browsers as another site.
  if (!v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\') || /[\s#]/.test(v)) {
    return 'must be a path on this site starting with "/", with no spaces or "#", e.g. /redirect.html';
  }
  return undefined;
}

export const configFileSchema = z.strictObject(
  {
    clientId: z.guid({ error: expected('the application (client) ID of the app registration, a GUID such as 00000000-0000-0000-0000-000000000000') }),
    tenantId: checked('the tenant ID (a GUID) or a verified domain such as contoso.onmicrosoft.com', tenantProblem),
    cloud: z.enum(CLOUD_NAMES, {
      error: (iss) => {
        if (iss.input === undefined) return `is required: one of ${CLOUD_NAMES.join(', ')}`;
        const hint = CLOUD_NAMES.find((c) => typeof iss.input === 'string' && c.toLowerCase() === iss.input.toLowerCase());
        return `must be one of ${CLOUD_NAMES.join(', ')} (got ${show(iss.input)})${hint ? ` — names are case-sensitive: did you mean "${hint}"?` : ''}`;
      },
    }),
    authority: z.optional(
      z.pipe(
        checked('an https URL of the sign-in authority', authorityProblem),
        z.transform((v: string) => v.replace(/\/+$/, '')),
      ),
    ),
    graphBaseUrl: z.optional(
      z.pipe(
        checked('an https origin such as https://graph.microsoft.com', originProblem),
        z.transform((v: string) => new URL(v).origin),
      ),
    ),
    redirectPath: z._default(checked('a path on this site such as /redirect.html', appPathProblem), '/redirect.html'),
    postLogoutRedirectPath: z._default(checked('a path on this site such as /', appPathProblem), '/'),
  },
  { error: (iss) => (iss.code === 'invalid_type' ? `must be a JSON object with clientId, tenantId and cloud (got ${show(iss.input)})` : undefined) },
);

export type ConfigFile = z.output<typeof configFileSchema>;
export const CONFIG_KEYS = Object.keys(configFileSchema.shape) as (keyof ConfigFile)[];

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The setting an unknown key most likely meant: same letters in another case, a shortened or extended name, or a small typo. */
function likelyMeant(key: string): string | undefined {
  const typed = key.toLowerCase();
  const near = (k: string) => {
    const known = k.toLowerCase();
    if (typed.length >= 5 && (known.startsWith(typed) || typed.startsWith(known))) return true;
    return editDistance(known, typed) <= Math.floor(known.length / 4);
  };
  return CONFIG_KEYS.find((k) => k.toLowerCase() === typed) ?? CONFIG_KEYS.find(near);
}

function unknownKeyMessage(key: string): string {
  const near = likelyMeant(key);
  return near
    ? `is not a known setting — did you mean "${near}"?`
    : `is not a known setting (known settings: ${CONFIG_KEYS.join(', ')})`;
}

/** One plain-words issue per field (and one per unknown key). */
export function toConfigIssues(error: z.core.$ZodError): ConfigIssue[] {
  return error.issues.flatMap((iss): ConfigIssue[] => {
    if (iss.code === 'unrecognized_keys') return iss.keys.map((key) => ({ field: key, message: unknownKeyMessage(key) }));
    const field = iss.path.length > 0 ? iss.path.map(String).join('.') : 'config.json';
    return [{ field, message: iss.message }];
  });
}

/** `field: message`, as shown to the person fixing config.json. */
export function formatConfigIssue(issue: ConfigIssue): string {
  return `${issue.field}: ${issue.message}`;
}
