import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { ROLE_LABEL } from "@/server/auth/roles";
import { listTokenUserChoices } from "@/server/queries/api-tokens";
import { PageHeading } from "@/ui/page-heading";
import { NewApiTokenForm } from "./new-api-token-form";

export const metadata: Metadata = { title: "Create an API token" };

export default async function NewApiTokenPage() {
  await requirePageUser("admin.apiTokens");
  const users = await listTokenUserChoices();
  const userOptions = users.map((user) => ({
    value: user.id,
    label: `${user.name} — ${ROLE_LABEL[user.role]}${user.region ? `, ${user.region.code}` : ""} (${user.email})`,
  }));
  return (
    <>
      <p>
        <Link href="/admin/api-tokens">Back to API tokens</Link>
      </p>
      <PageHeading caption="API tokens">Create an API token</PageHeading>
      <p className="max-w-2xl">
        The token will act as the user you choose, with their role and region. Give it a name that says what will use
        it, so it can be found and revoked later.
      </p>
      <NewApiTokenForm users={userOptions} />
    </>
  );
}
