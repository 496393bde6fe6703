import type { Metadata } from "next";
import { orNotFound } from "@/server/auth/current-user";
import { findAssessmentForForm, listRiskCodeCatalogue } from "@/server/queries/case-forms";
import { caseViewRecord, recordView } from "@/server/view-audit";
import { CaseFormHeading, loadCaseFormPage, NotActiveMessage } from "../case-form-page";
import { AssessmentForm, type AssessmentFormRecord } from "./assessment-form";

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, caseForForm } = await loadCaseFormPage(params, "case.assess");
  const saved = await orNotFound(findAssessmentForForm(user, caseForForm.id));
  const catalogue = await listRiskCodeCatalogue(saved.assessment?.riskCodes ?? []);
  await recordView(user, caseViewRecord("assessment-form", saved.requirement));
  const record: AssessmentFormRecord | null = saved.assessment && {
    ...saved.assessment,
    availability: (saved.assessment.availability as Record<string, string[]> | null) ?? null,
  };

  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Assessment" />
      {caseForForm.status !== "ACTIVE" ? (
        <NotActiveMessage caseForForm={caseForForm} />
      ) : (
        <>
          <p className="max-w-2xl">
            Record what the post-sentence assessment found. Risk codes are explained in plain words so that supervisors
            know what to look out for.
          </p>
          <AssessmentForm caseId={caseForForm.id} version={saved.version} record={record} catalogue={catalogue} />
        </>
      )}
    </>
  );
}
