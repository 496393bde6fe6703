import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { AccessError } from "@/server/auth/access";
import { JsonText } from "@/server/json-text";
import { isDatabaseUnavailable } from "@/server/db/availability";
import { logUnexpectedError } from "@/server/log";
import type { ServiceCode, ServiceFailure } from "@/server/services/result";

// The one error shape of the JSON API (docs/api.md "Errors") and the one place that decides which
// HTTP status each kind of failure gets. The wrapper (handler.ts) works in `ApiReply` values so a
// reply can be stored for an idempotent retry before it becomes a Response.

export type ApiErrorPayload = { error: { code: string; message: string; details: Record<string, unknown> } };

/** A status and JSON body, not yet a Response (so it can be stored and replayed). */
export type ApiReply = { status: number; body: unknown; headers?: Record<string, string> };

export const STALE_VERSION_MESSAGE =
  "This record was changed by someone else. Reload it to see their changes, then try again.";

/**
 * The one mapping from a refusal code to its status: "someone else got there first" (CONFLICT,
 * STALE_VERSION, DUPLICATE_…) 409, every other refusal (a rule said no) 422.
 */
export function statusForRefusal(code: ServiceCode | "IDEMPOTENCY_KEY_REUSED"): 409 | 422 {
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
export const conflictReply = (message = "This record already exists", details: Record<string, unknown> = {}) =>
  errorReply(409, "CONFLICT", message, details);

export type InputLocation = "body" | "query" | "params";
export type FieldProblem = { field: string; location: InputLocation; problem: string };

const EXPECTED_TYPE: Record<string, string> = {
  string: "Enter text",
  number: "Enter a number",
  int: "Enter a whole number",
  boolean: "Enter true or false",
  array: 'Send a list, like ["A", "B"]',
  object: 'Send an object, like {"name": "value"}',
};

const limit = (n: unknown) => (typeof n === "bigint" || typeof n === "number" ? n.toLocaleString("en-GB") : String(n));

/** The fields of a zod issue this module reads (zod's own type is a wide union). */
type IssueFacts = {
  code?: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  maximum?: unknown;
  minimum?: unknown;
  inclusive?: boolean;
  format?: string;
  values?: readonly unknown[];
  divisor?: unknown;
};

/**
 * Per-parse zod messages in plain words, so no reply says "Invalid input: expected string,
 * received number". A schema's own messages still win (zod uses them first).
 */
export const plainZodMessages = (issue: IssueFacts): string | undefined => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "This field is required";
      if (issue.input === null) return "This field is required: send a value instead of null";
      return EXPECTED_TYPE[issue.expected ?? ""] ?? "This value is the wrong kind";
    case "too_big": {
      const max = limit(issue.maximum);
      if (issue.origin === "string") return `Use ${max} characters or fewer`;
      if (issue.origin === "array" || issue.origin === "set") return `List ${max} items or fewer`;
      return issue.inclusive === false ? `Enter a number less than ${max}` : `Enter ${max} or less`;
    }
    case "too_small": {
      const min = limit(issue.minimum);
      if (issue.origin === "string")
        return issue.minimum === 1 ? "This field cannot be blank" : `Use at least ${min} characters`;
      if (issue.origin === "array" || issue.origin === "set") return `List at least ${min} items`;
      return issue.inclusive === false ? `Enter a number more than ${min}` : `Enter ${min} or more`;
    }
    case "invalid_format":
      return issue.format === "uuid" || issue.format === "guid"
        ? "Enter a record's id: 36 characters, like 7f1c2c3e-0000-4000-8000-000000000001"
        : "Check the format of this value";
    case "invalid_value":
      return issue.values?.length
        ? `Choose one of: ${issue.values.map(String).join(", ")}`
        : "This value is not allowed";
    case "not_multiple_of":
      return `Enter a multiple of ${limit(issue.divisor)}`;
    case "invalid_union":
      return "This value is not in a form this field accepts; see the API documentation";
    case "invalid_key":
      return "A name inside this object is not one of the allowed names";
    case "invalid_element":
      return "An item in this list is not allowed";
    case "custom":
      return "Check this value";
    default:
      return undefined;
  }
};

/** Each zod issue as one field's problem; unknown fields (strict schemas) get one entry each. */
export function fieldProblems(issues: readonly z.core.$ZodIssue[], location: InputLocation): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        location,
        problem: "This field is not recognised",
      }));
    }
    return [{ field: base || `(${location})`, location, problem: issue.message }];
  });
}

/** 400 VALIDATION_FAILED: the message names the fields; details list each field's problem. */
export function validationReply(issues: readonly z.core.$ZodIssue[], location: InputLocation): ApiReply {
  const fields = fieldProblems(issues, location);
  const names = [...new Set(fields.map((f) => f.field))];
  const unknownOnly = fields.every((f) => f.problem === "This field is not recognised");
  const wholeBody = names.length === 1 && names[0] === `(${location})`;
  const message = wholeBody
    ? `Send the ${location === "body" ? "request body" : location} as a JSON object, like {"name": "value"}.`
    : unknownOnly
      ? `These fields are not recognised: ${names.join(", ")}. Check their spelling against the API documentation.`
      : `Check these fields: ${names.join(", ")}.`;
  return errorReply(400, "VALIDATION_FAILED", message, { fields });
}

/**
 * 400 INVALID_ID: a path segment that cannot be an id at all (not a UUID). Input that is broken
 * is a 400 like any other (docs/api.md); a well-formed id of a record the caller cannot see stays 404.
 */
export function invalidIdReply(issues: readonly z.core.$ZodIssue[]): ApiReply {
  const names = [...new Set(issues.map((issue) => issue.path.map(String).join(".") || "id"))];
  return errorReply(
    400,
    "INVALID_ID",
    `The web address has an id that cannot be right (${names.join(", ")}). Ids are 36 characters, like 7f1c2c3e-0000-4000-8000-000000000001.`,
    {
      fields: names.map((field) => ({
        field,
        location: "params",
        problem: "Enter a record's id: 36 characters, like 7f1c2c3e-0000-4000-8000-000000000001",
      })),
    },
  );
}

/**
 * A service's refusal (ServiceFailure, the one refusal type: decision 0080): 409 for conflicts,
 * 422 for a business rule (docs/api.md). Its `problems` reach the reply through `details`
 * (commandReply in ./command-result.ts).
 */
export function refusalReply(refusal: ServiceFailure): ApiReply {
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
  if (error instanceof ApiError)
    return errorReply(error.status, error.code, error.message, error.details, error.headers);
  if (isUniqueViolation(error))
    return conflictReply("This record already exists, or was created by someone else at the same moment");
  if (isDatabaseUnavailable(error)) return serviceUnavailableReply();
  return null;
}

// Prisma reports a unique-constraint violation as P2002; two people creating the same record at once is a 409.
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}

/** 503: the database is down, hung or out of connections; nothing was saved, and a retry later may work. */
export function serviceUnavailableReply(): ApiReply {
  return errorReply(
    503,
    "SERVICE_UNAVAILABLE",
    "The service is not available at the moment. Nothing was saved. Try again in a few minutes.",
    {},
    { "retry-after": "30" },
  );
}

/** 500: logs the error with a reference the caller can quote; never sends the stack or message. */
export function internalErrorReply(
  error: unknown,
  context: { method: string; path: string; reference?: string },
): ApiReply {
  const reference = context.reference ?? randomUUID();
  logUnexpectedError(reference, error, { method: context.method, route: context.path });
  return errorReply(500, "INTERNAL_ERROR", `Something went wrong. Reference: ${reference}`);
}

export function toResponse(reply: ApiReply): Response {
  const headers = new Headers(reply.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  const text = reply.body instanceof JsonText ? reply.body.text : JSON.stringify(reply.body);
  return new Response(text, { status: reply.status, headers });
}
