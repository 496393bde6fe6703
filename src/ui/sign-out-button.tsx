"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/sign-in" })}
      className="focusable min-h-11 cursor-pointer text-white underline hover:decoration-[3px]"
    >
      Sign out
    </button>
  );
}
