import type { Metadata } from "next";
import { formatDateWithDay } from "@/domain";
import { loadFailuresAwaitingAction } from "@/server/queries/enforcement-due";
import { formatDate } from "@/ui/format";
import { outcomeWords } from "@/ui/labels";
import { CaseFormHeading, loadCaseFormPage } from "../../case-form-page";
import { ExplanationForm } from "./explanation-form";

export const metadata: Metadata = { title: "Ask for an explanation" };

// R9 (optional step): the person is asked to explain a failure by a date before the decision.
export default async function ExplanationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ failure?: string | string[] }>;
}) {
  const { user, caseForForm } = await loadCaseFormPage(params, "enforcement.explain");
  const { failure } = await searchParams;
  const awaiting = (await loadFailuresAwaitingAction(user, { caseIds: [caseForForm.id] })).rows.filter(
    (row) => !row.respondBy,
  );
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Ask for an explanation" />
      <p className="max-w-2xl">
        Record that you asked the person to explain a failure to comply, and by when. The warning or breach is still due
        by its date.
      </p>
      {awaiting.length === 0 ? (
        <p>No failure to comply on this case is waiting for a decision without an explanation already asked for.</p>
      ) : (
        <ExplanationForm
          today={caseForForm.asOf}
          chosen={typeof failure === "string" ? failure : undefined}
          failures={awaiting.map((row) => ({
            value: row.attendanceId,
            label: `${formatDateWithDay(row.failureDate)}: ${outcomeWords(row.outcome)}`,
            hint: `Act by ${formatDate(row.dueBy)}`,
          }))}
        />
      )}
    </>
  );
}
