import type { AppUser } from "@/server/auth/access";
import { findRegionName } from "@/server/queries/regions";
import { Suspense } from "react";
import { FlashBanner } from "./flash-banner";
import { ServiceHeader } from "./service-header";

/** Header, main landmark and footer around every signed-in page. */
export async function AppShell({ user, children }: { user: AppUser; children: React.ReactNode }) {
  const regionName = user.regionId ? await findRegionName(user.regionId) : null;
  return (
    <>
      <ServiceHeader user={user} regionName={regionName} />
      <div className="width-container">
        <main id="main-content" tabIndex={-1} className="py-8 sm:py-10 outline-none">
          <Suspense fallback={null}>
            <FlashBanner />
          </Suspense>
          {children}
        </main>
      </div>
      <footer className="mt-10 border-t border-border bg-panel py-6 text-base text-secondary no-print">
        <div className="width-container">
          <p className="m-0">Community Payback case management. Open source, built for the Probation Service of England and Wales.</p>
        </div>
      </footer>
    </>
  );
}
