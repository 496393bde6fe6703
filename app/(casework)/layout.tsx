import { requirePageUser } from "@/server/auth/current-user";
import { AppShell } from "@/ui/app-shell";

// Case list and case pages: coordinators and managers, scoped to their region.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("case.list");
  return <AppShell user={user}>{children}</AppShell>;
}
