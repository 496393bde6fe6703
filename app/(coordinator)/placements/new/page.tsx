import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { listPduChoices } from "@/server/queries/regions";
import { PageHeading } from "@/ui/page-heading";
import { NewPlacementForm } from "./new-placement-form";

export const metadata: Metadata = { title: "New placement" };

export default async function NewPlacementPage() {
  const user = await requirePageUser("placement.create");
  if (!user.regionCode) notFound();
  const pdus = await listPduChoices(user.regionId);
  return (
    <>
      <p className="mb-6">
        <Link href="/placements">Back to placements</Link>
      </p>
      <PageHeading caption="Your region">New placement</PageHeading>
      <NewPlacementForm regionCode={user.regionCode} pdus={pdus} />
    </>
  );
}
