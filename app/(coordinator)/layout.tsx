import { requirePageUser } from "@/server/auth/current-user";
import { AppShell } from "@/ui/app-shell";

// Placements, sessions and the work queue: coordinators, and managers of the same region.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("placement.read");
  return <AppShell user={user}>{children}</AppShell>;
}
