import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateWithDay } from "@/domain";
import { requirePageUser } from "@/server/auth/current-user";
import { SCHEDULE_INTRO } from "@/server/documents/schedule-pdf";
import { loadPersonSchedule } from "@/server/queries/person-schedule";
import { formatHoursAndMinutes } from "@/ui/format";
import { PageHeading } from "@/ui/page-heading";
import { PrintButton } from "@/ui/print-button";
import { TableRegion } from "@/ui/table-region";

export const metadata: Metadata = { title: "Schedule of booked sessions" };

// The work instruction for several sessions: every session booked from today on one printable page.
export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("case.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const schedule = await loadPersonSchedule(user, id.data);
  if (!schedule) notFound();
  const { person } = schedule;
  return (
    <>
      <p className="mb-6 print:hidden">
        <Link href={`/cases/${schedule.id}`}>Back to the case</Link>
      </p>
      <PageHeading caption={`${person.firstName} ${person.lastName}, CRN ${person.crn}`}>
        Your unpaid work sessions
      </PageHeading>
      <p>
        Hours still to do: {formatHoursAndMinutes(schedule.outstandingMinutes)}. {SCHEDULE_INTRO}
      </p>
      {schedule.sessions.length === 0 ? (
        <p>
          Nothing is booked from today. <Link href={`/cases/${schedule.id}/allocate`}>Allocate to a session</Link>.
        </p>
      ) : (
        <TableRegion label="Booked sessions">
          <table>
            <caption className="sr-only">Booked sessions</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Where</th>
                <th scope="col">Pick-up</th>
                <th scope="col">What to wear and bring</th>
              </tr>
            </thead>
            <tbody>
              {schedule.sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {formatDateWithDay(s.date)}
                    <span className="block">
                      {s.startTime} to {s.endTime}
                    </span>
                  </td>
                  <td>
                    {s.placement}
                    {s.address && <span className="block">{s.address}</span>}
                  </td>
                  <td>{s.pickUp ?? "—"}</td>
                  <td>{s.whatToBring ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <p className="no-print mt-8 flex flex-wrap items-center gap-6">
        <PrintButton />
        <a href={`/cases/${schedule.id}/schedule/pdf`} download={`schedule-${person.crn}.pdf`}>
          Download as PDF
        </a>
      </p>
    </>
  );
}
