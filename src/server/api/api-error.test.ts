import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AccessError } from "@/server/auth/access";
import { JsonText } from "@/server/json-text";
import { logger } from "@/server/log";
import {
  ApiError,
  STALE_VERSION_MESSAGE,
  expectedErrorReply,
  internalErrorReply,
  plainZodMessages,
  refusalReply,
  statusForRefusal,
  toResponse,
  validationReply,
} from "./api-error";

const caseBody = z
  .object({ crn: z.string().regex(/^[A-Z]\d{6}$/, "Enter a CRN like X123456"), hoursOrdered: z.number().int() })
  .strict();
const issuesFor = (input: unknown) => {
  const result = caseBody.safeParse(input, { error: plainZodMessages });
  if (result.success) throw new Error("expected a failure");
  return result.error.issues;
};

describe("validation errors (400)", () => {
  it("names every field in the message and lists each field's problem in details", () => {
    const reply = validationReply(issuesFor({ crn: "123", hoursOrdered: "ten" }), "body");
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "Check these fields: crn, hoursOrdered.",
        details: {
          fields: [
            { field: "crn", location: "body", problem: "Enter a CRN like X123456" },
            { field: "hoursOrdered", location: "body", problem: "Enter a number" },
          ],
        },
      },
    });
  });

  it("says a missing field is required, in plain words", () => {
    const reply = validationReply(issuesFor({ crn: "X123456" }), "body");
    expect(reply.body).toMatchObject({
      error: { details: { fields: [{ field: "hoursOrdered", problem: "This field is required" }] } },
    });
  });

  it("reports each unknown field of a strict schema by name", () => {
    const reply = validationReply(issuesFor({ crn: "X123456", hoursOrdered: 40, hours: 40, notes: "x" }), "body");
    expect(reply.body).toMatchObject({
      error: {
        message: "These fields are not recognised: hours, notes. Check their spelling against the API documentation.",
        details: { fields: [{ field: "hours", problem: "This field is not recognised" }, { field: "notes" }] },
      },
    });
  });

  it("names the whole body when it is not an object at all", () => {
    const reply = validationReply(issuesFor([1, 2]), "body");
    expect(reply.body).toMatchObject({
      error: {
        message: 'Send the request body as a JSON object, like {"name": "value"}.',
        details: { fields: [{ field: "(body)" }] },
      },
    });
  });

  it.each([
    ["text for a number", z.object({ n: z.number() }), { n: "12" }, "Enter a number"],
    ["a fraction for a whole number", z.object({ n: z.number().int() }), { n: 1.5 }, "Enter a whole number"],
    ["a number for text", z.object({ s: z.string() }), { s: 1 }, "Enter text"],
    ["text for true/false", z.object({ b: z.boolean() }), { b: "yes" }, "Enter true or false"],
    [
      "null for a required field",
      z.object({ s: z.string() }),
      { s: null },
      "This field is required: send a value instead of null",
    ],
    ["too long", z.object({ s: z.string().max(100) }), { s: "x".repeat(101) }, "Use 100 characters or fewer"],
    ["blank", z.object({ s: z.string().min(1) }), { s: "" }, "This field cannot be blank"],
    ["too big", z.object({ n: z.number().max(1440) }), { n: 2000 }, "Enter 1,440 or less"],
    ["negative", z.object({ n: z.number().min(0) }), { n: -1 }, "Enter 0 or more"],
    ["zero for a positive number", z.object({ n: z.number().positive() }), { n: 0 }, "Enter a number more than 0"],
    ["too many items", z.object({ a: z.array(z.string()).max(2) }), { a: ["a", "b", "c"] }, "List 2 items or fewer"],
    ["not one of the options", z.object({ e: z.enum(["MALE", "FEMALE"]) }), { e: "X" }, "Choose one of: MALE, FEMALE"],
    [
      "not a UUID",
      z.object({ id: z.uuid() }),
      { id: "abc" },
      "Enter a record's id: 36 characters, like 7f1c2c3e-0000-4000-8000-000000000001",
    ],
  ] as const)("explains %s in plain words", (_, schema, input, problem) => {
    const result = (schema as z.ZodType).safeParse(input, { error: plainZodMessages });
    if (result.success) throw new Error("expected a failure");
    expect(result.error.issues[0]?.message).toBe(problem);
  });

  it("keeps a schema's own message", () => {
    const result = z
      .object({ n: z.number().int("Enter whole hours") })
      .safeParse({ n: 1.5 }, { error: plainZodMessages });
    expect(result.error?.issues[0]?.message).toBe("Enter whole hours");
  });
});

describe("refusals: one mapping from code to status", () => {
  it.each([
    ["SESSION_FULL", 422],
    ["HOURS_OUT_OF_RANGE", 422],
    ["IDEMPOTENCY_KEY_REUSED", 422],
    ["STALE_VERSION", 409],
    ["CONFLICT", 409],
    ["DUPLICATE_CRN", 409],
  ] as const)("%s → %i", (code, status) => {
    expect(statusForRefusal(code)).toBe(status);
  });

  it("carries the service's code, message, field and details", () => {
    const reply = refusalReply({
      ok: false,
      code: "SESSION_FULL",
      message: "This session is full",
      field: "sessionId",
      details: { capacity: 7 },
    });
    expect(reply).toEqual({
      status: 422,
      body: {
        error: { code: "SESSION_FULL", message: "This session is full", details: { capacity: 7, field: "sessionId" } },
      },
    });
  });

  it("gives a stale version the standard reload message", () => {
    expect(refusalReply({ ok: false, code: "STALE_VERSION", message: "" }).body).toEqual({
      error: { code: "STALE_VERSION", message: STALE_VERSION_MESSAGE, details: {} },
    });
  });
});

describe("thrown errors", () => {
  it.each([
    [new AccessError("UNAUTHENTICATED", "Sign in"), 401, "UNAUTHENTICATED"],
    [new AccessError("FORBIDDEN", "No"), 403, "FORBIDDEN"],
    [new AccessError("NOT_FOUND", "The case could not be found"), 404, "NOT_FOUND"],
    [new ApiError(429, "TOO_MANY_ATTEMPTS", "Wait"), 429, "TOO_MANY_ATTEMPTS"],
    [Object.assign(new Error("Unique constraint failed"), { code: "P2002" }), 409, "CONFLICT"],
  ])("maps %s to %i", (error, status, code) => {
    expect(expectedErrorReply(error)).toMatchObject({ status, body: { error: { code } } });
  });

  it("leaves unexpected errors to the 500 path", () => {
    expect(expectedErrorReply(new TypeError("x is undefined"))).toBeNull();
  });

  it("logs an unexpected error with a reference and never sends its message or stack", async () => {
    const log = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    const reply = internalErrorReply(new Error("password=hunter2 at db.ts:12"), {
      method: "POST",
      path: "/api/v1/x",
      reference: "ref-123",
    });
    const response = toResponse(reply);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      error: { code: "INTERNAL_ERROR", message: "Something went wrong. Reference: ref-123", details: {} },
    });
    expect(text).not.toContain("hunter2");
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ reference: "ref-123", err: expect.any(Error) }),
      expect.stringContaining("ref-123"),
    );
    log.mockRestore();
  });

  it("sends a reply already written as JSON text as it is, as JSON", async () => {
    const written = '{"asOf":"2026-12-04","cases":[{"id":"a"}],"truncated":false}';
    const response = toResponse({ status: 200, body: new JsonText(written) });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.text()).toBe(written);
  });
});
