import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageUser } from "@/server/auth/current-user";
import { findPlacementDetail } from "@/server/queries/placement-detail";
import { PageHeading } from "@/ui/page-heading";
import { EditPlacementForm, OpenClosePlacementForm } from "./edit-placement-form";

export const metadata: Metadata = { title: "Edit, close or reopen a placement" };

export default async function EditPlacementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("placement.change");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const placement = await findPlacementDetail(user, id.data);
  if (!placement) notFound();
  const forForm = {
    id: placement.id,
    version: placement.version,
    name: placement.name,
    capacity: placement.capacity,
    features: placement.features,
    address: placement.address,
    postcode: placement.postcode,
    description: placement.description,
    whatToBring: placement.whatToBring,
    needsMinibus: placement.needsMinibus,
    active: placement.active,
  };
  return (
    <>
      <p className="mb-6">
        <Link href={`/placements/${placement.id}`}>Back to the placement</Link>
      </p>
      <PageHeading caption={placement.name}>Edit, close or reopen the placement</PageHeading>
      <EditPlacementForm placement={forForm} />
      <h2>{placement.active ? "Close the placement" : "Reopen the placement"}</h2>
      <p className="max-w-2xl">
        {placement.active
          ? "A closed placement takes no new sessions. Sessions already planned stay: stand them down or move the bookings."
          : "Reopening lets sessions be added again."}
      </p>
      <OpenClosePlacementForm placement={forForm} />
    </>
  );
}
