import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Permission } from "@/server/auth/permissions";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { findCaseForForm, type CaseForForm } from "@/server/queries/case-forms";
import { PageHeading } from "@/ui/page-heading";

// Shared by the forms that start from a case page (assessment, ETE, extension, enforcement,
// termination): who may open them, the case they are about, and a heading naming the person.

export async function loadCaseFormPage(params: Promise<{ id: string }>, permission: Permission) {
  const user = await requirePageUser(permission);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const caseForForm = await orNotFound(findCaseForForm(user, id.data));
  return { user, caseForForm };
}

export function CaseFormHeading({ caseForForm, title }: { caseForForm: CaseForForm; title: string }) {
  return (
    <>
      <p className="mb-6">
        <Link href={`/cases/${caseForForm.id}`}>Back to {caseForForm.name}</Link>
      </p>
      <PageHeading caption={`${caseForForm.name}, CRN ${caseForForm.crn}`}>{title}</PageHeading>
    </>
  );
}

/** A requirement that has ended takes no more changes: said plainly instead of a form that would be refused. */
export function NotActiveMessage({ caseForForm }: { caseForForm: CaseForForm }) {
  return (
    <p className="max-w-2xl">
      This requirement is {caseForForm.status === "COMPLETED" ? "completed" : "terminated"}, so this can no longer be
      recorded. <Link href={`/cases/${caseForForm.id}`}>Return to the case</Link>.
    </p>
  );
}
