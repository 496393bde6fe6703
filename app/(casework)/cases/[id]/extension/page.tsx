import type { Metadata } from "next";
import { formatDate } from "@/ui/format";
import { CaseFormHeading, loadCaseFormPage, NotActiveMessage } from "../case-form-page";
import { ExtensionForm } from "./extension-form";

export const metadata: Metadata = { title: "Record an extension" };

// R3: the court extends the 12-month period; the new end date must be after the current one.
export default async function ExtensionPage({ params }: { params: Promise<{ id: string }> }) {
  const { caseForForm } = await loadCaseFormPage(params, "extension.record");
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Record an extension" />
      {caseForForm.status !== "ACTIVE" ? (
        <NotActiveMessage caseForForm={caseForForm} />
      ) : !caseForForm.view.twelveMonthPeriodApplies ? (
        <p className="max-w-2xl">
          The Sentencing Act 2026 removed the 12-month period for unpaid work, so there is no period for a court to
          extend.
        </p>
      ) : (
        <>
          <p className="max-w-2xl">
            The work must currently be done by <strong>{formatDate(caseForForm.view.effectiveEndDate)}</strong>. Record
            the court&apos;s extension of that period here. No hours can be worked after the end date until the court
            extends it.
          </p>
          <ExtensionForm caseId={caseForForm.id} court={caseForForm.court} />
        </>
      )}
    </>
  );
}
