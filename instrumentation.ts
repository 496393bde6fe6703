// Next.js runs register() once when the server starts (not on the first request): the
// environment is validated here, so a missing or wrong variable stops the app at once with its name,
// and the job queue starts (it stops with the app: src/server/lifecycle.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { validateEnvironmentAtBoot } = await import("./src/server/env");
  validateEnvironmentAtBoot();
  // The housekeeping jobs (src/server/jobs): not while `next build` prerenders, only in a server.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobQueueInApp } = await import("./src/server/jobs/app-queue");
  startJobQueueInApp();
}

/**
 * A page or route that fails shows the user Next's error digest as its reference
 * (app/error.tsx); the same reference goes in the JSON log with the error, so it can be found.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routePath: string; routeType: string },
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logUnexpectedError } = await import("./src/server/log");
  const digest =
    typeof error === "object" && error !== null && "digest" in error
      ? String((error as { digest: unknown }).digest)
      : "none";
  logUnexpectedError(digest, error, { method: request.method, route: context.routePath, routeType: context.routeType });
}
