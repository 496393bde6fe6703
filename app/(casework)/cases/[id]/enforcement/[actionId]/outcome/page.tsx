import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { listCaseEnforcement, listOtherCasesOfPerson } from "@/server/queries/case-enforcement";
import { formatDate } from "@/ui/format";
import { BREACH_OUTCOME_LABEL } from "@/ui/labels";
import { CaseFormHeading, loadCaseFormPage } from "../../../case-form-page";
import { OutcomeForm } from "./outcome-form";

export const metadata: Metadata = { title: "Record the court's outcome" };

// R9: a breach's court outcome (regional managers only, as record-breach-outcome requires).
export default async function BreachOutcomePage({ params }: { params: Promise<{ id: string; actionId: string }> }) {
  const { actionId } = await params;
  const { user, caseForForm } = await loadCaseFormPage(params, "enforcement.outcome");
  if (!z.uuid().safeParse(actionId).success) notFound();
  const breach = (await listCaseEnforcement(user, caseForForm.id)).find(
    (a) => a.id === actionId && a.type === "BREACH",
  );
  if (!breach) notFound();
  const others = await listOtherCasesOfPerson(user, caseForForm.id);
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Record the court's outcome" />
      <p className="max-w-2xl">
        Breach started on {formatDate(breach.date)}.
        {breach.outcomes.length > 0 &&
          ` So far: ${breach.outcomes.map((o) => `${BREACH_OUTCOME_LABEL[o.outcome]} (${formatDate(o.date)})`).join("; ")}.`}
      </p>
      {breach.openBreach ? (
        <OutcomeForm
          actionId={breach.id}
          version={breach.version}
          today={caseForForm.asOf}
          suspendedSentence={others.orderType === "SUSPENDED_SENTENCE_ORDER"}
          otherCases={others.cases.map((c) => ({
            value: c.id,
            label: `Sentenced ${formatDate(c.sentenceDate)}, ${c.hoursOrdered} hours`,
          }))}
        />
      ) : (
        <p>The court has already decided this breach.</p>
      )}
    </>
  );
}
