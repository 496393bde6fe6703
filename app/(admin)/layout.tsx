import { requirePageUser } from "@/server/auth/current-user";
import { AppShell } from "@/ui/app-shell";

// Reference data: users, the risk-code catalogue and bank holidays.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("admin.reference");
  return <AppShell user={user}>{children}</AppShell>;
}
