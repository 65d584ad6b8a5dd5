/** `/me`: the signed-in user (delegated tokens only). */
import { USERS } from '../constants.ts';
import type { Principal } from '../types.ts';
import type { GraphResponse } from '../types.ts';
import { ok } from './context.ts';
import type { Ctx } from './context.ts';
import { assertKnownOptions, contextUrl, parseSelect, project, withSelect } from './odata.ts';
import type { Row } from './odata.ts';
import { requireDelegated } from './permissions.ts';
import { USER_SPEC } from './schema.ts';

function userRow(oid: string, upn: string, name: string, jobTitle: string | null): Row {
  const [givenName = null, ...rest] = name.split(' ');
  return {
    businessPhones: [],
    displayName: name,
    givenName,
    jobTitle,
    mail: upn,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: rest.length > 0 ? rest.join(' ') : null,
    userPrincipalName: upn,
    id: oid,
  };
}

/** The tenant's users in Graph's default `user` shape. */
export function userRows(): Row[] {
  return USERS.map((u) => userRow(u.oid, u.username, u.name, null));
}

function principalRow(p: Principal): Row {
  const known = userRows().find((u) => String(u['id']).toLowerCase() === p.oid.toLowerCase());
  if (known) return known;
  const upn = p.username ?? `${p.oid}@unknown`;
  return userRow(p.oid, upn, p.name ?? upn, null);
}

export function getMe(ctx: Ctx): GraphResponse {
  const { req } = ctx;
  requireDelegated(req.principal);
  assertKnownOptions(req.query);
  const select = parseSelect(req.query, USER_SPEC);
  return ok({ '@odata.context': contextUrl(req.baseUrl, `${withSelect('users', select)}/$entity`), ...project(principalRow(req.principal), select) });
}
