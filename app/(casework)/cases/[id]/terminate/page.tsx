import type { Metadata } from "next";
import { CaseFormHeading, loadCaseFormPage, NotActiveMessage } from "../case-form-page";
import { TerminateForm } from "./terminate-form";

export const metadata: Metadata = { title: "Terminate the requirement" };

// Regional managers only (terminate-requirement's rule); others get the 404 page.
export default async function TerminatePage({ params }: { params: Promise<{ id: string }> }) {
  const { caseForForm } = await loadCaseFormPage(params, "case.terminate");
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Terminate the requirement" />
      {caseForForm.status !== "ACTIVE" ? (
        <NotActiveMessage caseForForm={caseForForm} />
      ) : (
        <>
          <p className="max-w-2xl">
            This ends the unpaid work requirement early. It cannot be undone here. Hours already worked stay on the
            record.
          </p>
          <TerminateForm caseId={caseForForm.id} today={caseForForm.asOf} />
        </>
      )}
    </>
  );
}
