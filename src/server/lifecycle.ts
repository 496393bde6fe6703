// The app's shutdown state, shared by the web server (scripts/lib/web-server.ts) and the
// app's own code. The server script and the app's bundled modules are loaded separately, so
// the state lives on globalThis under one well-known key.
//
// When the process is told to stop, the web server marks it "stopping" (the health check then
// answers 503 so a load balancer takes the instance out), stops accepting connections, lets
// requests in flight finish, and then runs the stop hooks registered here:
//   1. phase "drain": things that do work on their own (a job worker stops fetching jobs and
//      leaves queued ones for another instance), all at once;
//   2. phase "close": shared resources those need (the database pool), all at once.

export type StopPhase = "drain" | "close";
type StopHook = { name: string; phase: StopPhase; stop: () => Promise<unknown> | unknown };
type LifecycleState = { stopping: boolean; hooks: Map<string, StopHook> };

const KEY = Symbol.for("community-payback.lifecycle");

function state(): LifecycleState {
  const holder = globalThis as unknown as Record<symbol, LifecycleState | undefined>;
  return (holder[KEY] ??= { stopping: false, hooks: new Map() });
}

/** True once the process has been told to stop (the health check reports "STOPPING"). */
export function isStopping(): boolean {
  return state().stopping;
}

export function markStopping(): void {
  state().stopping = true;
}

/**
 * Registers something to stop when the process stops. A second registration under the same
 * name replaces the first (the development server reloads modules). Returns an unregister function.
 */
export function onStop(name: string, stop: StopHook["stop"], phase: StopPhase = "drain"): () => void {
  const hooks = state().hooks;
  hooks.set(name, { name, phase, stop });
  return () => {
    if (hooks.get(name)?.stop === stop) hooks.delete(name);
  };
}

/**
 * Runs the stop hooks, phase by phase, each phase bounded by `timeoutMs`. Never throws;
 * returns the names of hooks that failed or did not finish in time.
 */
export async function runStopHooks(timeoutMs: number): Promise<string[]> {
  const problems: string[] = [];
  for (const phase of ["drain", "close"] as const) {
    const hooks = [...state().hooks.values()].filter((hook) => hook.phase === phase);
    await Promise.all(
      hooks.map(async (hook) => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<"timeout">((resolve) => {
          timer = setTimeout(() => resolve("timeout"), timeoutMs);
        });
        try {
          const outcome = await Promise.race([Promise.resolve().then(hook.stop), timedOut]);
          if (outcome === "timeout") problems.push(`${hook.name} (did not stop within ${timeoutMs} ms)`);
        } catch (error) {
          problems.push(`${hook.name} (${error instanceof Error ? error.message : String(error)})`);
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  }
  return problems;
}
