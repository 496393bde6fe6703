import type { Metadata } from "next";
import Link from "next/link";
import { formatHoursAndMinutes } from "@/ui/format";
import { CaseFormHeading, loadCaseFormPage, NotActiveMessage } from "../case-form-page";
import { EarnedReductionForm } from "./earned-reduction-form";

export const metadata: Metadata = { title: "Decide on the earned reduction" };

// Sentencing Act 2026 s.37 (Sch 9 para 3A(1)(d)–(e)): the app proposes; the officer's view is recorded here.
export default async function EarnedReductionPage({ params }: { params: Promise<{ id: string }> }) {
  const { caseForForm } = await loadCaseFormPage(params, "case.earnedReduction");
  const r = caseForForm.view.earnedReduction;
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Decide on the earned reduction" />
      {caseForForm.status !== "ACTIVE" ? (
        <NotActiveMessage caseForForm={caseForForm} />
      ) : r.status === "NOT_IN_FORCE" || r.status === "NOT_YET_QUALIFIED" ? (
        <p className="max-w-2xl">
          {r.status === "NOT_IN_FORCE"
            ? "The earned reduction of hours is not in force yet."
            : `There is nothing to decide yet: the person has not worked the qualifying amount of ${formatHoursAndMinutes(r.qualifyingMinutes)}.`}{" "}
          <Link href={`/cases/${caseForForm.id}`}>Return to the case</Link>.
        </p>
      ) : (
        <>
          <p className="max-w-2xl">
            The qualifying amount of {formatHoursAndMinutes(r.qualifyingMinutes)} was worked. The reduction earned so
            far is <strong>{formatHoursAndMinutes(r.currentMinutes)}</strong>, and up to{" "}
            <strong>{formatHoursAndMinutes(r.projectedMinutes)}</strong> if they keep working. If you confirm, the hours
            required fall now, and the work is complete when the hours done reach them.
          </p>
          {r.status === "DISQUALIFIED" && (
            <p className="max-w-2xl">
              A failure is recorded before the qualifying amount was reached, so the reduction can only be refused. If
              the person had a reasonable excuse, correct that attendance record first.
            </p>
          )}
          <EarnedReductionForm caseId={caseForForm.id} current={formatHoursAndMinutes(r.currentMinutes)} />
        </>
      )}
    </>
  );
}
