// The supervisor's phone is warned, live, before its sign-in runs out (issue 12 bullet 1). The
// layout server-renders the warning hidden, with the end as `data-sign-in-ends-at` (ms); this
// shows it from WARN_BEFORE_MS before the end, checked every half minute, also on a page kept
// offline. Plain DOM, no React island: the roster's JavaScript budget is 150 kB.

const WARN_BEFORE_MS = 15 * 60 * 1000;

/** Starts watching; returns the stop function (for an effect's clean-up). */
export function watchSignInEnd(): () => void {
  const warning = document.querySelector<HTMLElement>("[data-sign-in-ends-at]");
  if (!warning) return () => undefined;
  const due = Number(warning.dataset.signInEndsAt) - WARN_BEFORE_MS;
  const check = () => {
    warning.hidden = Date.now() < due;
  };
  check();
  const timer = setInterval(check, 30_000);
  return () => clearInterval(timer);
}
