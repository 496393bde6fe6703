"use server";

import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import { decideApproval } from "@/server/services/approvals/decide-approval";
import { decideApprovalInput } from "@/server/services/approvals/approvals.types";
import type { FormState } from "@/ui/form/form-state";

const UUID = z.uuid();

const submitDecision = formAction({
  permission: "approval.decide",
  schema: decideApprovalInput,
  fromForm: (form) => ({
    approvalId: form.text("approvalId") ?? "",
    decision: form.text("decision"),
    note: form.text("note") ?? null,
    version: form.number("version"),
  }),
  fieldNames: { version: "main-content" },
  messages: { decision: "Choose approve or reject" },
  run: (user, input) => decideApproval(user, input),
  onSuccess: (approval) => {
    const enforcement = approval.enforcementDue
      ? ` The absence now counts as a failure to comply: a ${approval.enforcementDue === "WARNING" ? "warning" : "breach"} is due.`
      : "";
    return {
      // Back where the manager decided: the case page when they came from it, else the list.
      redirectTo: "/approvals",
      notice: `${approval.personName}: request ${approval.status === "APPROVED" ? "approved" : "rejected"}.${enforcement}${approval.booking ? " They are now booked on the session." : ""}`,
      revalidate: ["/approvals", `/cases/${approval.caseId}`, "/work-queue", "/dashboard"],
    };
  },
});

export async function decideApprovalAction(previous: FormState, form: FormData): Promise<FormState> {
  const result = await submitDecision(previous, form);
  return result;
}

/** The same decision from the case page: the notice shows there. */
const submitDecisionFromCase = formAction({
  permission: "approval.decide",
  schema: decideApprovalInput,
  fromForm: (form) => ({
    approvalId: form.text("approvalId") ?? "",
    decision: form.text("decision"),
    note: form.text("note") ?? null,
    version: form.number("version"),
  }),
  fieldNames: { version: "main-content" },
  messages: { decision: "Choose approve or reject" },
  run: (user, input) => decideApproval(user, input),
  onSuccess: (approval) => ({
    redirectTo: UUID.safeParse(approval.caseId).success ? `/cases/${approval.caseId}` : "/approvals",
    notice: `Request ${approval.status === "APPROVED" ? "approved" : "rejected"}.${approval.enforcementDue ? ` A ${approval.enforcementDue === "WARNING" ? "warning" : "breach"} is now due.` : ""}`,
    revalidate: ["/approvals", `/cases/${approval.caseId}`, "/work-queue", "/dashboard"],
  }),
});

export async function decideApprovalFromCaseAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitDecisionFromCase(previous, form);
}
