import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { ROLE_LABEL } from "@/server/auth/roles";
import { getUserForAdmin, listRegionChoices } from "@/server/queries/admin";
import { PageHeading } from "@/ui/page-heading";
import { SummaryList } from "@/ui/summary-list";
import { Tag } from "@/ui/tag";
import { ActiveForm, ChangeAccessForm, PasswordResetForm } from "./user-forms";

export const metadata: Metadata = { title: "User details" };

/** One user: role and region, deactivate or reactivate, and a password reset link (decisions 0072, 0073). */
export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePageUser("admin.reference");
  const { id } = await params;
  const [user, regions] = await Promise.all([getUserForAdmin(id), listRegionChoices()]);
  if (!user) notFound();
  const isSelf = user.id === admin.id;
  const signedIn = user._count.signInSessions;
  return (
    <>
      <p className="mb-6">
        <Link href="/admin/users">Back to users</Link>
      </p>
      <PageHeading caption="Users">{user.name}</PageHeading>
      <SummaryList
        rows={[
          { key: "Email address", value: <span className="[overflow-wrap:anywhere]">{user.email}</span> },
          { key: "Role", value: ROLE_LABEL[user.role] },
          { key: "Region", value: user.region?.name ?? "All regions" },
          ...(user.pdu ? [{ key: "Probation delivery unit", value: user.pdu.name }] : []),
          { key: "Status", value: user.active ? <Tag colour="green">Active</Tag> : <Tag>Deactivated</Tag> },
          { key: "Open sign-ins", value: signedIn === 0 ? "None" : String(signedIn) },
        ]}
      />
      <ChangeAccessForm user={user} regions={regions} isSelf={isSelf} />
      <hr className="my-8 border-border" />
      {user.active && (
        <>
          <PasswordResetForm user={user} />
          <hr className="my-8 border-border" />
        </>
      )}
      {isSelf ? <p>You cannot deactivate your own account. Another administrator can.</p> : <ActiveForm user={user} />}
    </>
  );
}
