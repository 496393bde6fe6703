"use server";

import { formAction } from "@/server/actions/form-action";
import { recordBreachOutcome } from "@/server/services/enforcement/record-breach-outcome";
import { recordBreachOutcomeInput } from "@/server/services/enforcement/enforcement.types";
import type { FormState } from "@/ui/form/form-state";
import { BREACH_OUTCOME_LABEL } from "@/ui/labels";

const submitOutcome = formAction({
  permission: "enforcement.outcome",
  schema: recordBreachOutcomeInput,
  fromForm: (form) => ({
    actionId: form.text("actionId") ?? "",
    outcome: form.text("outcome"),
    date: form.text("date") ?? "",
    newHoursOrdered: form.text("outcome") === "HOURS_ADDED" ? (form.number("newHoursOrdered") ?? null) : null,
    newCaseId: form.text("outcome") === "REVOKED_AND_RESENTENCED" ? (form.text("newCaseId") ?? null) : null,
    version: form.number("version"),
  }),
  fieldNames: { version: "main-content" },
  messages: {
    outcome: "Choose the court's outcome",
    date: "Enter the date of the court's decision",
    newHoursOrdered: "Enter the new total hours ordered as a whole number, for example 150",
  },
  run: (user, input) => recordBreachOutcome(user, input),
  onSuccess: (action, input) => ({
    redirectTo: `/cases/${action.caseId}`,
    notice: `Outcome recorded: ${BREACH_OUTCOME_LABEL[input.outcome].replace(/^Court: /, "")}.`,
    revalidate: [`/cases/${action.caseId}`, "/cases", "/work-queue"],
  }),
});

export async function recordBreachOutcomeAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitOutcome(previous, form);
}
