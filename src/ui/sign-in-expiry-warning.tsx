"use client";

import { useEffect, useState } from "react";
import { formatEndTime } from "./format-end-time";

// The supervisor's phone warns before its sign-in runs out (10 hours after signing in), so a
// session in the field is not cut off in the middle of recording attendance. Worked out on the
// phone from the end time the page was rendered with, so it also works offline.

/** How long before the end the warning appears. */
export const WARN_BEFORE_MINUTES = 60;

export function SignInExpiryWarning({ endsAt }: { endsAt: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
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
