import { Suspense } from "react";
import type { AppUser } from "@/server/auth/access";
import { AppFrame } from "./app-frame";
import { FlashBanner } from "./flash-banner";
import { MainNav } from "./main-nav";
import { NAV_BY_ROLE } from "./nav";

/** Header, main landmark and footer around every signed-in page, with the one-time confirmation after a form that redirected. */
export async function AppShell({ user, children }: { user: AppUser; children: React.ReactNode }) {
  return (
    <AppFrame user={user} nav={<MainNav items={NAV_BY_ROLE[user.role]} />}>
      <Suspense fallback={null}>
        <FlashBanner />
      </Suspense>
      {children}
    </AppFrame>
  );
}
