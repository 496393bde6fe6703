import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { listRegionChoices } from "@/server/queries/admin";
import { PageHeading } from "@/ui/page-heading";
import { NewUserForm } from "./new-user-form";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage() {
  await requirePageUser("admin.reference");
  const regions = await listRegionChoices();
  return (
    <>
      <p className="mb-6">
        <Link href="/admin/users">Back to users</Link>
      </p>
      <PageHeading caption="Reference data">Add a user</PageHeading>
      <p>You will be given a link, once, for the new user to set their own password.</p>
      <NewUserForm regions={regions} />
    </>
  );
}
