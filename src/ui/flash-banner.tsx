"use client";

import { useEffect, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { SuccessBanner } from "./success-banner";
import { FLASH_COOKIE } from "./flash-cookie";

function takeFlash(): string | null {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${FLASH_COOKIE}=`));
  if (!entry) return null;
  document.cookie = `${FLASH_COOKIE}=; Max-Age=0; path=/; SameSite=Lax`;
  try {
    return decodeURIComponent(entry.slice(FLASH_COOKIE.length + 1));
  } catch {
    return null;
  }
}

/**
 * The confirmation after a form that moved to another page ("Case X123456 created"): shown once,
 * on the page the action redirected to, then cleared.
 */
export function FlashBanner() {
  const pathname = usePathname();
  const search = useSearchParams();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const flash = takeFlash();
    // Reading a cookie is an external system: this runs after navigation on purpose.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMessage(flash);
  }, [pathname, search]);
  if (!message) return null;
  return <SuccessBanner>{message}</SuccessBanner>;
}
