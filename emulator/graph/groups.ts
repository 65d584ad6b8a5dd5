/**
 * Entra directory reads used by the assignment picker: `/groups` (with the
 * directory's query restrictions and advanced queries behind
 * `ConsistencyLevel: eventual`), `/groups/{id}`, `/groups/{id}/members/$count`,
 * `/groups/$count` and `POST /directoryObjects/getByIds`.
 */
import type { GraphRequest, GraphResponse } from '../types.ts';
import { countText, ok } from './context.ts';
import type { Ctx } from './context.ts';
import { GraphError } from './errors.ts';
import { walkFilter } from './filter.ts';
import type { Expr } from './filter.ts';
import { GROUP_TYPE, USER_TYPE } from './model.ts';
import type { GroupRecord } from './model.ts';
import {
  assertKnownOptions,
  collectionBody,
  contextUrl,
  getOption,
  page,
  parseCount,
  parseFilterOption,
  parseOrderBy,
  parseSelect,
  parseTop,
  project,
  withSelect,
} from './odata.ts';
import type { Row } from './odata.ts';
import { requireDirectoryRead } from './permissions.ts';
import { groupRow } from './rows.ts';
import { GROUP_SPEC } from './schema.ts';
import { objectBody } from './validation.ts';
import { userRows } from './me.ts';

export const DIRECTORY_DEFAULT_PAGE = 100;
export const DIRECTORY_MAX_TOP = 999;
const MAX_IN_VALUES = 15;
const MAX_GET_BY_IDS = 1000;

function unsupported(message: string): GraphError {
  return new GraphError(400, 'Request_UnsupportedQuery', message);
}

function directoryBadRequest(message: string): GraphError {
  return new GraphError(400, 'Request_BadRequest', message);
}

function isAdvanced(req: GraphRequest): boolean {
  return (req.headers['consistencylevel'] ?? '').trim().toLowerCase() === 'eventual';
}

function consistencyRequired(option: '$search' | '$count'): GraphError {
  return unsupported(`Request with ${option} query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'`);
}

export function groupNotFound(id: string): GraphError {
  return new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

// ---------------------------------------------------------------- $search

/** Directory tokenisation: splits on non-alphanumerics, case changes and letter/digit boundaries. */
export function tokenize(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])|([0-9])([A-Za-z])/g, '$1$3 $2$4')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '')
    .map((t) => t.toLowerCase());
}

/** One `"property:term"` clause, already unquoted and unescaped. */
function searchClause(inner: string): (row: Row) => boolean {
  const sep = inner.indexOf(':');
  const propText = sep >= 0 ? inner.slice(0, sep).trim() : '';
  const term = sep >= 0 ? inner.slice(sep + 1) : inner;
  const props = propText === '' ? ['displayName', 'description'] : [propText];
  for (const p of props) {
    if (!['displayname', 'description', 'mail', 'mailnickname'].includes(p.toLowerCase())) {
      throw unsupported(`Invalid $search property '${p}': searching groups is supported on displayName, description, mail and mailNickname.`);
    }
  }
  const needles = tokenize(term);
  return (row) =>
    props.some((p) => {
      const key = Object.keys(row).find((k) => k.toLowerCase() === p.toLowerCase()) ?? p;
      const words = tokenize(String(row[key] ?? ''));
      return needles.every((n) => words.some((w) => w.startsWith(n)));
    });
}

function searchSyntaxError(raw: string, pos: number): GraphError {
  return unsupported(`Syntax error: character '${raw.charAt(pos)}' is not valid at position ${pos} in '${raw}'.`);
}

/**
 * `"displayName:a b" AND "description:c"`: quoted clauses (`\"` and `\\` escaped
 * inside) joined by AND / OR, evaluated left to right.
 */
function parseGroupSearch(raw: string): (row: Row) => boolean {
  let i = 0;
  const skipSpace = () => {
    while (i < raw.length && /\s/.test(raw.charAt(i))) i++;
  };
  const clause = (): (row: Row) => boolean => {
    skipSpace();
    if (raw.charAt(i) !== '"') throw searchSyntaxError(raw, Math.min(i, raw.length - 1));
    i++;
    let inner = '';
    for (;;) {
      if (i >= raw.length) throw searchSyntaxError(raw, raw.length - 1);
      const c = raw.charAt(i++);
      if (c === '"') break;
      if (c === '\\') {
        if (i >= raw.length) throw searchSyntaxError(raw, raw.length - 1);
        inner += raw.charAt(i++);
      } else inner += c;
    }
    return searchClause(inner);
  };
  let test = clause();
  for (;;) {
    skipSpace();
    if (i >= raw.length) return test;
    const op = /^(AND|OR)\s/.exec(raw.slice(i))?.[1];
    if (!op) throw searchSyntaxError(raw, i);
    i += op.length;
    const next = clause();
    const prev = test;
    test = op === 'AND' ? (row) => prev(row) && next(row) : (row) => prev(row) || next(row);
  }
}

// ---------------------------------------------------------------- $filter restrictions

const BASIC_EQ = new Set(['id', 'displayName', 'mailNickname', 'mail', 'securityEnabled', 'mailEnabled', 'description', 'membershipRuleProcessingState', 'createdDateTime']);
const STARTSWITH = new Set(['displayName', 'mailNickname', 'mail', 'description']);

function firstProp(expr: Expr): string {
  let name = 'unknown';
  walkFilter(expr, (n) => {
    if (name === 'unknown' && n.k === 'prop') name = n.name;
    if (name === 'unknown' && n.k === 'lambda') name = n.collection;
  });
  return name;
}

function checkGroupFilter(ast: Expr, advanced: boolean): void {
  const rangeVariables = new Set<string>();
  walkFilter(ast, (node) => {
    if (node.k === 'lambda') rangeVariables.add(node.variable);
  });
  walkFilter(ast, (node) => {
    const reject = (): never => {
      throw unsupported(`Unsupported or invalid query filter clause specified for property '${firstProp(node)}' of resource 'Group'.`);
    };
    switch (node.k) {
      case 'in':
        if (node.list.length > MAX_IN_VALUES) {
          throw unsupported(`Too many child clauses specified in search filter expression containing 'OR' operators: ${node.list.length}. Max allowed: ${MAX_IN_VALUES}.`);
        }
        return;
      case 'cmp': {
        const prop = node.left.k === 'prop' ? node.left.name : node.right.k === 'prop' ? node.right.name : undefined;
        if (prop !== undefined && rangeVariables.has(prop)) {
          if (node.op !== 'eq' && !advanced) reject();
          return;
        }
        if (prop !== undefined && !BASIC_EQ.has(prop) && !advanced) reject();
        if (node.op !== 'eq' && !advanced) reject();
        return;
      }
      case 'not':
        if (!advanced) reject();
        return;
      case 'fn':
        if (node.name === 'startswith') {
          const arg = node.args[0];
          if (arg?.k !== 'prop' || !STARTSWITH.has(arg.name)) reject();
          return;
        }
        if (node.name === 'endswith' && advanced) return;
        reject();
        return;
      default:
        return;
    }
  });
}

// ---------------------------------------------------------------- handlers

function groupRows(ctx: Ctx): Row[] {
  return ctx.store.groups().map(groupRow);
}

export function listGroups(ctx: Ctx): GraphResponse {
  const { req } = ctx;
  requireDirectoryRead(req.principal);
  assertKnownOptions(req.query);
  const advanced = isAdvanced(req);
  if (getOption(req.query, 'skip') !== undefined) throw directoryBadRequest("'$skip' is not supported by the service.");
  if (getOption(req.query, 'expand') !== undefined) throw directoryBadRequest('Expanding navigation properties of groups is not supported by this service.');
  const count = parseCount(req.query);
  if (count && !advanced) throw consistencyRequired('$count');
  const searchText = getOption(req.query, 'search');
  if (searchText !== undefined && !advanced) throw consistencyRequired('$search');
  const match = searchText === undefined ? undefined : parseGroupSearch(searchText);
  const select = parseSelect(req.query, GROUP_SPEC);
  const filter = parseFilterOption(req.query, GROUP_SPEC);
  if (filter) {
    // Exact spellings matter to the directory's rules: bind names to canonical ones first.
    checkGroupFilter(canonicalize(filter.ast), advanced);
  }
  const orderby = parseOrderBy(req.query, GROUP_SPEC);
  if (orderby.some((c) => c.prop !== 'displayName') || (orderby.length > 0 && filter && !advanced)) {
    throw unsupported('Sorting not supported for current query.');
  }
  const top = parseTop(req.query, { max: DIRECTORY_MAX_TOP, mode: 'directory' });
  const context = contextUrl(req.baseUrl, withSelect('groups', select));
  const pg = page(
    req,
    { ...(filter ? { predicate: filter.predicate } : {}), ...(match ? { match } : {}), orderby, ...(top !== undefined ? { top } : {}), skip: 0, count },
    groupRows(ctx),
    { spec: GROUP_SPEC, maxPageSize: top ?? DIRECTORY_DEFAULT_PAGE, context },
  );
  return ok(collectionBody(context, pg.items.map((r) => project(r, select)), pg));
}

function canonicalize(ast: Expr): Expr {
  const names = Object.keys(GROUP_SPEC.props);
  const fix = (n: string): string => names.find((p) => p.toLowerCase() === n.toLowerCase()) ?? n;
  walkFilter(ast, (node) => {
    if (node.k === 'prop') node.name = fix(node.name);
  });
  return ast;
}

export function countGroups(ctx: Ctx): GraphResponse {
  const { req } = ctx;
  requireDirectoryRead(req.principal);
  if (!isAdvanced(req)) throw consistencyRequired('$count');
  assertKnownOptions(req.query);
  const filter = parseFilterOption(req.query, GROUP_SPEC);
  const searchText = getOption(req.query, 'search');
  const match = searchText === undefined ? undefined : parseGroupSearch(searchText);
  return countText(groupRows(ctx).filter((r) => (!filter || filter.predicate(r)) && (!match || match(r))).length);
}

function requireGroup(ctx: Ctx, id: string): GroupRecord {
  const group = ctx.store.getGroup(id);
  if (!group) throw groupNotFound(id);
  return group;
}

export function getGroup(ctx: Ctx, id: string): GraphResponse {
  const { req } = ctx;
  requireDirectoryRead(req.principal);
  assertKnownOptions(req.query);
  const select = parseSelect(req.query, GROUP_SPEC);
  const group = requireGroup(ctx, id);
  return ok({ '@odata.context': contextUrl(req.baseUrl, `${withSelect('groups', select)}/$entity`), ...project(groupRow(group), select) });
}

/**
 * `members/$count`, `transitiveMembers/$count` and their `microsoft.graph.device`
 * casts. Groups are not nested here, so transitive and direct members agree.
 */
export function countGroupMembers(ctx: Ctx, id: string, cast?: 'device'): GraphResponse {
  const { req } = ctx;
  requireDirectoryRead(req.principal);
  const group = requireGroup(ctx, id);
  if (!isAdvanced(req)) throw consistencyRequired('$count');
  assertKnownOptions(req.query);
  for (const option of ['filter', 'search', 'top', 'skip', 'orderby', 'select', 'expand']) {
    if (getOption(req.query, option) !== undefined) throw unsupported(`The query option '$${option}' on a member count is not emulated.`);
  }
  return countText(cast === 'device' ? group.deviceMemberCount : group.memberCount);
}

const DIRECTORY_TYPES = ['user', 'group', 'device', 'application', 'serviceprincipal', 'orgcontact', 'directoryrole', 'directoryobjectpartnerreference', 'administrativeunit'];

export function getByIds(ctx: Ctx): GraphResponse {
  const { req } = ctx;
  requireDirectoryRead(req.principal);
  const body = objectBody(req);
  for (const key of Object.keys(body)) {
    if (key !== 'ids' && key !== 'types' && !key.includes('@')) {
      throw directoryBadRequest(`The parameter '${key}' in the request payload is not a valid parameter for the operation 'getByIds'.`);
    }
  }
  const ids = body['ids'];
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i): i is string => typeof i === 'string')) {
    throw directoryBadRequest("The parameter 'ids' is required and must be a non-empty array of strings.");
  }
  if (ids.length > MAX_GET_BY_IDS) throw directoryBadRequest(`Too many ids: at most ${MAX_GET_BY_IDS} ids can be requested at once (got ${ids.length}).`);
  const rawTypes = body['types'];
  let types: string[] | null = null;
  if (rawTypes !== undefined && rawTypes !== null) {
    if (!Array.isArray(rawTypes) || !rawTypes.every((t): t is string => typeof t === 'string')) throw directoryBadRequest("The parameter 'types' must be an array of strings.");
    types = rawTypes.map((t) => t.replace(/^#?microsoft\.graph\./i, '').toLowerCase());
    const bad = types.find((t) => !DIRECTORY_TYPES.includes(t));
    if (bad !== undefined) throw directoryBadRequest(`Invalid object type '${bad}' in the 'types' parameter.`);
  }
  const wantGroups = types === null || types.includes('group');
  const wantUsers = types === null || types.includes('user');
  const users = userRows();
  const value: Record<string, unknown>[] = [];
  for (const id of ids) {
    const group = wantGroups ? ctx.store.getGroup(id) : undefined;
    if (group) {
      value.push({ '@odata.type': `#${GROUP_TYPE}`, ...groupRow(group) });
      continue;
    }
    const user = wantUsers ? users.find((u) => String(u['id']).toLowerCase() === id.toLowerCase()) : undefined;
    if (user) value.push({ '@odata.type': `#${USER_TYPE}`, ...user });
  }
  return ok({ '@odata.context': contextUrl(req.baseUrl, 'directoryObjects'), value });
}
