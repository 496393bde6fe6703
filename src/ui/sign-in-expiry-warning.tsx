"use client";

import { useSyncExternalStore } from "react";
import { formatEndTime } from "./format-end-time";

// The supervisor's phone warns before its sign-in runs out (10 hours after signing in), so a
// session in the field is not cut off in the middle of recording attendance. Worked out on the
// phone from the end time the page was rendered with, so it also works offline.

/** How long before the end the warning appears. */
export const WARN_BEFORE_MINUTES = 60;

const TICK_MS = 30_000;

/** The time to the last 30 seconds; null while rendering on the server. */
function useClock(): number | null {
  const tick = useSyncExternalStore(
    (changed) => {
      const timer = window.setInterval(changed, TICK_MS);
      return () => window.clearInterval(timer);
    },
    () => Math.floor(Date.now() / TICK_MS),
    () => null,
  );
  return tick === null ? null : tick * TICK_MS;
}

export function SignInExpiryWarning({ endsAt }: { endsAt: string }) {
  const now = useClock();
  const end = new Date(endsAt);
  if (now === null || end.getTime() - now > WARN_BEFORE_MINUTES * 60_000) return null;
  const ended = now >= end.getTime();
  return (
    <div role="alert" className="mb-6 border-[5px] border-error p-4">
      <h2 className="mt-0 text-xl">{ended ? "Your sign-in has ended" : `Your sign-in ends at ${formatEndTime(end)}`}</h2>
      <p className="mb-0">
        {ended
          ? "Records you make now stay on this phone. Sign in again to send them."
          : "Sign out and sign in again before then, so the records you make are sent without a break."}
      </p>
    </div>
  );
}
