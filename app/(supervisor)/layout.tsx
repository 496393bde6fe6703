import { requirePageUser } from "@/server/auth/current-user";
import { AppShell } from "@/ui/app-shell";

// A supervisor's own sessions and rosters.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser(["SUPERVISOR"]);
  return <AppShell user={user}>{children}</AppShell>;
}
