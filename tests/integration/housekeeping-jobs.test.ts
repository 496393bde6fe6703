// Issue 12: housekeeping jobs on the PostgreSQL job queue (src/server/jobs). Each job deletes
// exactly the rows past their time and nothing else; two instances running the same schedule
// run each job once; stopping lets a running job finish and then takes no more.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import {
  runHousekeepingJob,
  HOUSEKEEPING_JOB_NAMES,
  type HousekeepingJobName,
  type HousekeepingSettings,
} from "@/server/jobs/housekeeping";
import { startJobQueue, type JobQueue, type JobQueueOptions } from "@/server/jobs/queue";
import { startProcessJobQueue } from "@/server/jobs/app-queue";
import { runStopHooks } from "@/server/lifecycle";
import { createLogger, setLoggerForTests } from "@/server/log";
import { testDatabaseUrl, testDb } from "../support/db";
import { makeRegion, makeUser, type TestUser } from "../support/factories";

const lines: Record<string, unknown>[] = [];
const log = createLogger(
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  }),
  "info",
);

const NOW = new Date("2026-06-01T12:00:00.000Z");
const settings: HousekeepingSettings = {
  idempotencyRetentionDays: 30,
  loginWindowMinutes: 60,
  sessionMaxHours: 10,
  rateWindowMs: 60_000,
};
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let user: TestUser;
const queues: JobQueue[] = [];

async function queue(options: Partial<JobQueueOptions> = {}): Promise<JobQueue> {
  const started = await startJobQueue({
    connectionString: testDatabaseUrl(),
    client: testDb,
    log,
    poolMax: 2,
    pollingIntervalSeconds: 0.5,
    ...options,
  });
  queues.push(started);
  return started;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  user = await makeUser("COORDINATOR", await makeRegion());
  // Test files run one after another on this run's database: start these tables empty, so
  // "nothing else" below means every row in the table.
  await testDb.$transaction([
    testDb.idempotencyKey.deleteMany(),
    testDb.loginAttempt.deleteMany(),
    testDb.signInSession.deleteMany(),
    testDb.apiRateWindow.deleteMany(),
  ]);
});
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop()));
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

describe("each job deletes exactly what has expired", () => {
  it("idempotency keys older than the retention", async () => {
    const key = (name: string, createdAt: Date) =>
      testDb.idempotencyKey.create({
        data: {
          userId: user.id,
          key: name,
          method: "POST",
          path: "/api/v1/x",
          requestHash: "h",
          responseStatus: 201,
          responseBody: {},
          createdAt,
        },
      });
    await key("old", ago(30 * DAY + 1));
    await key("edge", ago(30 * DAY));
    await key("new", ago(DAY));
    expect(await runHousekeepingJob("expire-idempotency-keys", testDb, NOW, settings)).toBe(1);
    expect(
      (await testDb.idempotencyKey.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((k) => k.key),
    ).toEqual(["edge", "new"]);
    expect(await runHousekeepingJob("expire-idempotency-keys", testDb, NOW, settings)).toBe(0);
  });

  it("sign-in attempts older than the longest throttle window", async () => {
    const attempt = (email: string, createdAt: Date, succeeded = false) =>
      testDb.loginAttempt.create({ data: { email, ip: "192.0.2.1", succeeded, createdAt } });
    await attempt("old@test.test", ago(60 * MINUTE + 1));
    await attempt("old-success@test.test", ago(2 * HOUR), true);
    await attempt("edge@test.test", ago(60 * MINUTE));
    await attempt("new@test.test", ago(MINUTE));
    expect(await runHousekeepingJob("expire-login-attempts", testDb, NOW, settings)).toBe(2);
    expect(
      (await testDb.loginAttempt.findMany({ select: { email: true }, orderBy: { email: "asc" } })).map((a) => a.email),
    ).toEqual(["edge@test.test", "new@test.test"]);
  });

  it("sign-ins that ended or are past their absolute end", async () => {
    const session = async (createdAt: Date, endedAt: Date | null) =>
      (await testDb.signInSession.create({ data: { userId: user.id, createdAt, lastSeenAt: createdAt, endedAt } })).id;
    const signedOut = await session(ago(HOUR), ago(MINUTE));
    const pastEnd = await session(ago(10 * HOUR), null);
    const almostAtEnd = await session(ago(10 * HOUR - 1), null);
    const current = await session(ago(MINUTE), null);
    expect(await runHousekeepingJob("expire-sign-in-sessions", testDb, NOW, settings)).toBe(2);
    const left = (await testDb.signInSession.findMany({ select: { id: true } })).map((s) => s.id);
    expect(left.sort()).toEqual([almostAtEnd, current].sort());
    expect(left).not.toContain(signedOut);
    expect(left).not.toContain(pastEnd);
  });

  it("API rate windows that have closed", async () => {
    const window = (key: string, windowStart: Date) =>
      testDb.apiRateWindow.create({ data: { key, windowStart, count: 3 } });
    await window("closed", ago(2 * MINUTE));
    await window("just-closed", ago(MINUTE));
    await window("current", ago(MINUTE - 1));
    expect(await runHousekeepingJob("expire-api-rate-windows", testDb, NOW, settings)).toBe(2);
    expect((await testDb.apiRateWindow.findMany({ select: { key: true } })).map((w) => w.key)).toEqual(["current"]);
  });
});

describe("keeping the figures warm", () => {
  it("rebuilds the figure facts for a new day, then replaces only what writes marked, and is idempotent", async () => {
    const first = new Date("2026-06-01T09:00:00Z");
    expect(await runHousekeepingJob("refresh-figure-facts", testDb, first, settings)).toBe(1);
    expect(await runHousekeepingJob("refresh-figure-facts", testDb, first, settings)).toBe(0);
    await testDb.$executeRaw`INSERT INTO "FigureFactMark" ("requirementId") VALUES (gen_random_uuid())`;
    expect(await runHousekeepingJob("refresh-figure-facts", testDb, first, settings)).toBe(1);
    expect(await testDb.figureFactMark.count()).toBe(0);
    // 23:30 UTC on 1 June is already 2 June in London: a new facts day.
    expect(await runHousekeepingJob("refresh-figure-facts", testDb, new Date("2026-06-01T23:30:00Z"), settings)).toBe(
      1,
    );
    const [state] = await testDb.$queryRaw<{ asOf: string }[]>`
      SELECT to_char("asOf", 'YYYY-MM-DD') AS "asOf" FROM "FigureFactState" WHERE "id" = 1`;
    expect(state?.asOf).toBe("2026-06-02");
  });
});

describe("the queue", () => {
  it("runs each scheduled job once when two instances share the schedule, and logs each run", async () => {
    // A schedule's slot is a minute: start well inside one, so the test sees exactly one slot.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const runs: { name: HousekeepingJobName; instance: string }[] = [];
    const everyMinute = Object.fromEntries(HOUSEKEEPING_JOB_NAMES.map((name) => [name, "* * * * *"]));
    const options = {
      crons: everyMinute,
      cronMonitorIntervalSeconds: 1,
      onRun: (name: HousekeepingJobName, instance: string) => void runs.push({ name, instance }),
    };
    await Promise.all([queue({ ...options, instance: "one" }), queue({ ...options, instance: "two" })]);
    await until(() => new Set(runs.map((r) => r.name)).size === HOUSEKEEPING_JOB_NAMES.length, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // both keep checking the schedule every second
    expect(runs.map((r) => r.name).sort()).toEqual([...HOUSEKEEPING_JOB_NAMES].sort());
    await until(
      () => lines.filter((l) => l.msg === "housekeeping job done").length >= HOUSEKEEPING_JOB_NAMES.length,
      5_000,
    );
    const done = lines.filter((l) => l.msg === "housekeeping job done");
    expect(done.map((l) => l.job).sort()).toEqual([...HOUSEKEEPING_JOB_NAMES].sort());
    for (const line of done)
      expect(line).toMatchObject({
        deleted: expect.any(Number),
        durationMs: expect.any(Number),
        instance: expect.stringMatching(/^(one|two)$/),
      });
    await Promise.all(queues.splice(0).map((q) => q.stop()));
  }, 60_000);

  it("lets a running job finish when it stops, and then takes no more", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    let finished = 0;
    const worker = await queue({
      instance: "draining",
      onRun: async () => {
        started += 1;
        await held;
        finished += 1;
      },
    });
    const sender = await queue({ work: false, instance: "sender" });
    await testDb.apiRateWindow.create({
      data: { key: "drain", windowStart: new Date(Date.now() - 5 * MINUTE), count: 1 },
    });
    await sender.send("expire-api-rate-windows");
    await until(() => started === 1, 10_000);
    const stopping = worker.stop({ timeoutMs: 5_000 });
    setTimeout(release, 500);
    await stopping;
    expect(finished).toBe(1);
    // The job it was running completed (its delete happened) before the stop returned.
    expect(await testDb.apiRateWindow.count({ where: { key: "drain" } })).toBe(0);
    await sender.send("expire-login-attempts");
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(started).toBe(1);
  }, 30_000);

  it("fails to start at once when the database cannot be reached (the app then serves without jobs)", async () => {
    const started = Date.now();
    await expect(
      startJobQueue({
        connectionString: "postgresql://postgres@127.0.0.1:1/nowhere",
        client: testDb,
        log,
        connectTimeoutMs: 1_000,
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("is stopped by the process's stop hooks (drain phase) before the database pool closes", async () => {
    const processQueue = await startProcessJobQueue("lifecycle");
    expect(processQueue).not.toBeNull();
    expect(await runStopHooks(3_000)).toEqual([]);
    // Stopped: sending through it now fails, the queue's pool is closed.
    await expect(processQueue!.send("expire-login-attempts")).rejects.toThrow();
  }, 30_000);

  it("tries again later when the database cannot be reached at boot, and gives up waiting when the process stops", async () => {
    delete (globalThis as { cpJobQueue?: unknown }).cpJobQueue;
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nowhere");
    vi.stubEnv("DATABASE_CONNECT_TIMEOUT_MS", "500");
    try {
      setLoggerForTests(log);
      const appQueue = await import("@/server/jobs/app-queue");
      const lifecycle = await import("@/server/lifecycle");
      const failures = () =>
        lines.filter((l) => l.instance === "retrying" && l.msg === "job queue did not start; trying again later")
          .length;
      const started = appQueue.startProcessJobQueue("retrying", 200);
      await until(() => failures() >= 2, 10_000);
      expect(await lifecycle.runStopHooks(3_000)).toEqual([]);
      await expect(started).resolves.toBeNull();
    } finally {
      setLoggerForTests(undefined);
      vi.unstubAllEnvs();
    }
  }, 30_000);
});
