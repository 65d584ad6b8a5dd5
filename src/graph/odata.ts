/** OData system query options as Graph takes them, and small filter builders. */

export interface ODataQuery {
  select?: string[];
  filter?: string;
  orderby?: string | string[];
  top?: number;
  skip?: number;
  count?: boolean;
  /** The whole `$search` value, e.g. `searchPhrase('displayName', term)`. Needs ConsistencyLevel: eventual on directory objects. */
  search?: string;
  expand?: string | string[];
}

function list(v: string | string[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  const joined = (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean).join(',');
  return joined || undefined;
}

function whole(name: string, v: number | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0 (got ${v})`);
  return String(v);
}

/**
 * The query string for `q`, without the leading `?` ('' when empty). Option
 * names keep a literal `$` (URLSearchParams would send `%24select`); values
 * are percent-encoded with encodeURIComponent, so a space is `%20`, never `+`
 * (which OData would read as a literal plus).
 */
export function toSearchParams(q: ODataQuery | undefined): string {
  if (!q) return '';
  const pairs: [string, string | undefined][] = [
    ['$select', list(q.select)],
    ['$filter', q.filter || undefined],
    ['$search', q.search || undefined],
    ['$orderby', list(q.orderby)],
    ['$expand', list(q.expand)],
    ['$top', whole('$top', q.top)],
    ['$skip', whole('$skip', q.skip)],
    ['$count', q.count === undefined ? undefined : String(q.count)],
  ];
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
}

/** A string literal for `$filter`: single-quoted, with `'` doubled. */
export function odataString(v: string): string {
  return `'${v.replaceAll("'", "''")}'`;
}

export type ODataLiteral = string | number | boolean | null;

function literal(v: ODataLiteral): string {
  if (typeof v === 'string') return odataString(v);
  if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  return String(v);
}

const PROPERTY = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Property names are code, not data: refuse anything that could change the expression. */
function property(name: string): string {
  if (!PROPERTY.test(name)) throw new RangeError(`not an OData property path: ${JSON.stringify(name)}`);
  return name;
}

export const eq = (prop: string, v: ODataLiteral): string => `${property(prop)} eq ${literal(v)}`;
export const ne = (prop: string, v: ODataLiteral): string => `${property(prop)} ne ${literal(v)}`;
export const startsWith = (prop: string, v: string): string => `startswith(${property(prop)},${odataString(v)})`;

function join(op: 'and' | 'or', parts: (string | false | null | undefined)[]): string {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  return kept.length === 1 ? (kept[0] as string) : kept.map((p) => `(${p})`).join(` ${op} `);
}
/** Joins the truthy clauses with `and`, each parenthesised; '' when none. */
export const and = (...parts: (string | false | null | undefined)[]): string => join('and', parts);
/** Joins the truthy clauses with `or`, each parenthesised; '' when none. */
export const or = (...parts: (string | false | null | undefined)[]): string => join('or', parts);

/** A `$search` clause for directory objects: `"displayName:term"`, with `"` and `\` escaped. */
export function searchPhrase(prop: string, term: string): string {
  return `"${property(prop)}:${term.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * Tagged template for Graph paths: every interpolated value is one encoded
 * path segment, e.g. graphPath`/deviceManagement/embeddedSIMActivationCodePools/${id}/assign`.
 */
export function graphPath(strings: TemplateStringsArray, ...segments: (string | number)[]): string {
  return strings.reduce((out, s, i) => {
    if (i === 0) return s;
    const seg = String(segments[i - 1]);
    if (seg === '' || seg === '.' || seg === '..') throw new RangeError(`not a usable path segment: ${JSON.stringify(seg)}`);
    return out + encodeURIComponent(seg) + s;
  }, '');
}
