// Next.js runs register() once when the server starts (not on the first request): the
// environment is validated here, so a missing or wrong variable stops the app at once with its name.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { validateEnvironmentAtBoot } = await import("./src/server/env");
  validateEnvironmentAtBoot();
}
