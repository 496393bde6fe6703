import "server-only";
import { Client } from "pg";
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  HOUSEKEEPING_JOB_NAMES,
  HOUSEKEEPING_JOBS,
  housekeepingSettings,
  type HousekeepingJobName,
  type HousekeepingSettings,
} from "./housekeeping";

// The job queue: pg-boss on the app's own PostgreSQL (docs/decisions/0056-housekeeping-jobs.md).
// Its tables live in their own PostgreSQL schema, "pgboss", which pg-boss creates and migrates
// when it starts, so nothing is added to prisma/schema.prisma or its migrations.
//
// Safe with several instances: every instance may start a queue. The cron schedules are rows
// (one per job name); each minute one instance, chosen by a conditional UPDATE, turns the due
// ones into jobs, a job per slot (a singleton key); workers take jobs with SKIP LOCKED and the
// queues are "stately" (at most one waiting and one running), so a job runs once per slot.
//
// The API, for the web app (src/server/jobs/app-queue.ts), `npm run worker` and tests:
//   const queue = await startJobQueue({ connectionString, client });
//   await queue.send("expire-login-attempts");   // run one job soon, outside its schedule
//   await queue.stop();                          // stop fetching, let a running job finish, close

/** The PostgreSQL schema the queue's own tables live in (kept out of Prisma's). */
export const QUEUE_SCHEMA = "pgboss";

export type JobQueueOptions = {
  connectionString: string;
  /** What the jobs delete with (the app's Prisma client). */
  client: PrismaClient;
  log: Pick<Logger, "info" | "warn" | "error">;
  /** Connections the queue keeps open itself (besides the client's). */
  poolMax?: number;
  /** Give up connecting after this long (a hung database must not hang the start or the stop). */
  connectTimeoutMs?: number;
  /** Whether this instance turns schedules into jobs and takes jobs; false only sends. */
  work?: boolean;
  /** Cron expressions other than each job's own (tests use every minute). */
  crons?: Partial<Record<HousekeepingJobName, string>>;
  settings?: () => HousekeepingSettings;
  /** How often an idle worker looks for a job, and how often schedules are checked. */
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
  /** Lets a test count or slow the runs; called around each job. */
  onRun?: (name: HousekeepingJobName, instance: string) => Promise<void> | void;
  /** A name for this instance in the log. */
  instance?: string;
};

export type JobQueue = {
  /** Queues one run of a job now (null when one is already waiting: queues are "stately"). */
  send: (name: HousekeepingJobName) => Promise<string | null>;
  /** Stops taking jobs, waits up to `timeoutMs` for a running one to finish, closes the queue's pool. */
  stop: (options?: { timeoutMs?: number }) => Promise<void>;
};

/** Runs `setup` while holding a session advisory lock that every instance's setup takes. */
async function oneAtATime(
  connectionString: string,
  connectionTimeoutMillis: number,
  setup: () => Promise<void>,
): Promise<void> {
  const lock = new Client({
    connectionString,
    connectionTimeoutMillis,
    application_name: "community-payback-jobs-setup",
  });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock(hashtext('community-payback.job-queue.setup'))");
    await setup();
  } finally {
    await lock.end(); // ending the session releases the lock
  }
}

export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const { log, client } = options;
  const instance = options.instance ?? `pid-${process.pid}`;
  const work = options.work ?? true;
  const settings = options.settings ?? housekeepingSettings;
  const connectionTimeoutMillis = options.connectTimeoutMs ?? 5_000;
  // pg-boss hands its options to pg's Pool, which takes the connect timeout (its types omit it).
  const poolOptions: object = { connectionTimeoutMillis };
  const boss = new PgBoss({
    ...poolOptions,
    connectionString: options.connectionString,
    schema: QUEUE_SCHEMA,
    application_name: "community-payback-jobs",
    max: options.poolMax ?? 2,
    schedule: work,
    supervise: work,
    ...(options.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds } : {}),
  });
  boss.on("error", (error) => log.error({ err: error, instance }, "job queue error"));
  try {
    await boss.start();

    // Instances starting together would deadlock creating the same queue (each makes a table
    // partition): they take turns, and only create what is missing.
    await oneAtATime(options.connectionString, connectionTimeoutMillis, async () => {
      for (const name of HOUSEKEEPING_JOB_NAMES) {
        if (!(await boss.getQueue(name)))
          await boss.createQueue(name, {
            name,
            policy: "stately",
            retryLimit: 2,
            retryDelay: 60,
            expireInSeconds: 300,
          });
        if (work) await boss.schedule(name, options.crons?.[name] ?? HOUSEKEEPING_JOBS[name].cron, {}, { tz: "UTC" });
      }
    });

    for (const name of HOUSEKEEPING_JOB_NAMES) {
      if (!work) continue;
      await boss.work(
        name,
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 },
        async (jobs) => {
          for (const job of jobs) {
            const started = Date.now();
            await options.onRun?.(name, instance);
            try {
              const deleted = await HOUSEKEEPING_JOBS[name].run(client, new Date(), settings());
              log.info(
                { job: name, jobId: job.id, instance, deleted, durationMs: Date.now() - started },
                "housekeeping job done",
              );
            } catch (error) {
              log.error(
                { err: error, job: name, jobId: job.id, instance },
                "housekeeping job failed (it will be retried)",
              );
              throw error;
            }
          }
        },
      );
    }
  } catch (error) {
    // Half started (the database went away): close what was opened, then report.
    await boss.stop({ graceful: false, wait: true, timeout: 1_000 }).catch(() => {});
    throw error;
  }
  log.info({ instance, work, schema: QUEUE_SCHEMA }, "job queue started");

  let stopped: Promise<void> | undefined;
  return {
    send: (name) => boss.send(name, {}),
    stop: ({ timeoutMs = 1_500 } = {}) =>
      (stopped ??= boss
        .stop({ graceful: true, wait: true, timeout: timeoutMs })
        .then(() => log.info({ instance }, "job queue stopped"))),
  };
}
