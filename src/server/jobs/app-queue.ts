import "server-only";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { isStopping, onStop } from "@/server/lifecycle";
import { logger } from "@/server/log";
import { startJobQueue, type JobQueue } from "./queue";

// The job queue of one running process: the web app (instrumentation.ts, unless JOBS_IN_APP=0)
// or `npm run worker` (scripts/worker.ts). It stops in the "drain" phase of the lifecycle, before
// the database pool closes, so a job that is running finishes first (src/server/lifecycle.ts).

const holder = globalThis as unknown as { cpJobQueue?: Promise<JobQueue | null> };

/** How long to wait before trying again when the queue cannot start (the database is down or slow). */
export const JOB_QUEUE_RETRY_MS = 60_000;

/**
 * Starts this process's queue once (the development server reloads modules). A database that is
 * down or slow at boot does not stop the app: the failure is logged and the start is tried again
 * every minute until it works or the process stops. Resolves to null if it stopped first.
 */
export function startProcessJobQueue(instance: string, retryMs = JOB_QUEUE_RETRY_MS): Promise<JobQueue | null> {
  if (holder.cpJobQueue) return holder.cpJobQueue;
  const stopped = new AbortController();
  const started = (async () => {
    for (;;) {
      try {
        return await startJobQueue({
          connectionString: env().DATABASE_URL,
          connectTimeoutMs: env().DATABASE_CONNECT_TIMEOUT_MS,
          client: db,
          log: logger(),
          instance,
        });
      } catch (error) {
        logger().error(
          { err: error, instance, retryInSeconds: retryMs / 1000 },
          "job queue did not start; trying again later",
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, retryMs);
        timer.unref();
        stopped.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
      if (stopped.signal.aborted || isStopping()) return null;
    }
  })();
  holder.cpJobQueue = started;
  onStop(
    "job queue",
    async () => {
      stopped.abort();
      await (await started)?.stop();
    },
    "drain",
  );
  return started;
}

/** The web app's part: start the queue unless this instance is told not to. */
export function startJobQueueInApp(): void {
  if (env().JOBS_IN_APP === "0") return;
  void startProcessJobQueue(`web-${process.pid}`);
}
