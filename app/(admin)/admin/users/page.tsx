import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { ROLE_LABEL } from "@/server/auth/roles";
import { listUsers } from "@/server/queries/admin";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { TableRegion } from "@/ui/table-region";
import { Tag } from "@/ui/tag";
import { formatNumber } from "@/ui/format";

export const metadata: Metadata = { title: "Users" };

const pageFrom = (value: string | string[] | undefined): number => {
  const page = Number(typeof value === "string" ? value : "1");
  return Number.isInteger(page) && page > 0 ? page : 1;
};

/** Administrator's home: everyone who can sign in, with role and region; each name opens the user (decision 0072). */
export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("admin.reference");
  const page = pageFrom((await searchParams).page);
  const { total, users, pageCount } = await listUsers({ page });

  return (
    <>
      <PageHeading caption="Reference data">Users</PageHeading>
      <p>
        <Link href="/admin/users/new" className="button">
          Add a user
        </Link>
      </p>
      <p>
        {formatNumber(total)} {total === 1 ? "user" : "users"}. National leads and administrators work across all
        regions; everyone else sees only their own region.
      </p>
      <TableRegion label="Users">
        <table>
          <caption>Users, active first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Region</th>
              <th scope="col">Phone</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link href={`/admin/users/${user.id}`}>
                    {user.name}
                    <span className="sr-only"> (change role, region, password or status)</span>
                  </Link>
                </td>
                <td className="[overflow-wrap:anywhere]">{user.email}</td>
                <td>{ROLE_LABEL[user.role]}</td>
                <td>
                  {user.region?.name ?? "All regions"}
                  {user.pdu && <span className="block text-secondary">{user.pdu.name}</span>}
                </td>
                <td className="whitespace-nowrap">{user.phone ?? "—"}</td>
                <td>{user.active ? <Tag colour="green">Active</Tag> : <Tag>Deactivated</Tag>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/admin/users?page=${p}`} />
    </>
  );
}
