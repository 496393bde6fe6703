import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePageUser } from "@/server/auth/current-user";
import { listPlacementChoices, listSupervisorChoices } from "@/server/queries/placement-detail";
import { PLACEMENT_TYPE_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { NewSessionForm } from "./new-session-form";

export const metadata: Metadata = { title: "New session" };

const querySchema = z.object({
  placement: z.uuid().optional().catch(undefined),
  kind: z.enum(["one", "series"]).catch("one"),
});

export default async function NewSessionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("session.create");
  const query = querySchema.parse(await searchParams);
  const [placements, supervisors] = await Promise.all([
    listPlacementChoices(user),
    listSupervisorChoices(user.regionId),
  ]);
  const series = query.kind === "series";
  const placementId = placements.some((p) => p.id === query.placement) ? query.placement : undefined;
  const other = `/sessions/new?${new URLSearchParams({ ...(placementId ? { placement: placementId } : {}), kind: series ? "one" : "series" })}`;

  return (
    <>
      <p className="mb-6">
        <Link href={placementId ? `/placements/${placementId}` : "/sessions"}>
          {placementId ? "Back to the placement" : "Back to sessions"}
        </Link>
      </p>
      <PageHeading caption="Sessions">{series ? "New weekly series of sessions" : "New session"}</PageHeading>
      <p>
        {series ? "Adds a session on the same day every week. " : "Adds one session. "}
        <Link href={other}>{series ? "Add a single session instead" : "Add a weekly series instead"}</Link>
      </p>
      {placements.length === 0 ? (
        <p>
          There are no active placements in your region. <Link href="/placements/new">Add a placement</Link> first.
        </p>
      ) : (
        <NewSessionForm
          key={query.kind}
          series={series}
          placementId={placementId}
          placements={placements.map((p) => ({
            value: p.id,
            label: `${p.name} (${PLACEMENT_TYPE_LABEL[p.type]}, ${p.capacity} places)`,
          }))}
          supervisors={supervisors.map((s) => ({ value: s.id, label: s.name }))}
        />
      )}
    </>
  );
}
