import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateWithDay, todayInLondon } from "@/domain";
import { requirePageUser } from "@/server/auth/current-user";
import { findBookingForChange, listMoveTargets } from "@/server/queries/scheduling";
import { PageHeading } from "@/ui/page-heading";
import { CancelBookingForm, MoveBookingForm } from "./booking-forms";

export const metadata: Metadata = { title: "Move or cancel a booking" };

export default async function BookingPage({ params }: { params: Promise<{ id: string; allocationId: string }> }) {
  const user = await requirePageUser("allocation.change");
  const raw = await params;
  const allocationId = z.uuid().safeParse(raw.allocationId);
  if (!allocationId.success) notFound();
  const booking = await findBookingForChange(user, allocationId.data);
  if (!booking || booking.sessionId !== raw.id) notFound();
  const { person } = booking.requirement;
  const changeable = booking.status === "BOOKED" && !booking.attendance;
  const sessions = changeable
    ? await listMoveTargets(user, { from: todayInLondon(), excludeSessionId: booking.sessionId, page: 1 })
    : [];
  return (
    <>
      <p className="mb-6">
        <Link href={`/sessions/${booking.sessionId}`}>Back to the session</Link>
      </p>
      <PageHeading caption={`${person.firstName} ${person.lastName} (${person.crn})`}>
        Move or cancel a booking
      </PageHeading>
      <p>
        Booked on {booking.session.placement.name}, {formatDateWithDay(booking.session.date)},{" "}
        {booking.session.startTime} to {booking.session.endTime}.
      </p>
      {!changeable ? (
        <p>
          {booking.status !== "BOOKED"
            ? "This booking has been cancelled or moved."
            : "An outcome is recorded for this booking, so correct the attendance record instead."}
        </p>
      ) : (
        <>
          <h2>Move to another session</h2>
          <p className="max-w-2xl">
            The new booking is checked like any booking. If it cannot be made, the current booking stays.
          </p>
          <MoveBookingForm booking={{ id: booking.id, version: booking.version }} sessions={sessions} />
          <h2>Cancel the booking</h2>
          <CancelBookingForm booking={{ id: booking.id, version: booking.version }} />
        </>
      )}
    </>
  );
}
