import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { INCIDENT_DAYS, listIncidents } from "@/server/queries/incidents";
import { findRegionName } from "@/server/queries/regions";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";
import { formatDate } from "@/ui/format";
import { INCIDENT_TYPE_LABEL } from "@/ui/labels";

export const metadata: Metadata = { title: "Incidents" };

/** Incidents supervisors recorded on sessions in the manager's region (named people are personal data: managers only). */
export default async function IncidentsPage() {
  const user = await requirePageUser("incident.list");
  const [incidents, regionName] = await Promise.all([
    listIncidents(user),
    user.regionId ? findRegionName(user.regionId) : null,
  ]);

  return (
    <>
      <PageHeading caption={regionName ?? undefined}>Incidents</PageHeading>
      <p>
        Behaviour, injuries, near misses and threats to staff recorded on sessions in the last {INCIDENT_DAYS} days,
        newest first.
      </p>
      {incidents.length === 0 ? (
        <p>No incidents were recorded in the last {INCIDENT_DAYS} days.</p>
      ) : (
        <TableRegion label="Incidents">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Incidents recorded on sessions, newest first</caption>
            <thead>
              <tr className="border-b-2 border-border">
                <th scope="col" className="py-2 pr-4">
                  When
                </th>
                <th scope="col" className="py-2 pr-4">
                  Type
                </th>
                <th scope="col" className="py-2 pr-4">
                  Who
                </th>
                <th scope="col" className="py-2 pr-4">
                  What happened
                </th>
                <th scope="col" className="py-2 pr-4">
                  Session
                </th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((incident) => (
                <tr key={incident.id} className="border-b border-border align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {formatDate(incident.date)} {incident.time}
                  </td>
                  <td className="py-2 pr-4">{INCIDENT_TYPE_LABEL[incident.type]}</td>
                  <td className="py-2 pr-4">
                    {incident.person === null ? (
                      "Nobody in particular"
                    ) : "restricted" in incident.person ? (
                      "A person on a restricted case"
                    ) : (
                      <Link href={`/cases/${incident.person.caseId}`}>
                        {incident.person.name} ({incident.person.crn})
                      </Link>
                    )}
                  </td>
                  <td className="max-w-md py-2 pr-4 whitespace-pre-wrap break-words">{incident.description}</td>
                  <td className="py-2 pr-4">
                    {incident.placementName}
                    {incident.supervisorName ? (
                      <span className="block text-secondary">Supervisor: {incident.supervisorName}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
