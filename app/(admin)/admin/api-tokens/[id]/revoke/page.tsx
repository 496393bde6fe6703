import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { ROLE_LABEL } from "@/server/auth/roles";
import { findApiToken } from "@/server/queries/api-tokens";
import { PageHeading } from "@/ui/page-heading";
import { SummaryList } from "@/ui/summary-list";
import { formatDateTime } from "../../format-time";
import { RevokeApiTokenForm } from "./revoke-api-token-form";

export const metadata: Metadata = { title: "Revoke an API token" };

/** The confirmation step before revoking: says what will stop working, then one button. */
export default async function RevokeApiTokenPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin.apiTokens");
  const token = await findApiToken((await params).id);
  if (!token) notFound();

  return (
    <>
      <p>
        <Link href="/admin/api-tokens">Back to API tokens</Link>
      </p>
      <PageHeading caption="API tokens">Revoke this token?</PageHeading>
      <SummaryList
        rows={[
          { key: "Name", value: token.name },
          {
            key: "Acts as",
            value: `${token.user.name} (${ROLE_LABEL[token.user.role]}, ${token.user.regionName ?? "all regions"})`,
          },
          { key: "Created", value: formatDateTime(token.createdAt) },
          { key: "Last used", value: formatDateTime(token.lastUsedAt) },
        ]}
      />
      {token.status === "ACTIVE" ? (
        <>
          <p className="max-w-2xl text-lg">
            Anything that uses this token will be refused from the moment you revoke it. This cannot be undone: to give
            access again, create a new token.
          </p>
          <RevokeApiTokenForm tokenId={token.id} />
        </>
      ) : (
        <p className="max-w-2xl text-lg">
          This token is {token.status === "REVOKED" ? "already revoked" : "expired"}: it no longer works.
        </p>
      )}
    </>
  );
}
