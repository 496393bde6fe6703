import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { findEteCreditForCorrection } from "@/server/queries/case-records";
import { formatDate, formatHoursAndMinutes } from "@/ui/format";
import { SummaryList } from "@/ui/summary-list";
import { CaseFormHeading, loadCaseFormPage } from "../../case-form-page";
import { CorrectEteCreditForm, RemoveEteCreditForm } from "./correct-ete-credit-forms";

export const metadata: Metadata = { title: "Correct or remove an ETE credit" };

// Issue 13 (decision 0064): R6 and R7 are worked out again by the service in the same transaction.
export default async function CorrectEteCreditPage({ params }: { params: Promise<{ id: string; creditId: string }> }) {
  const { user, caseForForm } = await loadCaseFormPage(params, "ete.correct");
  const creditId = z.uuid().safeParse((await params).creditId);
  if (!creditId.success) notFound();
  const credit = await findEteCreditForCorrection(user, caseForForm.id, creditId.data);
  if (!credit) notFound();
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Correct or remove an ETE credit" />
      <SummaryList
        rows={[
          { key: "Date", value: formatDate(credit.date) },
          { key: "Time credited", value: formatHoursAndMinutes(credit.minutes) },
          { key: "Activity", value: credit.activity },
        ]}
      />
      <CorrectEteCreditForm caseId={caseForForm.id} credit={credit} />
      <RemoveEteCreditForm caseId={caseForForm.id} credit={credit} />
    </>
  );
}
