/**
 * The seam between the emulator's HTTP layer (server.ts: TLS, routing,
 * sign-in provider, token checks, throttling, fault injection) and its
 * Graph engine (graph/: state, OData, resource handlers). The engine is a
 * plain function of a parsed request so contract tests can drive it without
 * sockets, and the server can wrap it with cross-cutting behaviour.
 */

/** Who is calling, from a validated access token. */
export interface Principal {
  kind: 'user' | 'app';
  /** Object id of the user, or the app's client id for app tokens. */
  oid: string;
  tenantId: string;
  /** Client (application) id that asked for the token (`azp`/`appid`). */
  appId: string;
  username?: string;
  name?: string;
  /** Delegated scopes (`scp`, split on spaces) or application roles (`roles`). */
  permissions: readonly string[];
}

export interface GraphRequest {
  method: string;
  /** Path below the version segment, e.g. `/deviceManagement/embeddedSIMActivationCodePools`. URL-decoded segments. */
  path: string;
  /** Raw query parameters (already URL-decoded), e.g. `$top` → `"10"`. */
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON body, or undefined when none was sent. `bodyError` is set when the body was not valid JSON. */
  body?: unknown;
  bodyError?: string;
  principal: Principal;
  /** Absolute base of this service, e.g. `https://localhost:8443/beta`, for `@odata.context` and `@odata.nextLink`. */
  baseUrl: string;
  /** The request-id the server will send back; include it in error bodies. */
  requestId: string;
  clientRequestId?: string;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as text/plain (`/$count`); undefined sends no body. */
  body?: unknown;
}

export type GraphHandler = (req: GraphRequest) => GraphResponse | Promise<GraphResponse>;
