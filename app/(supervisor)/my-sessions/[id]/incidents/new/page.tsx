import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { londonDateAndTime } from "@/domain/london-time";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { findSupervisorRoster } from "@/server/queries/supervisor-roster";
import { recordView } from "@/server/view-audit";
import { PageHeading } from "@/ui/page-heading";
import { formatWeekdayDate } from "@/ui/format";
import { IncidentForm } from "./incident-form";

export const metadata: Metadata = { title: "Record an incident" };

/** Something that happened on site: who, what, when. Sent through the outbox like attendance. */
export default async function NewIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("session.run");
  const { id } = await params;
  const roster = await orNotFound(findSupervisorRoster(user, id));
  if (roster.status === "CANCELLED") notFound();
  const requirementIds = roster.people.map((person) => person.requirementId);
  await recordView(user, {
    view: "incident-form",
    recordId: roster.id,
    requirementIds,
    regionId: roster.placement.regionId,
  });

  return (
    <>
      <p className="mb-4">
        <Link href={`/my-sessions/${roster.id}`} className="inline-block min-h-11 py-2">
          Back to the session
        </Link>
      </p>
      <PageHeading caption={`${roster.placement.name}, ${formatWeekdayDate(roster.date)}`}>
        Record an incident
      </PageHeading>
      <IncidentForm
        sessionId={roster.id}
        people={roster.people.map((person) => ({ caseId: person.requirementId, name: person.name }))}
        defaultTime={londonDateAndTime(new Date()).time}
      />
    </>
  );
}
