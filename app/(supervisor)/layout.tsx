import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/current-user";
import { env } from "@/server/env";
import { AppFrame } from "@/ui/app-frame";
import { ServiceWorkerRegistration } from "@/ui/offline/service-worker-registration";

// The supervisor's app can be installed on a phone and works offline (docs/decisions/0014-offline-supervisor-app.md).
export const metadata: Metadata = { manifest: "/manifest.webmanifest", icons: { apple: "/icons/apple-touch-icon.png" } };

// A supervisor's own sessions and rosters.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("session.run");
  return (
    <AppFrame user={user}>
      {children}
      <ServiceWorkerRegistration enabled={env().NODE_ENV === "production"} />
    </AppFrame>
  );
}
