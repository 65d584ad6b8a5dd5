/**
 * The common GET pipeline for Intune-style entity sets: parse the query
 * options, filter / search / sort / page, project, expand, wrap in the OData
 * envelope. Also single-entity GETs and `/$count`.
 */
import type { GraphRequest, GraphResponse } from '../types.ts';
import { countText, ok } from './context.ts';
import {
  assertKnownOptions,
  collectionBody,
  contextUrl,
  getOption,
  page,
  parseCount,
  parseExpand,
  parseFilterOption,
  parseOrderBy,
  parseSelect,
  parseSkip,
  parseTop,
  project,
  withSelect,
} from './odata.ts';
import type { ExpandClause, Row } from './odata.ts';
import type { EntitySpec } from './schema.ts';

export const INTUNE_MAX_PAGE = 1000;

export interface SetConfig {
  spec: EntitySpec;
  /** Context fragment of the set, e.g. `deviceManagement/embeddedSIMActivationCodePools`. */
  fragment: string;
  navSpecs?: Readonly<Record<string, EntitySpec>>;
  /** Rows of a navigation property of one row, for `$expand`. */
  expand?: (row: Row, nav: string) => readonly Row[];
  /** `$search` support: a row test for a search term. */
  search?: (term: string) => (row: Row) => boolean;
}

function shape(row: Row, select: readonly string[] | null, expand: readonly ExpandClause[], cfg: SetConfig): Record<string, unknown> {
  const out = project(row, select);
  for (const clause of expand) out[clause.nav] = (cfg.expand?.(row, clause.nav) ?? []).map((r) => project(r, clause.select));
  return out;
}

function searchMatch(req: GraphRequest, cfg: SetConfig): ((row: Row) => boolean) | undefined {
  const raw = getOption(req.query, 'search');
  if (raw === undefined) return undefined;
  const term = raw.trim().replace(/^"(.*)"$/s, '$1');
  if (!cfg.search) return () => true;
  return cfg.search(term);
}

export function listEntities(req: GraphRequest, rows: readonly Row[], cfg: SetConfig): GraphResponse {
  assertKnownOptions(req.query);
  const select = parseSelect(req.query, cfg.spec);
  const expand = parseExpand(req.query, cfg.spec, cfg.navSpecs ?? {});
  const filter = parseFilterOption(req.query, cfg.spec);
  const orderby = parseOrderBy(req.query, cfg.spec);
  const top = parseTop(req.query, { max: INTUNE_MAX_PAGE, mode: 'clamp' });
  const skip = parseSkip(req.query);
  const count = parseCount(req.query);
  const match = searchMatch(req, cfg);
  const context = contextUrl(req.baseUrl, withSelect(cfg.fragment, select, expand));
  const pg = page(
    req,
    { ...(filter ? { predicate: filter.predicate } : {}), ...(match ? { match } : {}), orderby, ...(top !== undefined ? { top } : {}), skip, count },
    rows,
    { spec: cfg.spec, maxPageSize: INTUNE_MAX_PAGE, context },
  );
  return ok(collectionBody(context, pg.items.map((r) => shape(r, select, expand, cfg)), pg));
}

export function countEntities(req: GraphRequest, rows: readonly Row[], cfg: SetConfig): GraphResponse {
  assertKnownOptions(req.query);
  const filter = parseFilterOption(req.query, cfg.spec);
  const match = searchMatch(req, cfg);
  return countText(rows.filter((r) => (!filter || filter.predicate(r)) && (!match || match(r))).length);
}

export function entityBody(req: GraphRequest, row: Row, cfg: SetConfig, opts: { honourQuery: boolean }): Record<string, unknown> {
  let select: string[] | null = null;
  let expand: ExpandClause[] = [];
  if (opts.honourQuery) {
    assertKnownOptions(req.query);
    select = parseSelect(req.query, cfg.spec);
    expand = parseExpand(req.query, cfg.spec, cfg.navSpecs ?? {});
  }
  return { '@odata.context': contextUrl(req.baseUrl, `${withSelect(cfg.fragment, select, expand)}/$entity`), ...shape(row, select, expand, cfg) };
}

export function getEntity(req: GraphRequest, row: Row, cfg: SetConfig): GraphResponse {
  return ok(entityBody(req, row, cfg, { honourQuery: true }));
}
