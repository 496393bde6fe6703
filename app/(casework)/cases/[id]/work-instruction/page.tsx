import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateWithDay } from "@/domain";
import { requirePageUser } from "@/server/auth/current-user";
import { listWorkInstructions, loadWorkInstruction } from "@/server/queries/work-instruction";
import { PageHeading } from "@/ui/page-heading";
import { PrintButton } from "@/ui/print-button";

export const metadata: Metadata = { title: "Work instruction" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function WorkInstructionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Search;
}) {
  const user = await requirePageUser("case.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const allocation = z.uuid().safeParse((await searchParams).allocation);

  if (!allocation.success) {
    const list = await listWorkInstructions(user, id.data);
    if (!list) notFound();
    return (
      <>
        <p className="mb-6">
          <Link href={`/cases/${list.id}`}>Back to the case</Link>
        </p>
        <PageHeading caption={`${list.person.firstName} ${list.person.lastName}, CRN ${list.person.crn}`}>
          Work instructions
        </PageHeading>
        {list.allocations.length === 0 ? (
          <p>
            Nothing is booked from today. <Link href={`/cases/${list.id}/allocate`}>Allocate to a session</Link>.
          </p>
        ) : (
          <ul className="list-none p-0">
            {list.allocations.map((a) => (
              <li key={a.id} className="mb-3">
                <Link href={`/cases/${list.id}/work-instruction?allocation=${a.id}`}>
                  {formatDateWithDay(a.date)}, {a.startTime} to {a.endTime}: {a.placementName}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  const loaded = await loadWorkInstruction(user, id.data, allocation.data);
  if (!loaded) notFound();
  const { instruction } = loaded;
  return (
    <>
      <p className="no-print mb-6 flex flex-wrap gap-x-6">
        <Link href={`/cases/${loaded.caseId}`}>Back to the case</Link>
        <Link href={`/cases/${loaded.caseId}/work-instruction`}>All work instructions</Link>
      </p>
      <PageHeading>{instruction.title}</PageHeading>
      <p className="max-w-3xl">{instruction.intro}</p>
      {instruction.sections.map((section) => (
        <section key={section.heading} className="max-w-3xl">
          <h2 className="text-2xl">{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
      <p className="no-print mt-8 flex flex-wrap items-center gap-6">
        <PrintButton>Print this work instruction</PrintButton>
        <a
          href={`/cases/${loaded.caseId}/work-instruction/pdf?allocation=${loaded.allocationId}`}
          download={`work-instruction-${loaded.date}.pdf`}
        >
          Download as PDF
        </a>
      </p>
    </>
  );
}
