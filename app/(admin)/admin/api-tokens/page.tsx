import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { ROLE_LABEL } from "@/server/auth/roles";
import { listApiTokens, type ApiTokenStatus } from "@/server/queries/api-tokens";
import { formatNumber } from "@/ui/format";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { TableRegion } from "@/ui/table-region";
import { Tag } from "@/ui/tag";
import { formatDateTime } from "./format-time";

export const metadata: Metadata = { title: "API tokens" };

const pageFrom = (value: string | string[] | undefined): number => {
  const page = Number(typeof value === "string" ? value : "1");
  return Number.isInteger(page) && page > 0 ? page : 1;
};

const STATUS_TAG: Record<ApiTokenStatus, React.ReactNode> = {
  ACTIVE: <Tag colour="green">Active</Tag>,
  REVOKED: <Tag colour="red">Revoked</Tag>,
  EXPIRED: <Tag>Expired</Tag>,
};

/** Administrator: every API token, who it acts as, when it was last used, and revoking one. */
export default async function ApiTokensPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("admin.apiTokens");
  const page = pageFrom((await searchParams).page);
  const { total, usableCount, tokens, pageCount } = await listApiTokens({ page });

  return (
    <>
      <PageHeading caption="Access for other systems">API tokens</PageHeading>
      <div className="max-w-3xl">
        <p>
          A token lets a script or another system use the JSON API as one user: it has that user&apos;s role and region,
          no more. Only a fingerprint (hash) of each token is kept, so a token is shown once, when it is created.
        </p>
        <p>
          Tokens named &ldquo;Signed in through the API&rdquo; were made by a user signing in with their email and
          password; they last 12 hours.
        </p>
      </div>
      <p>
        <Link href="/admin/api-tokens/new" className="button" draggable={false}>
          Create an API token
        </Link>
      </p>
      <p>
        {formatNumber(total)} {total === 1 ? "token" : "tokens"}, {formatNumber(usableCount)} of them usable now.
      </p>
      {tokens.length > 0 && (
        <TableRegion label="API tokens">
          <table>
            <caption>API tokens, usable ones first, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Acts as</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td className="[overflow-wrap:anywhere]">{token.name}</td>
                  <td>
                    {token.user.name}
                    <span className="block text-secondary">
                      {ROLE_LABEL[token.user.role]}, {token.user.regionName ?? "all regions"}
                      {!token.user.active && " (deactivated)"}
                    </span>
                  </td>
                  <td className="whitespace-nowrap">{formatDateTime(token.createdAt)}</td>
                  <td className="whitespace-nowrap">
                    {token.expiresAt ? formatDateTime(token.expiresAt) : "One year after it was made"}
                  </td>
                  <td className="whitespace-nowrap">{formatDateTime(token.lastUsedAt)}</td>
                  <td>
                    {STATUS_TAG[token.status]}
                    {token.revokedAt && (
                      <span className="block text-secondary whitespace-nowrap">{formatDateTime(token.revokedAt)}</span>
                    )}
                  </td>
                  <td>
                    {token.status === "ACTIVE" && (
                      <Link href={`/admin/api-tokens/${token.id}/revoke`}>
                        Revoke
                        <span className="sr-only">
                          {" "}
                          the token {token.name} for {token.user.name}
                        </span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/admin/api-tokens?page=${p}`} />
    </>
  );
}
