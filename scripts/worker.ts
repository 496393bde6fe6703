/**
 * `npm run worker`: the housekeeping jobs (src/server/jobs) in a process of their own, for a
 * deployment that runs its web instances with JOBS_IN_APP=0, or just more workers. Same
 * environment as `npm start` (DATABASE_URL, NEXTAUTH_SECRET…). Any number may run beside the
 * web instances: each scheduled run happens once. SIGTERM or Ctrl+C stops it: it takes no new
 * job, a running job finishes, the pools close (docs/decisions/0056-housekeeping-jobs.md).
 */
import { runStopHooks } from "../src/server/lifecycle";
import { validateEnvironmentAtBoot } from "../src/server/env";
import { handleStopSignals, requestStop, stopRequested } from "./lib/shutdown";

async function main(): Promise<void> {
  handleStopSignals({
    stop: async () => {
      const problems = await runStopHooks(2_000);
      if (problems.length) throw new Error(`Stopping: ${problems.join("; ")}.`);
    },
    force: () => {},
  });
  validateEnvironmentAtBoot();
  // Imported after the check: the database client reads the environment when it loads.
  const { startProcessJobQueue } = await import("../src/server/jobs/app-queue");
  const queue = await startProcessJobQueue(`worker-${process.pid}`);
  if (stopRequested()) return;
  if (!queue) return void (await requestStop("the job queue did not start", 1));
  console.log("The housekeeping worker is running (SIGTERM or Ctrl+C stops it).");
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await requestStop("", 1);
});
