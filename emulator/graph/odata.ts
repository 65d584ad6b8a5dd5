/**
 * OData system query options shared by every collection: option lookup
 * (Graph beta lets the `$` be omitted and ignores case), `$select`,
 * `$orderby`, `$expand`, `$top`/`$skip`/`$count`, keyset paging with an
 * opaque `$skiptoken`, `@odata.context` and absolute `@odata.nextLink`.
 */
import type { GraphRequest } from '../types.ts';
import { badRequest, GraphError } from './errors.ts';
import { compileFilter } from './filter.ts';
import type { Expr, Predicate } from './filter.ts';
import { resolveNavigation, resolveProp, unknownPropertyMessage } from './schema.ts';
import type { EntitySpec } from './schema.ts';

export type Row = Readonly<Record<string, unknown>>;

const SYSTEM_OPTIONS: ReadonlySet<string> = new Set([
  'select',
  'filter',
  'orderby',
  'top',
  'skip',
  'count',
  'expand',
  'search',
  'skiptoken',
  'format',
  'deltatoken',
]);

/** `$name` or (beta) `name`, case-insensitively; twice → 400 like OData. */
export function getOption(query: URLSearchParams, name: string): string | undefined {
  let found: string | undefined;
  let seen = 0;
  for (const [key, value] of query) {
    const lower = key.toLowerCase();
    if (lower === `$${name}` || lower === name) {
      seen++;
      found = value;
    }
  }
  if (seen > 1) throw badRequest(`Query option '$${name}' was specified more than once, but it must be specified at most once.`);
  return found;
}

/** Unknown `$options` are rejected, as OData does. */
export function assertKnownOptions(query: URLSearchParams): void {
  for (const key of query.keys()) {
    if (key.startsWith('$') && !SYSTEM_OPTIONS.has(key.slice(1).toLowerCase())) {
      throw badRequest(`The query parameter '${key}' is not supported.`);
    }
  }
}

function nonNegativeInt(query: URLSearchParams, name: string): number | undefined {
  const raw = getOption(query, name);
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!/^\d{1,9}$/.test(text)) {
    throw badRequest(`Invalid value '${raw}' for $${name} query option found. The $${name} query option requires a non-negative integer value.`);
  }
  return Number(text);
}

export interface TopPolicy {
  max: number;
  /** `clamp`: values above max are lowered to it (Intune); `directory`: 1..max or 400 (Entra). */
  mode: 'clamp' | 'directory';
}

export function parseTop(query: URLSearchParams, policy: TopPolicy): number | undefined {
  const top = nonNegativeInt(query, 'top');
  if (top === undefined) return undefined;
  if (policy.mode === 'directory') {
    if (top < 1 || top > policy.max) {
      throw new GraphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${top}'. Must be between 1 and ${policy.max} inclusive.`);
    }
    return top;
  }
  return Math.min(top, policy.max);
}

export function parseSkip(query: URLSearchParams): number {
  return nonNegativeInt(query, 'skip') ?? 0;
}

export function parseCount(query: URLSearchParams): boolean {
  const raw = getOption(query, 'count');
  if (raw === undefined) return false;
  const text = raw.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw badRequest(`'${raw}' is not a valid count option.`);
}

function splitList(raw: string, option: string): string[] {
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw badRequest(`Syntax error: empty item in the $${option} query option '${raw}'.`);
  return items;
}

/** `$select` → canonical structural property names (`null` = all). Navigation names are accepted and ignored. */
export function parseSelectText(raw: string | undefined, spec: EntitySpec): string[] | null {
  if (raw === undefined) return null;
  const names: string[] = [];
  for (const item of splitList(raw, 'select')) {
    if (item === '*') return null;
    const name = resolveProp(spec, item);
    if (name === undefined) {
      if (resolveNavigation(spec, item) !== undefined) continue;
      throw badRequest(unknownPropertyMessage(spec, item));
    }
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function parseSelect(query: URLSearchParams, spec: EntitySpec): string[] | null {
  return parseSelectText(getOption(query, 'select'), spec);
}

export interface OrderClause {
  prop: string;
  desc: boolean;
}

export function parseOrderBy(query: URLSearchParams, spec: EntitySpec): OrderClause[] {
  const raw = getOption(query, 'orderby');
  if (raw === undefined) return [];
  const clauses: OrderClause[] = [];
  for (const item of splitList(raw, 'orderby')) {
    const parts = item.split(/\s+/);
    const [propText, dirText, extra] = parts;
    if (propText === undefined || extra !== undefined) throw badRequest(`Syntax error at '${item}' in the $orderby query option '${raw}'.`);
    const dir = (dirText ?? 'asc').toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw badRequest(`Syntax error: '${dirText ?? ''}' is not a valid sort direction in '${raw}'.`);
    const prop = resolveProp(spec, propText);
    if (prop === undefined) throw badRequest(unknownPropertyMessage(spec, propText));
    if (!spec.props[prop]?.sortable) throw badRequest(`The property '${prop}' cannot be used in the $orderby query option.`);
    if (clauses.some((c) => c.prop === prop)) throw badRequest(`Duplicate property named '${prop}' is not supported in '$orderby'.`);
    clauses.push({ prop, desc: dir === 'desc' });
  }
  return clauses;
}

export interface ExpandClause {
  nav: string;
  select: string[] | null;
}

/** `$expand=nav` or `nav($select=a,b)`; `*` expands every navigation property. */
export function parseExpand(query: URLSearchParams, spec: EntitySpec, navSpecs: Readonly<Record<string, EntitySpec>>): ExpandClause[] {
  const raw = getOption(query, 'expand');
  if (raw === undefined) return [];
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of raw) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += ch;
  }
  items.push(current.trim());
  if (depth !== 0 || items.some((i) => i === '')) throw badRequest(`Syntax error in the $expand query option '${raw}'.`);
  const clauses: ExpandClause[] = [];
  for (const item of items) {
    const m = /^([^()]+?)\s*(?:\((.*)\))?$/s.exec(item);
    const name = m?.[1]?.trim() ?? item;
    const opts = m?.[2];
    // `*` expands what the set can expand; naming a navigation it cannot expand is refused below.
    const navs = name === '*' ? spec.navigations.filter((n) => navSpecs[n] !== undefined) : [resolveNavigation(spec, name)];
    for (const nav of navs) {
      if (nav === undefined) {
        if (resolveProp(spec, name) !== undefined) throw badRequest(`Property '${name}' on type '${spec.typeName}' is not a navigation property or complex property. Only navigation properties can be expanded.`);
        throw badRequest(unknownPropertyMessage(spec, name));
      }
      const navSpec = navSpecs[nav];
      if (!navSpec) throw badRequest(`Expanding the navigation property '${nav}' of type '${spec.typeName}' is not supported; read it from its own URL.`);
      let select: string[] | null = null;
      if (opts !== undefined && opts.trim() !== '') {
        for (const opt of opts.split(';')) {
          const eq = opt.indexOf('=');
          const key = (eq < 0 ? opt : opt.slice(0, eq)).trim().toLowerCase();
          if (key !== '$select' && key !== 'select') throw badRequest(`The query option '${key}' is not supported inside $expand.`);
          select = parseSelectText(opt.slice(eq + 1), navSpec);
        }
      }
      clauses.push({ nav, select });
    }
  }
  return clauses;
}

export function parseFilterOption(query: URLSearchParams, spec: EntitySpec): { ast: Expr; predicate: Predicate } | undefined {
  const raw = getOption(query, 'filter');
  if (raw === undefined) return undefined;
  return compileFilter(raw, spec);
}

// ---------------------------------------------------------------- projection

/** Keeps `id` and the selected properties, in the entity's declared order. */
export function project(row: Row, select: readonly string[] | null): Record<string, unknown> {
  if (select === null) return { ...row };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) if (key === 'id' || select.includes(key)) out[key] = row[key];
  return out;
}

export function contextUrl(baseUrl: string, fragment: string): string {
  return `${baseUrl}/$metadata#${fragment}`;
}

/**
 * `pools` + select [a,b] → `pools(a,b)`; expansions add `nav()` / `nav(x)`, as
 * OData reports the shape of a projected or expanded response.
 */
export function withSelect(fragment: string, select: readonly string[] | null, expand: readonly ExpandClause[] = []): string {
  const items = [...(select ?? []), ...expand.map((e) => `${e.nav}(${e.select?.join(',') ?? ''})`)];
  return items.length === 0 ? fragment : `${fragment}(${items.join(',')})`;
}

// ---------------------------------------------------------------- ordering and paging

type Key = readonly (string | number | boolean | null)[];

/** A sortable form of a value: strings lower-cased, dates as epoch ms, enums as member index. */
function sortValue(value: unknown, spec: EntitySpec, prop: string): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  const def = spec.props[prop];
  switch (def?.type) {
    case 'datetime':
      return Date.parse(String(value));
    case 'int':
      return Number(value);
    case 'boolean':
      return Boolean(value);
    case 'enum':
      return (def.enumValues ?? []).indexOf(String(value));
    default:
      return String(value).toLowerCase();
  }
}

function keyOf(row: Row, clauses: readonly OrderClause[], spec: EntitySpec): Key {
  return [...clauses.map((c) => sortValue(row[c.prop], spec, c.prop)), String(row['id'])];
}

/** Nulls sort first (lowest), as in OData. */
function compareScalar(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareKeys(a: Key, b: Key, clauses: readonly OrderClause[]): number {
  for (let i = 0; i < clauses.length; i++) {
    const c = compareScalar(a[i], b[i]);
    if (c !== 0) return clauses[i]?.desc ? -c : c;
  }
  // Tie-breaker: id, exact and ascending, so paging is stable.
  return compareScalar(a[clauses.length], b[clauses.length]);
}

function signature(clauses: readonly OrderClause[]): string {
  return clauses.map((c) => `${c.prop} ${c.desc ? 'desc' : 'asc'}`).join(',');
}

// base64url of UTF-8 with Web APIs only (no Buffer), so the engine also runs in the browser-like test environment.
function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string {
  const base64 = token.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function encodeToken(clauses: readonly OrderClause[], key: Key): string {
  return toBase64Url(JSON.stringify({ v: 1, o: signature(clauses), k: key }));
}

function invalidToken(): GraphError {
  return badRequest('The $skiptoken value is invalid or does not belong to this query.');
}

function decodeToken(token: string, clauses: readonly OrderClause[]): Key {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(token));
  } catch {
    throw invalidToken();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidToken();
  const { v, o, k } = parsed as { v?: unknown; o?: unknown; k?: unknown };
  if (v !== 1 || o !== signature(clauses) || !Array.isArray(k) || k.length !== clauses.length + 1) throw invalidToken();
  const key = k as unknown[];
  if (!key.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) throw invalidToken();
  return key as Key;
}

function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%24/g, '$').replace(/%2C/gi, ',');
}

function nextLink(req: GraphRequest, token: string): string {
  const path = req.path
    .split('/')
    .map((s) => encodeQueryPart(s))
    .join('/');
  const parts: string[] = [];
  for (const [key, value] of req.query) {
    const lower = key.toLowerCase().replace(/^\$/, '');
    if (lower === 'skip' || lower === 'skiptoken') continue;
    parts.push(`${encodeQueryPart(key)}=${encodeQueryPart(value)}`);
  }
  parts.push(`$skiptoken=${token}`);
  return `${req.baseUrl}${path}?${parts.join('&')}`;
}

export interface CollectionQuery {
  predicate?: Predicate;
  /** Extra row test, e.g. `$search`. */
  match?: (row: Row) => boolean;
  orderby: OrderClause[];
  top?: number;
  skip: number;
  count: boolean;
}

export interface PageOptions {
  spec: EntitySpec;
  maxPageSize: number;
  context: string;
}

export interface Page<R> {
  items: R[];
  count?: number;
  nextLink?: string;
}

/** Filters, sorts and cuts one page; the nextLink's `$skiptoken` holds the last key (keyset paging). */
export function page<R extends Row>(req: GraphRequest, query: CollectionQuery, rows: readonly R[], opts: PageOptions): Page<R> {
  const { predicate, match } = query;
  const filtered = rows.filter((r) => (!predicate || predicate(r)) && (!match || match(r)));
  const clauses = query.orderby;
  const keyed = filtered.map((row) => ({ row, key: keyOf(row, clauses, opts.spec) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, clauses));
  const tokenText = getOption(req.query, 'skiptoken');
  let start = query.skip;
  if (tokenText !== undefined) {
    const cursor = decodeToken(tokenText, clauses);
    let lo = 0;
    let hi = keyed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const entry = keyed[mid];
      if (entry && compareKeys(entry.key, cursor, clauses) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const size = Math.min(query.top ?? opts.maxPageSize, opts.maxPageSize);
  const slice = keyed.slice(start, start + size);
  const result: Page<R> = { items: slice.map((e) => e.row) };
  if (query.count) result.count = filtered.length;
  const last = slice[slice.length - 1];
  if (last && start + size < keyed.length) result.nextLink = nextLink(req, encodeToken(clauses, last.key));
  return result;
}

/** The OData collection envelope, in Graph's property order. */
export function collectionBody(context: string, items: readonly unknown[], pg: { count?: number; nextLink?: string }): Record<string, unknown> {
  const body: Record<string, unknown> = { '@odata.context': context };
  if (pg.count !== undefined) body['@odata.count'] = pg.count;
  if (pg.nextLink !== undefined) body['@odata.nextLink'] = pg.nextLink;
  body['value'] = items;
  return body;
}
