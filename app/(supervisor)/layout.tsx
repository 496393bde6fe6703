import type { Metadata } from "next";
import { getVerifiedSession, requirePageUser } from "@/server/auth/current-user";
import { env } from "@/server/env";
import { AppFrame } from "@/ui/app-frame";
import { NAV_BY_ROLE } from "@/ui/nav";
import { NavList } from "@/ui/nav-list";
import { ServiceWorkerRegistration } from "@/ui/offline/service-worker-registration";
import { formatEndTime } from "@/ui/format-end-time";

// The supervisor's app can be installed on a phone and works offline (docs/decisions/0014-offline-supervisor-app.md).
export const metadata: Metadata = {
  manifest: "/manifest.webmanifest",
  icons: { apple: "/icons/apple-touch-icon.png" },
};

// A supervisor's own sessions and rosters.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("session.run");
  const session = await getVerifiedSession();
  return (
    // Every page of this app is under "My sessions": the navigation is server-rendered (no script on the phone).
    <AppFrame user={user} nav={<NavList items={NAV_BY_ROLE.SUPERVISOR} current={(href) => href === "/my-sessions"} />}>
      {/* Server-rendered, so it costs the roster no JavaScript (its 150 kB budget) and reads the same offline. */}
      {session && (
        <>
          <p className="mb-4" data-testid="sign-in-ends">
            You are signed in until {formatEndTime(session.endsAt)}. Sign in again before then so your records are sent
            without a break.
          </p>
          {/* The live warning: shown in the last 15 minutes, even on a page kept offline (src/ui/supervisor/sign-in-end-warning.ts). */}
          <p
            hidden
            role="alert"
            data-sign-in-ends-at={session.endsAt.getTime()}
            data-testid="sign-in-ending"
            className="mb-4 border-l-[5px] border-[#f47738] bg-[#fef0e7] px-3 py-2 font-bold"
          >
            Your sign-in ends at {formatEndTime(session.endsAt)}. Anything you record after that stays on this phone
            until you sign in again.
          </p>
        </>
      )}
      {children}
      {/* Read by the outbox: records are stamped with their maker and only sent under that user's sign-in. */}
      <div hidden data-outbox-user={user.id} />
      <ServiceWorkerRegistration enabled={env().NODE_ENV === "production"} />
    </AppFrame>
  );
}
