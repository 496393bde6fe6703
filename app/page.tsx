import { redirect } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { ROLE_HOME } from "@/server/auth/roles";

/** Sends each role to its own home page. */
export default async function HomePage() {
  const user = await requirePageUser(null);
  redirect(ROLE_HOME[user.role]);
}
