import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateWithDay, isoDateFromUtcDate } from "@/domain";
import { requirePageUser } from "@/server/auth/current-user";
import { listSupervisorChoices } from "@/server/queries/placement-detail";
import { findOfficeSessionRoster } from "@/server/queries/sessions";
import { recordView } from "@/server/view-audit";
import { PageHeading } from "@/ui/page-heading";
import { CancelSessionForm, ChangeSessionForm, StandDownForm } from "./manage-forms";

export const metadata: Metadata = { title: "Change or stand down a session" };

export default async function ManageSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("session.change");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const session = await findOfficeSessionRoster(user, id.data);
  if (!session) notFound();
  await recordView(user, {
    view: "session-roster",
    recordId: session.id,
    requirementIds: session.roster.flatMap((booking) => (booking.person ? [booking.person.requirementId] : [])),
    regionId: user.regionId,
  });
  const supervisors = await listSupervisorChoices(user.regionId);
  const forForm = {
    id: session.id,
    version: session.version,
    startTime: session.startTime,
    endTime: session.endTime,
    supervisorId: session.supervisorId,
    capacity: session.capacity,
  };
  return (
    <>
      <p className="mb-6">
        <Link href={`/sessions/${session.id}`}>Back to the session</Link>
      </p>
      <PageHeading caption={`${session.placement.name}, ${formatDateWithDay(isoDateFromUtcDate(session.date))}`}>
        Change or stand down the session
      </PageHeading>
      {session.status !== "SCHEDULED" ? (
        <p>This session can no longer be changed: it has been closed, stood down or cancelled.</p>
      ) : (
        <>
          <h2>Change times, supervisor or places</h2>
          <p className="max-w-2xl">Everyone booked is checked again against the new times and supervisor.</p>
          <ChangeSessionForm session={forForm} supervisors={supervisors.map((s) => ({ value: s.id, label: s.name }))} />
          <h2>Stand the session down</h2>
          <p className="max-w-2xl">
            Use this when the service cancels in advance (weather, no supervisor). Everyone booked gets an acceptable
            absence that does not count towards the third-absence approval, and appears on the work queue to be
            re-booked.
          </p>
          <StandDownForm session={forForm} />
          <h2>Cancel the session</h2>
          <p className="max-w-2xl">
            Use this for a session made by mistake. Every booking on it is cancelled. A session with attendance recorded
            cannot be cancelled.
          </p>
          <CancelSessionForm session={forForm} />
        </>
      )}
    </>
  );
}
