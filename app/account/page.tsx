import type { Metadata } from "next";
import { getVerifiedSession, requirePageUser } from "@/server/auth/current-user";
import { AppFrame } from "@/ui/app-frame";
import { MainNav } from "@/ui/main-nav";
import { NAV_BY_ROLE } from "@/ui/nav";
import { PageHeading } from "@/ui/page-heading";
import { formatEndTime } from "@/ui/format-end-time";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

export const metadata: Metadata = { title: "Your sign-in" };

// Every role: when this sign-in ends, and ending the person's sign-ins on every device.
export default async function AccountPage() {
  const user = await requirePageUser("self.read");
  const session = await getVerifiedSession();
  return (
    <AppFrame user={user} nav={<MainNav items={NAV_BY_ROLE[user.role]} />}>
      <PageHeading>Your sign-in</PageHeading>
      {session && (
        <p>This sign-in ends at {formatEndTime(session.endsAt)} at the latest. You will then need to sign in again.</p>
      )}
      <h2>Sign out on every device</h2>
      <p>
        If you signed in on a shared or lost device, or think someone else knows your password, sign out everywhere.
        This ends your sign-in on this device and every other one, including phones.
      </p>
      <SignOutEverywhereButton />
    </AppFrame>
  );
}
