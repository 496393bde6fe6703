"use client";

import { useState } from "react";
import { initialFormState } from "@/ui/form/form-state";
import { forgetCachedPages } from "@/ui/offline/forget-cached-pages";
import { signOutEverywhereAction } from "./actions";

/** Ends the person's sign-ins on every device, forgets this device's offline pages, then shows sign-in. */
export function SignOutEverywhereButton() {
  const [pending, setPending] = useState(false);
  async function run() {
    setPending(true);
    try {
      await signOutEverywhereAction(initialFormState, new FormData());
      await forgetCachedPages();
    } finally {
      window.location.assign(new URL("/sign-in", window.location.origin).href);
    }
  }
  return (
    <button type="button" className="button button-warning" disabled={pending} onClick={() => void run()}>
      {pending ? "Signing out…" : "Sign out on every device"}
    </button>
  );
}
