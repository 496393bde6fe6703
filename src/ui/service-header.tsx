import type { AppUser } from "@/server/auth/access";
import { ROLE_LABEL } from "@/server/auth/roles";
import { SignOutButton } from "./sign-out-button";

/**
 * The black service header: service name, who is signed in (role and region), and the role's
 * navigation, which the frame passes in (main-nav.tsx in the office, nav-list.tsx on the phone).
 */
export function ServiceHeader({
  user,
  regionName,
  nav,
}: {
  user: AppUser;
  regionName: string | null;
  nav: React.ReactNode;
}) {
  return (
    <header className="border-b-[10px] border-brand bg-ink text-white">
      <div className="width-container flex flex-wrap items-center justify-between gap-3 py-3">
        {/* A plain link on purpose: next/link's router code is kept off the supervisor's phone (main-nav.tsx). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="focusable text-2xl font-bold text-white no-underline hover:text-white hover:underline">
          Community Payback
        </a>
        <div className="flex flex-wrap items-center gap-4 text-base">
          <p className="m-0" data-testid="signed-in-as">
            <span className="font-bold">{user.name}</span>
            <span className="block sm:inline sm:before:content-['_·_']">{ROLE_LABEL[user.role]}</span>
            <span className="block sm:inline sm:before:content-['_·_']">{regionName ?? "All regions"}</span>
          </p>
          <a
            href="/account"
            className="focusable inline-flex min-h-11 items-center text-white underline hover:text-white hover:decoration-[3px]"
          >
            Your sign-in
          </a>
          <SignOutButton />
        </div>
      </div>
      {nav}
    </header>
  );
}
