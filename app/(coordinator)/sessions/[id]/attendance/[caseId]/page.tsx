import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateWithDay } from "@/domain";
import { requirePageUser } from "@/server/auth/current-user";
import { findAttendanceForCorrection } from "@/server/queries/attendance-correction";
import { PageHeading } from "@/ui/page-heading";
import { CorrectAttendanceForm } from "./correct-attendance-form";

export const metadata: Metadata = { title: "Record or correct attendance" };

// The office's correction of any attendance record (evidence arrived, the paper register was
// wrong): the same attendance service as the supervisor's, so hours, absences and enforcement
// are worked out again, and the correction is audited with before and after.
// Opened from the case page (`?from=case`, issue 13) it returns there.
export default async function CorrectAttendancePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; caseId: string }>;
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  const user = await requirePageUser("attendance.record");
  const raw = await params;
  const ids = z.object({ id: z.uuid(), caseId: z.uuid() }).safeParse(raw);
  if (!ids.success) notFound();
  const booking = await findAttendanceForCorrection(user, ids.data.id, ids.data.caseId);
  if (!booking) notFound();
  const { person } = booking;
  const from = (await searchParams).from === "case" ? "case" : "session";
  return (
    <>
      <p className="mb-6">
        {from === "case" ? (
          <Link href={`/cases/${booking.caseId}`}>
            Back to {person.firstName} {person.lastName}
          </Link>
        ) : (
          <Link href={`/sessions/${booking.sessionId}`}>Back to the session</Link>
        )}
      </p>
      <PageHeading caption={`${person.firstName} ${person.lastName} (${person.crn})`}>
        {booking.attendance ? "Correct the attendance record" : "Record attendance"}
      </PageHeading>
      <p>
        {booking.placement}, {formatDateWithDay(booking.sessionDate)}, {booking.startTime} to {booking.endTime}.
      </p>
      <CorrectAttendanceForm
        sessionId={booking.sessionId}
        caseId={booking.caseId}
        record={booking.attendance}
        from={from}
      />
    </>
  );
}
