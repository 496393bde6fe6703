import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { RuleCode } from "@/domain/rule-codes";
import { AccessError } from "@/server/auth/access";

// The one error shape of the JSON API (api.md "Errors") and the one place that decides which
// HTTP status each kind of failure gets. The wrapper (handler.ts) works in `ApiReply` values so a
// reply can be stored for an idempotent retry before it becomes a Response.

export type ApiErrorPayload = { error: { code: string; message: string; details: Record<string, unknown> } };

/** A status and JSON body, not yet a Response (so it can be stored and replayed). */
export type ApiReply = { status: number; body: unknown; headers?: Record<string, string> };

/** Refusal codes that mean "someone else got there first" (409) rather than "a rule said no" (422). */
export type ConflictCode = "CONFLICT" | "STALE_VERSION" | `DUPLICATE_${string}`;

/** What a service returns when it says no: a rule code (422) or a conflict code (409). */
export type ApiRefusal = {
  ok: false;
  code: RuleCode | ConflictCode | "IDEMPOTENCY_KEY_REUSED";
  message: string;
  field?: string;
  details?: Record<string, unknown>;
};

export const STALE_VERSION_MESSAGE =
  "This record was changed by someone else. Reload it to see their changes, then try again.";

/** The one mapping from a refusal code to its status: conflicts 409, every other refusal 422. */
export function statusForRefusal(code: ApiRefusal["code"]): 409 | 422 {
  return code === "CONFLICT" || code === "STALE_VERSION" || code.startsWith("DUPLICATE_") ? 409 : 422;
}

/** Thrown by a route handler for a reply that is neither success nor a service refusal (e.g. 429). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorReply(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  headers?: Record<string, string>,
): ApiReply {
  const body: ApiErrorPayload = { error: { code, message, details } };
  return headers ? { status, body, headers } : { status, body };
}

export const unauthenticatedReply = (message = "Sign in, or send a valid API token in the Authorization header") =>
  errorReply(401, "UNAUTHENTICATED", message);
export const forbiddenReply = (message = "Your role does not allow you to do this") => errorReply(403, "FORBIDDEN", message);
export const notFoundReply = (message = "The record could not be found") => errorReply(404, "NOT_FOUND", message);
export const conflictReply = (message = "This record already exists", details: Record<string, unknown> = {}) =>
  errorReply(409, "CONFLICT", message, details);
export const staleVersionReply = () => errorReply(409, "STALE_VERSION", STALE_VERSION_MESSAGE);

export type InputLocation = "body" | "query" | "params";
export type FieldProblem = { field: string; location: InputLocation; problem: string };

/** Per-parse zod messages in plain words; a schema's own messages still win. */
export const plainZodMessages = (issue: { code?: string; input?: unknown }): string | undefined =>
  issue.code === "invalid_type" && issue.input === undefined ? "This field is required" : undefined;

/** Each zod issue as one field's problem; unknown fields (strict schemas) get one entry each. */
export function fieldProblems(issues: readonly z.core.$ZodIssue[], location: InputLocation): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, location, problem: "This field is not recognised" }));
    }
    return [{ field: base || `(${location})`, location, problem: issue.message }];
  });
}

/** 400 VALIDATION_FAILED: the message names the fields; details list each field's problem. */
export function validationReply(issues: readonly z.core.$ZodIssue[], location: InputLocation): ApiReply {
  const fields = fieldProblems(issues, location);
  const names = [...new Set(fields.map((f) => f.field))];
  const unknownOnly = fields.every((f) => f.problem === "This field is not recognised");
  const message = unknownOnly
    ? `These fields are not recognised: ${names.join(", ")}. Check their spelling against the API documentation.`
    : `Check these fields: ${names.join(", ")}.`;
  return errorReply(400, "VALIDATION_FAILED", message, { fields });
}

/** A service's refusal: 409 for conflicts, 422 for a business rule (api.md). */
export function refusalReply(refusal: ApiRefusal): ApiReply {
  const message = refusal.code === "STALE_VERSION" && !refusal.message ? STALE_VERSION_MESSAGE : refusal.message;
  const details = { ...(refusal.details ?? {}), ...(refusal.field ? { field: refusal.field } : {}) };
  return errorReply(statusForRefusal(refusal.code), refusal.code, message, details);
}

export function accessErrorReply(error: AccessError): ApiReply {
  return errorReply(error.status, error.code, error.message);
}

/** Errors a handler throws on purpose (AccessError, ApiError) as replies; anything else is null. */
export function expectedErrorReply(error: unknown): ApiReply | null {
  if (error instanceof AccessError) return accessErrorReply(error);
  if (error instanceof ApiError) return errorReply(error.status, error.code, error.message, error.details, error.headers);
  if (isUniqueViolation(error)) return conflictReply("This record already exists, or was created by someone else at the same moment");
  return null;
}

// Prisma reports a unique-constraint violation as P2002; two people creating the same record at once is a 409.
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

/** 500: logs the error with a reference the caller can quote; never sends the stack or message. */
export function internalErrorReply(error: unknown, context: { method: string; path: string; reference?: string }): ApiReply {
  const reference = context.reference ?? randomUUID();
  console.error(`[api] ${reference} ${context.method} ${context.path} failed`, error);
  return errorReply(500, "INTERNAL_ERROR", `Something went wrong. Reference: ${reference}`);
}

export function toResponse(reply: ApiReply): Response {
  const headers = new Headers(reply.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
}
