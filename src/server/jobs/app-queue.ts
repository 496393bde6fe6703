import "server-only";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { onStop } from "@/server/lifecycle";
import { logger } from "@/server/log";
import { startJobQueue, type JobQueue } from "./queue";

// The job queue of one running process: the web app (instrumentation.ts, unless JOBS_IN_APP=0)
// or `npm run worker` (scripts/worker.ts). It stops in the "drain" phase of the lifecycle, before
// the database pool closes, so a job that is running finishes first (src/server/lifecycle.ts).

const holder = globalThis as unknown as { cpJobQueue?: Promise<JobQueue | null> };

/**
 * Starts this process's queue once (the development server reloads modules). A database that is
 * down at boot does not stop the app: the failure is logged and the app serves without jobs.
 */
export function startProcessJobQueue(instance: string): Promise<JobQueue | null> {
  holder.cpJobQueue ??= startJobQueue({
    connectionString: env().DATABASE_URL,
    connectTimeoutMs: env().DATABASE_CONNECT_TIMEOUT_MS,
    client: db,
    log: logger(),
    instance,
  }).catch((error: unknown) => {
    logger().error({ err: error, instance }, "job queue did not start; housekeeping jobs will not run in this process");
    return null;
  });
  const started = holder.cpJobQueue;
  onStop("job queue", async () => (await started)?.stop(), "drain");
  return started;
}

/** The web app's part: start the queue unless this instance is told not to. */
export function startJobQueueInApp(): void {
  if (env().JOBS_IN_APP === "0") return;
  void startProcessJobQueue(`web-${process.pid}`);
}
