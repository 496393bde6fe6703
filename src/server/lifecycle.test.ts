import { afterEach, describe, expect, it } from "vitest";
import { isStopping, markStopping, onStop, runStopHooks } from "./lifecycle";

const KEY = Symbol.for("community-payback.lifecycle");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe("stop hooks", () => {
  it("stops workers (drain) before the database pool (close), whatever the registration order", async () => {
    const order: string[] = [];
    onStop("database pool", () => void order.push("pool"), "close");
    onStop("job worker", async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push("worker");
    });
    expect(await runStopHooks(1_000)).toEqual([]);
    expect(order).toEqual(["worker", "pool"]);
  });

  it("reports a hook that fails or hangs, and still runs the others", async () => {
    const ran: string[] = [];
    onStop("broken", () => {
      throw new Error("boom");
    });
    onStop("stuck", () => new Promise(() => {}));
    onStop("pool", () => void ran.push("pool"), "close");
    expect(await runStopHooks(50)).toEqual(["broken (boom)", "stuck (did not stop within 50 ms)"]);
    expect(ran).toEqual(["pool"]);
  });

  it("a second registration under the same name replaces the first (module reloads in development)", async () => {
    const ran: string[] = [];
    onStop("pool", () => void ran.push("first"), "close");
    onStop("pool", () => void ran.push("second"), "close");
    await runStopHooks(100);
    expect(ran).toEqual(["second"]);
  });

  it("the stopping flag is shared through globalThis", () => {
    expect(isStopping()).toBe(false);
    markStopping();
    expect(isStopping()).toBe(true);
    expect((globalThis as unknown as Record<symbol, { stopping: boolean } | undefined>)[KEY]?.stopping).toBe(true);
  });
});
