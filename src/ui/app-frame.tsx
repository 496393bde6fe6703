import type { AppUser } from "@/server/auth/access";
import { findRegionName } from "@/server/queries/regions";
import { ServiceHeader } from "./service-header";

/**
 * The app shell (app-shell.tsx) without the confirmation banner, used alone by the supervisor's app: it has no forms that
 * redirect (its records go through the outbox), and importing the banner would put its code on the
 * phone (the roster's 150 kB budget counts every client module the route imports). For the same
 * reason the navigation is passed in: the office's frames pass the MainNav island, the phone's a
 * server-rendered NavList.
 */
export async function AppFrame({
  user,
  nav,
  children,
}: {
  user: AppUser;
  nav: React.ReactNode;
  children: React.ReactNode;
}) {
  const regionName = user.regionId ? await findRegionName(user.regionId) : null;
  return (
    <>
      <ServiceHeader user={user} regionName={regionName} nav={nav} />
      <div className="width-container">
        <main id="main-content" tabIndex={-1} className="py-8 sm:py-10 outline-none">
          {children}
        </main>
      </div>
      <footer className="mt-10 border-t border-border bg-panel py-6 text-base text-secondary no-print">
        <div className="width-container">
          <p className="m-0">
            Community Payback case management. Open source, built for the Probation Service of England and Wales.
          </p>
        </div>
      </footer>
    </>
  );
}
