import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { listRegionSettings } from "@/server/queries/admin";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";

export const metadata: Metadata = { title: "Regions" };

/** Administrator: each probation region's rule settings and its PDUs. */
export default async function RegionsPage() {
  await requirePageUser("admin.reference");
  const regions = await listRegionSettings();
  return (
    <>
      <PageHeading caption="Reference data">Regions</PageHeading>
      <p className="max-w-3xl">
        Each region sets how far a session may be over-booked, how many people one supervisor may take (empty means the
        national rule), and whether a warning is created automatically when a failure is recorded. Changes apply from
        now on and are audited.
      </p>
      <TableRegion label="Regions and their settings">
        <table>
          <caption>Regions and their settings</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col" className="text-right">
                Over-booking limit
              </th>
              <th scope="col" className="text-right">
                People per supervisor
              </th>
              <th scope="col">Automatic warnings</th>
              <th scope="col">PDUs</th>
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {regions.map((region) => (
              <tr key={region.id}>
                <th scope="row">
                  {region.name} <span className="text-secondary">({region.code})</span>
                </th>
                <td className="text-right">{region.overSubscriptionPercent}%</td>
                <td className="text-right">{region.maxPeoplePerSupervisor ?? "National rule"}</td>
                <td>{region.autoEnforcement ? "On" : "Off"}</td>
                <td>
                  {region.pdus.map((pdu) => pdu.name).join(", ") || "None"}
                  <span className="block">
                    <Link href={`/admin/regions/${region.id}/pdus`}>
                      Add or rename<span className="sr-only"> {region.name}&apos;s</span> PDUs
                    </Link>
                  </span>
                </td>
                <td>
                  <Link href={`/admin/regions/${region.id}`}>
                    Change<span className="sr-only"> {region.name}&apos;s settings</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
