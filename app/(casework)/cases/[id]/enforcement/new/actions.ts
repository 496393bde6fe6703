"use server";

import { formAction } from "@/server/actions/form-action";
import { startEnforcement } from "@/server/services/enforcement/start-enforcement";
import { startEnforcementInput } from "@/server/services/enforcement/enforcement.types";
import type { FormState } from "@/ui/form/form-state";

const submitEnforcement = formAction({
  permission: "enforcement.start",
  schema: startEnforcementInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    type: form.text("type"),
    date: form.text("date") ?? "",
    note: form.text("note") ?? null,
    attendanceId: form.text("attendanceId") ?? null,
    // A failure chosen from the list carries its own date and words; the described ones are for "Not listed here".
    failureDate: form.text("attendanceId") ? null : (form.text("failureDate") ?? null),
    failureDescription: form.text("attendanceId") ? null : (form.text("failureDescription") ?? null),
    deliveredBy: form.text("type") === "WARNING" ? (form.text("deliveredBy") ?? null) : null,
  }),
  messages: {
    type: "Choose a warning or a breach",
    date: "Enter the date of the warning or breach",
    attendanceId: "Choose the failure to comply, or 'Not listed here'",
    failureDate: "Enter the date of the failure as a real date",
    deliveredBy: "Choose how the warning was given",
  },
  run: (user, input) => startEnforcement(user, input),
  onSuccess: (action) => ({
    redirectTo: `/cases/${action.caseId}`,
    notice:
      action.type === "WARNING"
        ? "Warning recorded. Print the warning letter from 'Warnings and breaches' and give it to the person."
        : "Breach recorded. Record the court's outcome when the court has decided.",
    revalidate: [`/cases/${action.caseId}`, "/cases", "/work-queue"],
  }),
});

export async function startEnforcementAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitEnforcement(previous, form);
}
