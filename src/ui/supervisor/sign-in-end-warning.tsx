"use client";

import { useEffect, useState } from "react";

// The supervisor's phone is warned, live, before its sign-in runs out (issue 12 bullet 1). The
// words are server-rendered (children), so this island only decides when to show them: from
// WARN_BEFORE_MS before the end, checked every half minute, also on a page kept offline.

const WARN_BEFORE_MS = 15 * 60 * 1000;

export function SignInEndWarning({ endsAt, children }: { endsAt: number; children: React.ReactNode }) {
  const [due, setDue] = useState(false);
  useEffect(() => {
    const check = () => setDue(Date.now() >= endsAt - WARN_BEFORE_MS);
    check();
    const timer = setInterval(check, 30_000);
    return () => clearInterval(timer);
  }, [endsAt]);
  return (
    <div role="alert" data-testid="sign-in-ending">
      {due && <p className="mb-4 border-l-[5px] border-[#f47738] bg-[#fef0e7] px-3 py-2 font-bold">{children}</p>}
    </div>
  );
}
