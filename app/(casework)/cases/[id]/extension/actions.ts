"use server";

import { formAction } from "@/server/actions/form-action";
import { recordExtension } from "@/server/services/extensions/record-extension";
import { recordExtensionInput } from "@/server/services/extensions/record-extension.types";
import type { FormState } from "@/ui/form/form-state";
import { formatDate } from "@/ui/format";

const submitExtension = formAction({
  permission: "extension.record",
  schema: recordExtensionInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    grantedOn: form.text("grantedOn") ?? "",
    newEndDate: form.text("newEndDate") ?? "",
    court: form.text("court") ?? "",
    reason: form.text("reason") ?? "",
  }),
  messages: {
    grantedOn: "Enter the date the court granted the extension",
    newEndDate: "Enter the new end date",
    court: "Enter the court",
    reason: "Enter the reason the court gave",
  },
  run: (user, input) => recordExtension(user, input),
  onSuccess: (extension) => ({
    redirectTo: `/cases/${extension.caseId}`,
    notice: `Extension recorded. The work must now be done by ${formatDate(extension.newEndDate)}.`,
    revalidate: [`/cases/${extension.caseId}`, "/work-queue"],
  }),
});

export async function recordExtensionAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitExtension(previous, form);
}
