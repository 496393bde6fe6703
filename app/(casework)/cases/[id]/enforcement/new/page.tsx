import type { Metadata } from "next";
import { formatDateWithDay } from "@/domain";
import { listCaseEnforcement, listUnansweredFailures } from "@/server/queries/case-enforcement";
import { formatDate } from "@/ui/format";
import { ENFORCEMENT_TYPE_LABEL, outcomeWords } from "@/ui/labels";
import { CaseFormHeading, loadCaseFormPage, NotActiveMessage } from "../../case-form-page";
import { EnforcementForm } from "./enforcement-form";

export const metadata: Metadata = { title: "Record a warning or breach" };

// R9: the form offers both; the service refuses a second warning within 12 months.
export default async function NewEnforcementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ failure?: string | string[] }>;
}) {
  const { user, caseForForm } = await loadCaseFormPage(params, "enforcement.start");
  const { failure } = await searchParams;
  const [actions, failures] = await Promise.all([
    listCaseEnforcement(user, caseForForm.id),
    listUnansweredFailures(user, caseForForm.id),
  ]);
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Record a warning or breach" />
      {caseForForm.status !== "ACTIVE" ? (
        <NotActiveMessage caseForForm={caseForForm} />
      ) : (
        <>
          <p className="max-w-2xl">
            A failure to comply without a reasonable excuse gets a formal warning. If a warning was already given on
            this order in the last 12 months, it must go back to court as a breach instead.
          </p>
          {actions.length > 0 && (
            <>
              <h2 className="text-2xl">Already recorded</h2>
              <ul className="mb-8">
                {actions.map((a) => (
                  <li key={a.id}>
                    {ENFORCEMENT_TYPE_LABEL[a.type]} on {formatDate(a.date)}
                    {a.openBreach ? " (open)" : ""}
                    {a.withdrawn ? " (withdrawn: it no longer counts)" : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
          <EnforcementForm
            caseId={caseForForm.id}
            today={caseForForm.asOf}
            failures={failures.map((f) => ({
              value: f.id,
              label: `${formatDateWithDay(f.date)}, ${f.placementName}`,
              hint: outcomeWords(f.outcome),
            }))}
            chosenFailure={typeof failure === "string" && failures.some((f) => f.id === failure) ? failure : undefined}
          />
        </>
      )}
    </>
  );
}
