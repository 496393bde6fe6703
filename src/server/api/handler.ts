import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { assertCan, type AppUser } from "@/server/auth/access";
import { authenticateBearer } from "@/server/auth/api-tokens";
import { apiSessionUser } from "@/server/auth/api-session";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { logger } from "@/server/log";
import type { Tx } from "@/server/db/create-client";
import { isRefusal, transactionRollingBackRefusals } from "@/server/db/transaction";
import {
  ApiError,
  errorReply,
  expectedErrorReply,
  internalErrorReply,
  invalidIdReply,
  plainZodMessages,
  refusalReply,
  toResponse,
  unauthenticatedReply,
  validationReply,
  type ApiReply,
  type InputLocation,
} from "./api-error";
import { canonicalPath, idempotencyRequestHash, isValidIdempotencyKey } from "./idempotency-hash";
import { runIdempotent, withSavepoint } from "./idempotency";
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from "@/server/input/plain-text";
import { rateDecision } from "@/server/auth/token-rate";
import { mediaType, queryObject, readJsonBody } from "./request-input";
import type { ServiceFailure } from "@/server/services/result";
import type { JsonText } from "@/server/json-text";
import type { ApiRouteSpec, BodyOf, IsPublic, ParamsOf, QueryOf, ResponseOf } from "./route-spec";

// The one wrapper for every /api/v1 route handler: authenticate → authorise the role → parse
// params, query and body with the route's zod schemas → run the handler (inside the idempotency
// transaction when the caller sent a key) → map its result or error to the JSON error shape.

export type ApiContext<S extends ApiRouteSpec> = {
  user: IsPublic<S> extends true ? null : AppUser;
  body: BodyOf<S>;
  query: QueryOf<S>;
  params: ParamsOf<S>;
  request: Request;
  /** Reference for logs; also the id quoted in a 500's message. */
  requestId: string;
  /**
   * Runs writes in one transaction. A result with `ok: false` rolls the writes back. On an
   * idempotent request it is the same transaction that stores the key, so use it for EVERY
   * read and write of the command (a second connection could wait on a lock this one holds).
   */
  transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
};

/**
 * What a handler returns: its value (or the value already written as JSON text), or a service's
 * refusal as the service gave it (ServiceFailure).
 */
export type HandlerResult<T> = { ok: true; value: T | JsonText<T> } | ServiceFailure;
export type ApiHandler<S extends ApiRouteSpec> = (ctx: ApiContext<S>) => Promise<HandlerResult<ResponseOf<S>>>;
/** Next's route handler shape; `context` is optional so tests can call `GET(new Request(url))`. */
export type RouteHandler = (
  request: Request,
  context?: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
type Parsed<T> = { ok: true; value: T } | { ok: false; reply: ApiReply };

function parseWith(schema: z.ZodType | undefined, input: unknown, location: InputLocation): Parsed<unknown> {
  if (!schema) return { ok: true, value: undefined };
  const result = schema.safeParse(input, { error: plainZodMessages });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    reply: location === "params" ? invalidIdReply(result.error.issues) : validationReply(result.error.issues, location),
  };
}

async function authenticateRequest(
  request: Request,
): Promise<{ user: AppUser | null; via: "token" | "session" | null }> {
  const header = request.headers.get("authorization");
  // A caller who sends a token is judged on the token alone, never silently on a cookie.
  if (header !== null) {
    // The token's lookup counts the request against its per-minute limit in the same statement
    // (an unknown token is refused before anything is counted).
    const now = new Date();
    const found = await authenticateBearer(db, header, now);
    if (found) limitTokenRate(found.requestsThisMinute, now);
    return { user: found?.user ?? null, via: "token" };
  }
  const user = await apiSessionUser(request);
  return { user, via: user ? "session" : null };
}

function limitTokenRate(requestsThisMinute: number, now: Date): void {
  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  const decision = rateDecision(requestsThisMinute, limit, now);
  if (!decision.ok) {
    throw new ApiError(
      429,
      "RATE_LIMITED",
      `Too many requests with this token: at most ${limit} a minute. Wait ${decision.retryAfterSeconds} seconds, then try again.`,
      { limitPerMinute: limit },
      { "retry-after": String(decision.retryAfterSeconds) },
    );
  }
}

/** 400 for a control character or lone surrogate anywhere in the input (PostgreSQL would refuse it with a 500). */
function unsafeTextReply(field: string, location: "query" | "body"): ApiReply {
  return errorReply(400, "VALIDATION_FAILED", `Check this field: ${field}. ${UNSAFE_TEXT_MESSAGE}.`, {
    fields: [{ field, location, problem: UNSAFE_TEXT_MESSAGE }],
  });
}

function successReply(spec: ApiRouteSpec, result: HandlerResult<unknown>): ApiReply {
  if (!result.ok) return refusalReply(result);
  return { status: spec.status ?? 200, body: result.value ?? null };
}

/** Wraps a route handler with authentication, parsing, authorisation, idempotency and error mapping. */
export function apiRoute<const S extends ApiRouteSpec>(spec: S, handler: ApiHandler<S>): RouteHandler {
  return async (request, context) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(request.url);
    const caller: Caller = { userId: null };
    let reply: ApiReply;
    try {
      reply = await handle(spec, handler, request, context, url, requestId, caller);
    } catch (error) {
      reply =
        expectedErrorReply(error) ??
        internalErrorReply(error, { method: request.method, path: spec.path, reference: requestId });
    }
    // One line per request: never the body, the query or the token (they may name people).
    logger().info(
      {
        requestId,
        userId: caller.userId,
        method: request.method,
        route: spec.path,
        status: reply.status,
        durationMs: Math.round(performance.now() - started),
      },
      "api request",
    );
    return toResponse({ ...reply, headers: { ...reply.headers, "x-request-id": requestId } });
  };
}

/** Who made the request, once known, for the request's log line. */
type Caller = { userId: string | null };

async function handle<S extends ApiRouteSpec>(
  spec: S,
  handler: ApiHandler<S>,
  request: Request,
  context: Parameters<RouteHandler>[1],
  url: URL,
  requestId: string,
  caller: Caller,
): Promise<ApiReply> {
  let user: AppUser | null = null;
  if (spec.auth !== "none") {
    const authenticated = await authenticateRequest(request);
    if (!authenticated.user) return unauthenticatedReply();
    user = authenticated.user;
    caller.userId = user.id;
    if (spec.permission) assertCan(user, spec.permission);
    // CSRF: with a cookie, a write must be JSON — a cross-site form cannot send that without a CORS preflight we never grant.
    if (
      authenticated.via === "session" &&
      UNSAFE_METHODS.has(request.method) &&
      mediaType(request) !== "application/json"
    ) {
      return errorReply(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the request with the header Content-Type: application/json.",
      );
    }
  }

  const params = parseWith(spec.params, context ? await context.params : {}, "params");
  if (!params.ok) return params.reply;
  const rawQuery = queryObject(url);
  const unsafeQuery = findUnsafeText(rawQuery);
  if (unsafeQuery !== null) return unsafeTextReply(unsafeQuery, "query");
  const query = parseWith(spec.query, rawQuery, "query");
  if (!query.ok) return query.reply;
  let rawBody: unknown = undefined;
  if (spec.body) {
    const read = await readJsonBody(request);
    if (!read.ok) return read.reply;
    rawBody = read.value;
    const unsafeField = findUnsafeText(rawBody);
    if (unsafeField !== null) return unsafeTextReply(unsafeField, "body");
  }
  const body = parseWith(spec.body, rawBody, "body");
  if (!body.ok) return body.reply;

  const key = spec.idempotent && user ? request.headers.get("idempotency-key") : null;
  if (key !== null && !isValidIdempotencyKey(key)) {
    return errorReply(
      400,
      "INVALID_IDEMPOTENCY_KEY",
      "The Idempotency-Key header must be 1 to 200 visible characters, such as a UUID.",
    );
  }

  const run = async (transaction: ApiContext<S>["transaction"]): Promise<ApiReply> => {
    const ctx = {
      user,
      body: body.value,
      query: query.value,
      params: params.value,
      request,
      requestId,
      transaction,
    } as ApiContext<S>;
    try {
      return successReply(spec, await handler(ctx));
    } catch (error) {
      const reply = expectedErrorReply(error);
      if (reply) return reply;
      throw error;
    }
  };

  if (key === null || !user) return run(transactionRollingBackRefusals);
  const path = canonicalPath(url);
  const requestHash = idempotencyRequestHash({ method: request.method, path, body: rawBody });
  return runIdempotent(db, { userId: user.id, key, method: request.method, path, requestHash }, (tx) =>
    run((fn) => withSavepoint(tx, fn, isRefusal)),
  );
}
