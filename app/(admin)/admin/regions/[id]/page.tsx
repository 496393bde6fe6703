import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { listRegionSettings } from "@/server/queries/admin";
import { PageHeading } from "@/ui/page-heading";
import { RegionSettingsForm } from "./region-settings-form";

export const metadata: Metadata = { title: "Change a region's settings" };

export default async function RegionSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin.reference");
  const { id } = await params;
  const region = (await listRegionSettings()).find((r) => r.id === id);
  if (!region) notFound();
  return (
    <>
      <p className="mb-6">
        <Link href="/admin/regions">Back to regions</Link>
      </p>
      <PageHeading caption="Reference data">{`${region.name}: settings`}</PageHeading>
      <RegionSettingsForm region={region} />
    </>
  );
}
