// Signal handling for the start scripts (demo, dev, `npm start`); docs/decisions/0044-stopping.md.
//
// - SIGINT (Ctrl+C), SIGTERM (systemd, Docker, Kubernetes, CI) and SIGHUP start one graceful
//   stop: the script's own `stop` (drain the web server, close the pool, fast-stop the embedded
//   PostgreSQL), then exit. A hard deadline (9 s) forces the stop if that hangs.
// - A second signal forces the stop at once. Ctrl+C reaches us twice (from the terminal and
//   forwarded by npm), so a repeat within a second counts as the same one.
// - If our parent ends (npm killed), we stop too rather than live on as an orphan.
// - npm passes signals on only to the process it started, which is why the package.json
//   scripts `exec` the start script instead of leaving a shell in between.

type Stopper = {
  /** Graceful stop; resolve when everything this script started is gone. */
  stop: (reason: string) => Promise<void>;
  /** Forced stop (second signal, or the deadline): end what is left now, synchronously. */
  force: () => void;
};

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
export const STOP_DEADLINE_MS = 9_000;

let installed: Stopper | undefined;
let stopRequestedAt = 0;
let stopping: Promise<void> | undefined;

function forceExit(why: string): never {
  console.error(`\n${why}: forcing the stop.`);
  try {
    installed?.force();
  } finally {
    process.exit(1);
  }
}

/** Starts the graceful stop (once). Also what a script calls when its server ends by itself. */
export function requestStop(reason: string, exitCode = 0): Promise<void> {
  if (stopping) return stopping;
  stopRequestedAt = Date.now();
  const stopper = installed;
  const deadline = setTimeout(() => forceExit(`Still stopping after ${STOP_DEADLINE_MS / 1000} s`), STOP_DEADLINE_MS);
  deadline.unref();
  stopping = (async () => {
    if (reason) console.log(`\nStopping (${reason})…`);
    try {
      await stopper?.stop(reason);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      exitCode ||= 1;
    }
    console.log("Stopped.");
    process.exit(exitCode);
  })();
  return stopping;
}

/** Installs the handlers; call once, as early as possible (before starting anything). */
export function handleStopSignals(stopper: Stopper): void {
  installed = stopper;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (!stopping) return void requestStop(signal);
      if (Date.now() - stopRequestedAt < 1_000) return; // the same Ctrl+C, delivered twice
      forceExit(`${signal} again`);
    });
  }
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) void requestStop("the parent process ended");
  }, 1_000);
  watch.unref();
}

export function stopRequested(): boolean {
  return stopping !== undefined;
}
