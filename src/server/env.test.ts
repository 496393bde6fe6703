import { describe, expect, it, vi } from "vitest";
import { checkEnvironment, scriptEnv, validateEnvironmentAtBoot } from "./env";
import { register } from "../../instrumentation";

const good = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/app", NEXTAUTH_SECRET: "a-secret-of-sixteen-plus" };

describe("the environment, validated at boot", () => {
  it("accepts a complete environment and fills in the defaults", () => {
    const env = checkEnvironment(good);
    expect(env).toMatchObject({
      PORT: 3000,
      EMBEDDED_PG_PORT: 54329,
      DATABASE_CONNECT_TIMEOUT_MS: 5000,
      DATABASE_STATEMENT_TIMEOUT_MS: 15000,
    });
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ EMBEDDED_PG_PORT: "5432.5" }, "EMBEDDED_PG_PORT"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ DATABASE_REPLICA_URL: "the replica" }, "DATABASE_REPLICA_URL"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: "0" }, "DATABASE_STATEMENT_TIMEOUT_MS"],
  ])("refuses %o, naming %s", (change, name) => {
    expect(() => checkEnvironment({ ...good, ...change })).toThrow(new RegExp(`^Invalid environment: ${name}: `));
  });

  it("validates the scripts' variables too", () => {
    expect(scriptEnv({})).toMatchObject({ PORT: 3000, EMBEDDED_PG_PORT: 54329, E2E_PORT: 3100, BENCH_PORT: 3290 });
    expect(() => scriptEnv({ E2E_PORT: "abc" })).toThrow(/E2E_PORT/);
    expect(() => scriptEnv({ SKIP_BUILD: "yes" })).toThrow(/SKIP_BUILD/);
  });

  it("stops the server at boot (instrumentation.ts) with the variable's name", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => {
      throw new Error("exited");
    }) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const [name, value] of Object.entries({ ...good, NEXT_RUNTIME: "nodejs", PORT: "not-a-port" }))
        vi.stubEnv(name, value);
      await expect(register()).rejects.toThrow("exited");
      expect(exit).toHaveBeenCalledWith(1);
      expect(error.mock.calls[0]?.[0]).toMatch(/cannot start\. Invalid environment: PORT: /);
      expect(() =>
        validateEnvironmentAtBoot((() => {
          throw new Error("exited again");
        }) as never),
      ).toThrow("exited again");
    } finally {
      vi.unstubAllEnvs();
      exit.mockRestore();
      error.mockRestore();
    }
  });
});
