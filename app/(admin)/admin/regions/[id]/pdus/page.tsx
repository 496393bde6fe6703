import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { getRegionPdus } from "@/server/queries/admin";
import { formatNumber } from "@/ui/format";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";
import { AddPduForm } from "./pdu-forms";

export const metadata: Metadata = { title: "Probation delivery units" };

/** A region's probation delivery units: list, add, rename (decision 0075). */
export default async function RegionPdusPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin.reference");
  const { id } = await params;
  const region = await getRegionPdus(id);
  if (!region) notFound();
  return (
    <>
      <p className="mb-6">
        <Link href="/admin/regions">Back to regions</Link>
      </p>
      <PageHeading caption={region.name}>Probation delivery units</PageHeading>
      <p className="max-w-3xl">
        Cases, placements and staff can belong to a PDU, and the dashboard can be filtered by it. A PDU is renamed,
        never removed: the records that name it keep it.
      </p>
      {region.pdus.length === 0 ? (
        <p>This region has no PDUs yet.</p>
      ) : (
        <TableRegion label={`${region.name}'s PDUs`}>
          <table>
            <caption>{`${region.name}'s PDUs`}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Code</th>
                <th scope="col" className="text-right">
                  Active cases
                </th>
                <th scope="col" className="text-right">
                  Active staff
                </th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {region.pdus.map((pdu) => (
                <tr key={pdu.id}>
                  <th scope="row">{pdu.name}</th>
                  <td>{pdu.code}</td>
                  <td className="text-right">{formatNumber(pdu._count.requirements)}</td>
                  <td className="text-right">{formatNumber(pdu._count.users)}</td>
                  <td>
                    <Link href={`/admin/regions/${region.id}/pdus/${pdu.id}`}>
                      Rename<span className="sr-only"> {pdu.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <AddPduForm regionId={region.id} />
    </>
  );
}
