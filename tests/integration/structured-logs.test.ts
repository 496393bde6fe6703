// Structured JSON logs: one line per API request (request id, user id, route, status,
// duration); the reference a 500 shows is in the log with the error; names, notes and tokens
// are never written.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "../../app/api/v1/me/route";
import { issueApiToken } from "@/server/auth/api-tokens";
import { apiRoute } from "@/server/api/handler";
import { defineRoute } from "@/server/api/route-spec";
import { db } from "@/server/db/client";
import { createLogger, setLoggerForTests } from "@/server/log";
import { testDb } from "../support/db";
import { makeRegion, makeUser, type TestUser } from "../support/factories";

const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean))
      lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let coordinator: TestUser;
let token: string;

beforeAll(async () => {
  setLoggerForTests(createLogger(capture, "info"));
  coordinator = await makeUser("COORDINATOR", await makeRegion());
  token = (await issueApiToken(testDb, { userId: coordinator.id, name: "logs", expiresAt: null })).token;
});
afterAll(async () => {
  setLoggerForTests(undefined);
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the JSON log", () => {
  it("has one line per API request with its request id, user, route, status and duration", async () => {
    lines.length = 0;
    const response = await getMe(
      new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(response.status).toBe(200);
    await settle();
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.find((l) => l.requestId === requestId);
    expect(line).toMatchObject({
      level: "info",
      msg: "api request",
      userId: coordinator.id,
      method: "GET",
      route: "/api/v1/me",
      status: 200,
      service: "community-payback",
    });
    expect(typeof line?.durationMs).toBe("number");
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it("holds the error behind a 500 under the reference the caller was shown", async () => {
    lines.length = 0;
    const crash = apiRoute(
      defineRoute({
        method: "GET",
        path: "/api/v1/test-crash",
        tag: "Test",
        summary: "Test only",
        permission: "self.read",
      }),
      async () => {
        throw new Error("The crash behind the reference");
      },
    );
    const response = await crash(
      new Request("http://localhost/api/v1/test-crash", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(response.status).toBe(500);
    const { error } = (await response.json()) as { error: { message: string } };
    const reference = /Reference: (\S+)/.exec(error.message)?.[1];
    await settle();
    const logged = lines.find((l) => l.reference === reference);
    expect(logged).toMatchObject({ level: "error", route: "/api/v1/test-crash" });
    expect(JSON.stringify(logged)).toContain("The crash behind the reference");
  });

  it("redacts names, notes, dates of birth and tokens wherever they sit", async () => {
    lines.length = 0;
    const logger = createLogger(capture, "info");
    logger.info(
      {
        firstName: "Alice",
        person: { lastName: "Smith", dateOfBirth: "1990-01-02" },
        attendance: { case: { note: "Sensitive" } },
        token,
        headers: { authorization: `Bearer ${token}` },
      },
      "probe",
    );
    await settle();
    const text = JSON.stringify(lines);
    for (const secret of ["Alice", "Smith", "1990-01-02", "Sensitive", token]) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      firstName: "[redacted]",
      person: { lastName: "[redacted]" },
      attendance: { case: { note: "[redacted]" } },
    });
  });
});
