import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateWithDay, isoDateFromUtcDate } from "@/domain";
import { requirePageUser } from "@/server/auth/current-user";
import { findPlacementDetail, PLACEMENT_UPCOMING_SESSIONS } from "@/server/queries/placement-detail";
import { PLACEMENT_FEATURE_LABEL, PLACEMENT_TYPE_LABEL, SESSION_STATUS_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { SummaryList } from "@/ui/summary-list";
import { TableRegion } from "@/ui/table-region";
import { Tag } from "@/ui/tag";

export const metadata: Metadata = { title: "Placement" };

export default async function PlacementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("placement.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const placement = await findPlacementDetail(user, id.data);
  if (!placement) notFound();
  const features = [
    ...placement.features.map((f) => PLACEMENT_FEATURE_LABEL[f]),
    ...(placement.needsMinibus ? ["Needs the minibus"] : []),
  ];
  const beneficiary = placement.beneficiary;

  return (
    <>
      <p className="mb-6">
        <Link href="/placements">Back to placements</Link>
      </p>
      <PageHeading caption={PLACEMENT_TYPE_LABEL[placement.type]}>{placement.name}</PageHeading>
      <div className="mb-6">
        {placement.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Inactive</Tag>}
      </div>
      <p className="mb-6">
        <Link href={`/placements/${placement.id}/edit`}>Edit, close or reopen this placement</Link>
      </p>
      <SummaryList
        rows={[
          {
            key: "Beneficiary",
            value: beneficiary
              ? `${beneficiary.name} (${beneficiary.kind})${beneficiary.contactName ? `, contact ${beneficiary.contactName}${beneficiary.contactPhone ? ` on ${beneficiary.contactPhone}` : ""}` : ""}`
              : "None",
          },
          {
            key: "Address",
            value: [placement.address, placement.postcode].filter(Boolean).join(", ") || "Not recorded",
          },
          { key: "PDU", value: placement.pdu?.name ?? "Whole region" },
          {
            key: "Places",
            value: `${placement.capacity} (up to ${Math.floor((placement.capacity * placement.overSubscriptionPercent) / 100)} may be booked on a session: the region's ${placement.overSubscriptionPercent}% over-booking limit)`,
          },
          { key: "What the site involves", value: features.length > 0 ? features.join(", ") : "None recorded" },
          { key: "Description", value: placement.description ?? "Not recorded" },
          { key: "What to wear and bring", value: placement.whatToBring ?? "Not recorded" },
        ]}
      />

      <h2>Sessions</h2>
      {placement.active && (
        <ul className="mb-6 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
          <li>
            <Link href={`/sessions/new?placement=${placement.id}`}>Add a session</Link>
          </li>
          <li>
            <Link href={`/sessions/new?placement=${placement.id}&kind=series`}>Add a weekly series of sessions</Link>
          </li>
        </ul>
      )}
      {placement.sessions.length === 0 ? (
        <p>There are no sessions from today onwards.</p>
      ) : (
        <TableRegion label="Upcoming sessions">
          <table>
            <caption>
              Upcoming sessions
              {placement.sessions.length === PLACEMENT_UPCOMING_SESSIONS
                ? ` (the next ${PLACEMENT_UPCOMING_SESSIONS})`
                : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Time</th>
                <th scope="col">Supervisor</th>
                <th scope="col">Booked</th>
                <th scope="col">Free places</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {placement.sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    <Link href={`/sessions/${session.id}`}>{formatDateWithDay(isoDateFromUtcDate(session.date))}</Link>
                  </td>
                  <td>
                    {session.startTime} to {session.endTime}
                  </td>
                  <td>{session.supervisor?.name ?? <span className="text-secondary">Not assigned</span>}</td>
                  <td>
                    {session.booked} of {session.capacity}
                  </td>
                  <td>
                    {Math.max(0, session.limit - session.booked)} (limit {session.limit})
                  </td>
                  <td>{SESSION_STATUS_LABEL[session.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
