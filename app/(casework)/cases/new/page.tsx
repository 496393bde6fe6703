import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { listPduChoices } from "@/server/queries/regions";
import { PageHeading } from "@/ui/page-heading";
import { NewCaseForm } from "./new-case-form";

export const metadata: Metadata = { title: "New case" };

export default async function NewCasePage() {
  const user = await requirePageUser("case.create");
  if (!user.regionCode) notFound();
  const pdus = await listPduChoices(user.regionId);
  return (
    <>
      <p>
        <Link href="/cases">Back to cases</Link>
      </p>
      <PageHeading caption="Take in a new case">New case</PageHeading>
      <p className="max-w-2xl">Enter the details from the court order. The person is added to your region&apos;s cases with an assessment to complete.</p>
      <NewCaseForm regionCode={user.regionCode} pdus={pdus} />
    </>
  );
}
