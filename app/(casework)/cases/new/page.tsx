import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { loadPersonForNewOrder } from "@/server/queries/person-requirements";
import { listPduChoices } from "@/server/queries/regions";
import { PageHeading } from "@/ui/page-heading";
import { NewCaseForm } from "./new-case-form";

export const metadata: Metadata = { title: "New case" };

export default async function NewCasePage({ searchParams }: { searchParams: Promise<{ for?: string | string[] }> }) {
  const user = await requirePageUser("case.create");
  if (!user.regionCode) notFound();
  const pdus = await listPduChoices(user.regionId);
  // "Add another order for this person" from a case page: the person's details and their requirements.
  const forCase = (await searchParams).for;
  const existing = typeof forCase === "string" ? await loadPersonForNewOrder(user, forCase) : null;
  return (
    <>
      <p>
        <Link href="/cases">Back to cases</Link>
      </p>
      <PageHeading caption="Take in a new case">New case</PageHeading>
      <p className="max-w-2xl">
        Enter the details from the court order. The person is added to your region&apos;s cases with an assessment to
        complete.
      </p>
      {existing && (
        <p className="max-w-2xl">
          This is another order for {existing.person.firstName} {existing.person.lastName} ({existing.person.crn}):
          their details are filled in below.
        </p>
      )}
      <NewCaseForm regionCode={user.regionCode} pdus={pdus} existing={existing} />
    </>
  );
}
