import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePageUser } from "@/server/auth/current-user";
import { listPlacements } from "@/server/queries/placements";
import { formatNumber } from "@/ui/format";
import { PLACEMENT_FEATURE_LABEL, PLACEMENT_TYPE_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { TableRegion } from "@/ui/table-region";
import { Tag } from "@/ui/tag";

export const metadata: Metadata = { title: "Placements" };

const querySchema = z.object({ page: z.coerce.number().int().min(1).catch(1) });

export default async function PlacementsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("placement.read");
  const { page } = querySchema.parse(await searchParams);
  const { total, placements, pageCount } = await listPlacements(user, { page });

  return (
    <>
      <PageHeading caption="Your region">Placements</PageHeading>
      <p>
        Projects where people on probation do their unpaid work, with what each site involves. Check the features before
        allocating someone whose risk codes could conflict with them.
      </p>
      <p>
        <Link href="/placements/new" className="button">
          Add a placement
        </Link>
      </p>
      {placements.length === 0 ? (
        <p>There are no placements in your region yet.</p>
      ) : (
        <TableRegion label="Placements">
          <table>
            <caption>
              {formatNumber(total)} {total === 1 ? "placement" : "placements"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Placement</th>
                <th scope="col">Beneficiary</th>
                <th scope="col">Address</th>
                <th scope="col">Capacity</th>
                <th scope="col">Features</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {placements.map((placement) => (
                <tr key={placement.id}>
                  <td>
                    <Link href={`/placements/${placement.id}`} className="font-bold">
                      {placement.name}
                    </Link>
                    <span className="block text-base text-secondary">
                      {PLACEMENT_TYPE_LABEL[placement.type]}
                      {placement.pdu ? ` · ${placement.pdu.name}` : ""}
                    </span>
                  </td>
                  <td>
                    {placement.beneficiary ? (
                      <>
                        {placement.beneficiary.name}
                        <span className="block text-base text-secondary">{placement.beneficiary.kind}</span>
                      </>
                    ) : (
                      <span className="text-secondary">None</span>
                    )}
                  </td>
                  <td>
                    {[placement.address, placement.postcode].filter(Boolean).join(", ") || (
                      <span className="text-secondary">Not recorded</span>
                    )}
                  </td>
                  <td>{placement.capacity}</td>
                  <td>
                    {placement.features.length === 0 && !placement.needsMinibus ? (
                      <span className="text-secondary">None recorded</span>
                    ) : (
                      <ul className="m-0 list-none p-0 text-base">
                        {placement.features.map((feature) => (
                          <li key={feature}>{PLACEMENT_FEATURE_LABEL[feature]}</li>
                        ))}
                        {placement.needsMinibus && <li>Needs the minibus</li>}
                      </ul>
                    )}
                  </td>
                  <td>{placement.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Inactive</Tag>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/placements?page=${p}`} />
    </>
  );
}
