import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateWithDay, isoDateFromUtcDate, sessionLimit } from "@/domain";
import { placesInWords } from "@/domain/session-choice";
import { requirePageUser } from "@/server/auth/current-user";
import { recordView } from "@/server/view-audit";
import { findOfficeSessionRoster } from "@/server/queries/sessions";
import { formatHoursShort } from "@/ui/format";
import { absenceReasonWords, outcomeWords, PLACEMENT_TYPE_LABEL, SESSION_STATUS_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { SummaryList } from "@/ui/summary-list";
import { TableRegion } from "@/ui/table-region";
import { AddPeopleLink } from "./add-people-link";

export const metadata: Metadata = { title: "Session roster" };

export default async function SessionRosterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("session.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const session = await findOfficeSessionRoster(user, id.data);
  if (!session) notFound();
  const shown = session.roster.flatMap((booking) => (booking.person ? [booking.person.requirementId] : []));
  await recordView(user, {
    view: "session-roster",
    recordId: session.id,
    requirementIds: shown,
    regionId: user.regionId,
  });

  const limit = sessionLimit(session.capacity, session.placement.region.overSubscriptionPercent);
  const booked = session.roster.length;
  const freePlaces = Math.max(0, limit - booked);
  const address = [session.placement.address, session.placement.postcode].filter(Boolean).join(", ");

  return (
    <>
      <p className="mb-6">
        <Link href="/sessions">Back to sessions</Link>
      </p>
      <PageHeading caption={formatDateWithDay(isoDateFromUtcDate(session.date))}>{session.placement.name}</PageHeading>
      <SummaryList
        rows={[
          { key: "Type", value: PLACEMENT_TYPE_LABEL[session.placement.type] },
          { key: "Time", value: `${session.startTime} to ${session.endTime}` },
          { key: "Address", value: address || "Not recorded" },
          ...(session.pickUpPoint
            ? [
                {
                  key: "Pick-up",
                  value: `${session.pickUpPoint}${session.pickUpTime ? ` at ${session.pickUpTime}` : ""}`,
                },
              ]
            : []),
          { key: "Supervisor", value: session.supervisor?.name ?? "Not assigned" },
          { key: "Status", value: SESSION_STATUS_LABEL[session.status] },
          { key: "Booked", value: placesInWords({ booked, capacity: session.capacity, limit }) },
          ...(session.status === "SCHEDULED" ? [{ key: "Free places", value: String(freePlaces) }] : []),
        ]}
      />

      <AddPeopleLink sessionId={session.id} status={session.status} />
      {session.status === "SCHEDULED" && (
        <p className="mb-6">
          <Link href={`/sessions/${session.id}/manage`}>Change, stand down or cancel this session</Link>
        </p>
      )}
      <h2>People booked</h2>
      {booked === 0 ? (
        <p>Nobody is booked on this session yet.</p>
      ) : (
        <TableRegion label="People booked on this session">
          <table>
            <caption className="sr-only">People booked on this session</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">CRN</th>
                <th scope="col">Attendance</th>
                <th scope="col">Credited</th>
                <th scope="col">Booking</th>
              </tr>
            </thead>
            <tbody>
              {session.roster.map((allocation) => (
                <tr key={allocation.id}>
                  <td>
                    {allocation.person ? (
                      <Link href={`/cases/${allocation.person.requirementId}`}>
                        {allocation.person.lastName}, {allocation.person.firstName}
                      </Link>
                    ) : (
                      <span className="text-secondary">Restricted case</span>
                    )}
                    {allocation.retrospective && (
                      <span className="block text-base text-secondary">Entered from a paper register</span>
                    )}
                  </td>
                  <td>{allocation.person?.crn ?? "Hidden"}</td>
                  <td>
                    {allocation.attendance ? (
                      <>
                        {outcomeWords(allocation.attendance.outcome)}
                        {allocation.attendance.reasonCategory && (
                          <span className="block text-base text-secondary">
                            {absenceReasonWords(allocation.attendance.reasonCategory)}
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="text-secondary">Not recorded yet</span>
                    )}
                  </td>
                  <td>{allocation.attendance ? formatHoursShort(allocation.attendance.minutesCredited) : "—"}</td>
                  <td>
                    {allocation.person ? (
                      <span className="flex flex-col gap-1">
                        {!allocation.attendance && session.status === "SCHEDULED" && (
                          <Link href={`/sessions/${session.id}/bookings/${allocation.id}`}>
                            Move or cancel
                            <span className="sr-only">
                              {" "}
                              the booking of {allocation.person.firstName} {allocation.person.lastName}
                            </span>
                          </Link>
                        )}
                        <Link href={`/sessions/${session.id}/attendance/${allocation.person.requirementId}`}>
                          {allocation.attendance ? "Correct attendance" : "Record attendance"}
                          <span className="sr-only">
                            {" "}
                            of {allocation.person.firstName} {allocation.person.lastName}
                          </span>
                        </Link>
                      </span>
                    ) : (
                      "—"
                    )}
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
