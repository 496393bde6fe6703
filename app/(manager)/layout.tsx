import { requirePageUser } from "@/server/auth/current-user";
import { AppShell } from "@/ui/app-shell";

// Dashboards and approvals: regional managers (their region) and the national lead (all regions, read only).
export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("dashboard.read");
  return <AppShell user={user}>{children}</AppShell>;
}
