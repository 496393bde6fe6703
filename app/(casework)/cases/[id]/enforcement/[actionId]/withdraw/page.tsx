import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { listCaseEnforcement } from "@/server/queries/case-enforcement";
import { formatDate } from "@/ui/format";
import { ENFORCEMENT_TYPE_LABEL } from "@/ui/labels";
import { CaseFormHeading, loadCaseFormPage } from "../../../case-form-page";
import { WithdrawForm } from "./withdraw-form";

export const metadata: Metadata = { title: "Withdraw a warning or breach" };

// R9: a manager withdraws a warning or breach with a reason; it stays on record as withdrawn.
export default async function WithdrawEnforcementPage({
  params,
}: {
  params: Promise<{ id: string; actionId: string }>;
}) {
  const { actionId } = await params;
  const { user, caseForForm } = await loadCaseFormPage(params, "enforcement.withdraw");
  if (!z.uuid().safeParse(actionId).success) notFound();
  const action = (await listCaseEnforcement(user, caseForForm.id)).find((a) => a.id === actionId);
  if (!action) notFound();
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Withdraw a warning or breach" />
      <p className="max-w-2xl">
        {ENFORCEMENT_TYPE_LABEL[action.type]} on {formatDate(action.date)}. Once withdrawn it no longer counts: the next
        failure to comply on this order is treated as a first one
        {action.type === "WARNING" ? ", and the warning letter is void" : ""}.
      </p>
      {action.withdrawn ? (
        <p>This has already been withdrawn. Reason: {action.withdrawalReason}</p>
      ) : action.outcomes.length > 0 ? (
        <p>
          The court has already dealt with this breach, so it cannot be withdrawn. Record the court&apos;s decision as
          its outcome.
        </p>
      ) : (
        <WithdrawForm actionId={action.id} version={action.version} />
      )}
    </>
  );
}
