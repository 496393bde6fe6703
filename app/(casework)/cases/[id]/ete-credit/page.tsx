import type { Metadata } from "next";
import Link from "next/link";
import { formatHoursAndMinutes } from "@/ui/format";
import { SummaryList } from "@/ui/summary-list";
import { CaseFormHeading, loadCaseFormPage, NotActiveMessage } from "../case-form-page";
import { EteCreditForm } from "./ete-credit-form";

export const metadata: Metadata = { title: "Credit ETE time" };

// R6: the allowance shown here comes from the same derived view the service checks against.
export default async function EteCreditPage({ params }: { params: Promise<{ id: string }> }) {
  const { caseForForm } = await loadCaseFormPage(params, "ete.credit");
  const { view } = caseForForm;
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Credit ETE time" />
      {caseForForm.status !== "ACTIVE" ? (
        <NotActiveMessage caseForForm={caseForForm} />
      ) : !caseForForm.eteEligible ? (
        <p className="max-w-2xl">
          The assessment does not record this person as eligible for education, training or employment (ETE) time.{" "}
          <Link href={`/cases/${caseForForm.id}/assessment`}>Update the assessment</Link> if they are now eligible.
        </p>
      ) : (
        <>
          <p className="max-w-2xl">
            Education, training and employment activity can make up at most 30% of the hours ordered. It counts towards
            the hours done.
          </p>
          <SummaryList
            rows={[
              {
                key: "ETE allowance",
                value: `${formatHoursAndMinutes(view.eteAllowanceMinutes)} (${view.eteAllowanceMinutes.toLocaleString("en-GB")} minutes)`,
              },
              { key: "ETE used", value: formatHoursAndMinutes(view.minutesEte) },
              {
                key: "ETE remaining",
                value: `${formatHoursAndMinutes(view.eteRemainingMinutes)} (${view.eteRemainingMinutes.toLocaleString("en-GB")} minutes)`,
              },
            ]}
          />
          <EteCreditForm caseId={caseForForm.id} today={caseForForm.asOf} />
        </>
      )}
    </>
  );
}
