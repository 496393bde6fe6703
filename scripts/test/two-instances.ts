/**
 * Issue 15: several app instances behave as one. Two instances of the production build
 * (`npm start`, scripts/start.ts) on two ports, one fresh database (migrated, demo seed), the
 * same NEXTAUTH_SECRET and NEXTAUTH_URL, as behind a load balancer. Checks, alternating between
 * the instances:
 *   1. sign-in throttling counts the failures made on both;
 *   2. a browser session (cookie) made on one works on the other, and signing out on one ends it on both;
 *   3. an Idempotency-Key replayed on the other instance returns the first reply and writes nothing more;
 *   4. that write changes the dashboard figures served by the other instance (whose cache was warm),
 *      and a case ended on one shows as ended in the other's case list at once (kept views, 0101);
 *   5. the job queue (pg-boss, both instances working it) runs a job once.
 * Needs a production build (.next) and DATABASE_URL (the server; a database is made and dropped).
 *
 *   npx tsx scripts/test/two-instances.ts [--ports 3057,3058]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import PgBoss from "pg-boss";
import { seed } from "../../prisma/seed/index";
import { createPrismaClient } from "../../src/server/db/create-client";
import { scriptEnv } from "../../src/server/env";
import { createDatabaseIfMissing, dropDatabase, uniqueDatabaseName, withDatabaseName } from "../db/database-url";
import { applyMigrations } from "../db/schema-engine";
import { repoRoot } from "../lib/app-server";

const PASSWORD = "demo-password-1";
const SECRET = "two-instances-secret-0123456789abcdef";
const CLIENT = "203.0.113.7"; // the address the load balancer says the requests come from
const started = Date.now();

const { values } = parseArgs({ options: { ports: { type: "string", default: "3057,3058" } } });
const ports = values.ports.split(",").map(Number);
if (ports.length !== 2 || ports.some((p) => !Number.isInteger(p))) throw new Error("--ports takes two port numbers");

type Instance = { name: string; base: string; child: ChildProcess; log: string[] };

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`FAILED: ${what}`);
  console.log(`ok  ${what}`);
}

function startInstance(name: string, port: number, databaseUrl: string): Instance {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "start.ts")], {
    cwd: repoRoot,
    detached: true, // its own process group, so nothing it starts outlives the test
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "4",
      NEXTAUTH_SECRET: SECRET,
      // One public address for both, as behind a load balancer.
      NEXTAUTH_URL: `http://127.0.0.1:${ports[0]}`,
      TRUSTED_PROXY_COUNT: "1",
      LOG_LEVEL: "info",
      JOBS_IN_APP: "1",
    },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(...chunk.toString().split("\n").filter(Boolean));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { name, base: `http://127.0.0.1:${port}`, child, log };
}

async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Timed out after ${seconds}s waiting for ${what}`);
}

async function stopInstance(instance: Instance): Promise<void> {
  const pid = instance.child.pid;
  if (!pid || instance.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => instance.child.once("exit", () => resolve()));
  process.kill(pid, "SIGTERM");
  const inTime = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
  if (!inTime) console.log(`${instance.name} did not stop within 15 s; killed`);
  try {
    process.kill(-pid, "SIGKILL"); // anything left in its group
  } catch {
    // the group is already gone
  }
}

const json = { "content-type": "application/json", "x-forwarded-for": CLIENT };

async function token(instance: Instance, email: string, password = PASSWORD): Promise<Response> {
  return fetch(`${instance.base}/api/v1/auth/token`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ email, password }),
  });
}

async function bearer(instance: Instance, email: string): Promise<string> {
  const response = await token(instance, email);
  if (response.status !== 200)
    throw new Error(`${email} could not get a token on ${instance.name}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Cookie header value from a response's Set-Cookie lines (name=value only). */
const cookiesOf = (response: Response): string[] => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Signs in through the browser form's endpoint (next-auth credentials) and returns the session cookie. */
async function browserSignIn(instance: Instance, email: string): Promise<string> {
  const csrf = await fetch(`${instance.base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${instance.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiesOf(csrf).join("; "),
      "x-forwarded-for": CLIENT,
    },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`no session cookie from ${instance.name} (status ${response.status})`);
  return session;
}

async function browserSignOut(instance: Instance, sessionCookie: string): Promise<number> {
  const csrf = await fetch(`${instance.base}/api/auth/csrf`, { headers: { cookie: sessionCookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${instance.base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [sessionCookie, ...cookiesOf(csrf)].join("; "),
    },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  return response.status;
}

const me = (instance: Instance, headers: Record<string, string>) =>
  fetch(`${instance.base}/api/v1/me`, { headers }).then(async (r) => ({
    status: r.status,
    body: r.ok ? ((await r.json()) as { email?: string }) : null,
  }));

async function summary(instance: Instance, auth: string): Promise<{ activeCaseload: number }> {
  const response = await fetch(`${instance.base}/api/v1/dashboard/summary?region=LON`, {
    headers: { authorization: `Bearer ${auth}` },
  });
  if (response.status !== 200) throw new Error(`dashboard summary on ${instance.name}: ${response.status}`);
  return (await response.json()) as { activeCaseload: number };
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const serverUrl = scriptEnv().DATABASE_URL;
  if (!serverUrl)
    throw new Error("Set DATABASE_URL (a PostgreSQL server; this test makes and drops its own database).");
  if (!existsSync(path.join(repoRoot, ".next", "BUILD_ID")))
    throw new Error("No production build: run `npm run build`.");

  const name = uniqueDatabaseName("cp_two");
  await createDatabaseIfMissing(serverUrl, name);
  const databaseUrl = withDatabaseName(serverUrl, name);
  const instances: Instance[] = [];
  try {
    await applyMigrations(databaseUrl);
    // The instances boot while the demo is seeded (neither needs the other until the checks).
    instances.push(startInstance("A", ports[0]!, databaseUrl), startInstance("B", ports[1]!, databaseUrl));
    const [a, b] = instances as [Instance, Instance];
    const prisma = createPrismaClient(databaseUrl, { max: 4 });
    try {
      await seed(prisma, { demo: true });
    } finally {
      await prisma.$disconnect();
    }
    console.log(`Database ${name} migrated and seeded (${Math.round((Date.now() - started) / 1000)} s).`);
    for (const instance of instances) {
      await waitFor(`${instance.name} to serve /api/health`, 120, async () => {
        if (instance.child.exitCode !== null) throw new Error(`${instance.name} exited:\n${instance.log.join("\n")}`);
        const r = await fetch(`${instance.base}/api/health`);
        return r.ok ? true : undefined;
      });
    }
    console.log(`Both instances serve (${Math.round((Date.now() - started) / 1000)} s).`);

    // 1. Sign-in throttling: 5 failures allowed per account and client, counted across both.
    const target = "supervisor@demo.test";
    const failures: number[] = [];
    for (let i = 0; i < 5; i++) failures.push((await token(i % 2 ? b : a, target, "wrong-password")).status);
    check(
      failures.every((s) => s === 401),
      "five wrong passwords, alternating A and B, are each refused (401)",
    );
    const sixth = await token(a, target);
    check(sixth.status === 429, `the sixth attempt, on A with the right password, is throttled (${sixth.status})`);
    const seventh = await token(b, target);
    check(seventh.status === 429, `and on B too (${seventh.status}): one count, not one per instance`);

    // 2. A browser session made on A works on B; signing out on B ends it on A.
    const cookie = await browserSignIn(a, "manager@demo.test");
    const onB = await me(b, { cookie });
    check(onB.status === 200 && onB.body?.email === "manager@demo.test", "a session cookie from A is accepted by B");
    const page = await fetch(`${b.base}/dashboard`, { headers: { cookie }, redirect: "manual" });
    check(page.status === 200, `B serves the dashboard page to it (${page.status})`);
    check((await browserSignOut(b, cookie)) < 400, "signing out on B");
    check((await me(a, { cookie })).status === 401, "A then refuses the same cookie (the session ended for both)");

    // 3 and 4. Idempotency across instances, and the figures B serves follow a write made on A.
    const national = await bearer(b, "national@demo.test");
    const coordinator = await bearer(a, "coordinator@demo.test");
    const before = await summary(b, national);
    await summary(b, national); // B's cache is warm now
    const crn = `X${String(Date.now()).slice(-6)}`;
    const body = JSON.stringify({
      crn,
      firstName: "Two",
      lastName: "Instances",
      dateOfBirth: "1990-02-03",
      gender: "FEMALE",
      ethnicity: "White British",
      region: "LON",
      pdu: "LON-CAMISL",
      orderType: "COMMUNITY_ORDER",
      managedBy: "STANDALONE_UPW",
      sentenceDate: isoDaysAgo(3),
      court: "Thames Magistrates' Court",
      practitionerName: "Sam Practitioner",
      hoursOrdered: 100,
    });
    const key = randomUUID();
    const write = (instance: Instance) =>
      fetch(`${instance.base}/api/v1/cases`, {
        method: "POST",
        headers: { ...json, authorization: `Bearer ${coordinator}`, "idempotency-key": key },
        body,
      });
    const first = await write(a);
    const firstBody = await first.text();
    check(
      first.status === 201,
      `a case created on A with an Idempotency-Key (${first.status} ${firstBody.slice(0, 200)})`,
    );
    const replay = await write(b);
    const replayBody = await replay.text();
    check(
      replay.status === 201 && replay.headers.get("idempotent-replayed") === "true" && replayBody === firstBody,
      "the same key replayed on B returns A's reply, marked Idempotent-Replayed",
    );
    const list = await fetch(`${b.base}/api/v1/cases?q=${crn}`, {
      headers: { authorization: `Bearer ${coordinator}` },
    });
    const found = ((await list.json()) as { cases: unknown[] }).cases.length;
    check(found === 1, `one case with that CRN, not two (${found})`);
    const after = await summary(b, national);
    check(
      after.activeCaseload === before.activeCaseload + 1,
      `B's London active caseload went from ${before.activeCaseload} to ${after.activeCaseload} (+1, once)`,
    );
    // The case list's kept views (decision 0101): B keeps the new case's view; a change made on A shows on B at once.
    const listOnB = async () => {
      const response = await fetch(`${b.base}/api/v1/cases?q=${crn}`, {
        headers: { authorization: `Bearer ${coordinator}` },
      });
      return ((await response.json()) as { cases: { id: string; status: string }[] }).cases;
    };
    const [kept] = await listOnB();
    const manager = await bearer(a, "manager@demo.test");
    const ended = await fetch(`${a.base}/api/v1/cases/${kept?.id ?? "none"}/termination`, {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${manager}` },
      body: JSON.stringify({ reason: "OTHER" }),
    });
    check(ended.status === 200, `the case is ended on A (${ended.status})`);
    const [afterEnd] = await listOnB();
    check(
      kept?.status === "ACTIVE" && afterEnd?.status === "TERMINATED",
      `B's case list shows it ended at once (${kept?.status} → ${afterEnd?.status})`,
    );

    // 5. The job queue: both instances work it; one job sent runs once, on one of them.
    await waitFor("both job queues to start", 60, async () =>
      instances.every((i) => i.log.some((line) => line.includes("job queue started"))) ? true : undefined,
    );
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: "pgboss",
      max: 1,
      supervise: false,
      schedule: false,
    });
    boss.on("error", () => {});
    await boss.start();
    let jobId: string | null;
    try {
      jobId = await boss.send("expire-login-attempts", {});
      check(jobId !== null, "a housekeeping job is queued");
      await waitFor("the job to complete", 75, async () => {
        const job = await boss.getJobById("expire-login-attempts", jobId!);
        return job?.state === "completed" ? true : undefined;
      });
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 1_000 });
    }
    const runs = instances.flatMap((i) =>
      i.log.filter((line) => line.includes("housekeeping job done") && line.includes(jobId!)).map(() => i.name),
    );
    check(runs.length === 1, `the job ran once, on ${runs.join(", ") || "neither"}`);

    console.log(`Two instances behave as one (${Math.round((Date.now() - started) / 1000)} s).`);
  } catch (error) {
    for (const instance of instances)
      console.log(`--- ${instance.name}'s last lines:\n${instance.log.slice(-20).join("\n")}`);
    throw error;
  } finally {
    await Promise.all(instances.map(stopInstance));
    await dropDatabase(serverUrl, name, "cp_two_").catch((error: unknown) =>
      console.log(`could not drop ${name}: ${error}`),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
