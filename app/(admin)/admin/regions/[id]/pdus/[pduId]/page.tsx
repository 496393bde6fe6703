import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { getRegionPdus } from "@/server/queries/admin";
import { PageHeading } from "@/ui/page-heading";
import { RenamePduForm } from "../pdu-forms";

export const metadata: Metadata = { title: "Rename a PDU" };

export default async function RenamePduPage({ params }: { params: Promise<{ id: string; pduId: string }> }) {
  await requirePageUser("admin.reference");
  const { id, pduId } = await params;
  const region = await getRegionPdus(id);
  const pdu = region?.pdus.find((p) => p.id === pduId);
  if (!region || !pdu) notFound();
  return (
    <>
      <p className="mb-6">
        <Link href={`/admin/regions/${region.id}/pdus`}>Back to {region.name}&rsquo;s PDUs</Link>
      </p>
      <PageHeading caption={`${region.name} · ${pdu.code}`}>{`Rename ${pdu.name}`}</PageHeading>
      <p>Everything recorded against this PDU stays with it; every screen shows the new name.</p>
      <RenamePduForm pdu={pdu} />
    </>
  );
}
