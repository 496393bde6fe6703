import type { z } from "zod";
import type { Permission } from "@/server/auth/permissions";

// What a /api/v1 route is: the wrapper (handler.ts) enforces it, the OpenAPI document
// (openapi.ts) describes it. One object, so the two cannot drift apart.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type RouteSpecBase = {
  method: HttpMethod;
  /** OpenAPI-style path: `/api/v1/cases/{id}` for `app/api/v1/cases/[id]/route.ts`. */
  path: `/api/v1/${string}`;
  summary: string;
  description?: string;
  /** OpenAPI tag that groups routes in the document, e.g. "Cases". */
  tag: string;
  /** Path segments; a value that fails this schema is 400 INVALID_ID (a well-formed unknown id is the service's 404). */
  params?: z.ZodType;
  query?: z.ZodType;
  /** The JSON body; use `.strict()` so unknown fields are a 400. */
  body?: z.ZodType;
  /** The success body, for the document (and the handler's return type). */
  response?: z.ZodType;
  /** Success status: 201 for creates, else 200. */
  status?: 200 | 201;
  /** Accepts `Idempotency-Key` (docs/api.md): a retry with the same key and body replays the first reply. */
  idempotent?: boolean;
  /** Statuses the generic rules do not predict (e.g. 429 on the token route), with a description. */
  extraResponses?: Readonly<Record<number, string>>;
};

/**
 * A route is public (`auth: "none"`: the token route, the OpenAPI document) or names the row of
 * the access table (src/server/auth/permissions.ts) that says which roles may call it (403
 * otherwise); region and record scope stay in the service.
 */
export type ApiRouteSpec = RouteSpecBase &
  ({ auth: "none"; permission?: never } | { auth?: "required"; permission: Permission });

/** Declares a route's contract; `const` keeps the literal types so the handler's context is precise. */
export function defineRoute<const S extends ApiRouteSpec>(spec: S): S {
  return spec;
}

type SchemaOutput<S, K extends string> = S extends { [P in K]: infer Z extends z.ZodType } ? z.output<Z> : undefined;

export type BodyOf<S> = SchemaOutput<S, "body">;
export type QueryOf<S> = SchemaOutput<S, "query">;
export type ParamsOf<S> = SchemaOutput<S, "params">;
export type ResponseOf<S> = S extends { response: infer Z extends z.ZodType } ? z.input<Z> : unknown;
export type IsPublic<S> = S extends { auth: "none" } ? true : false;
