"use server";

import { formAction } from "@/server/actions/form-action";
import { allocateMany } from "@/server/services/allocations/allocate-many";
import { allocateManyInput } from "@/server/services/allocations/allocate-many.types";
import type { FormState } from "@/ui/form/form-state";

// "Add people" (R10): the people ticked are booked on the session in one go; each is checked
// again under the session's lock, and anyone refused is named with the reason.

const submit = formAction({
  permission: "allocation.create",
  schema: allocateManyInput,
  fromForm: (form) => ({
    sessionId: form.text("sessionId") ?? "",
    bookings: form.list("caseId").map((caseId) => ({ caseId })),
  }),
  fieldNames: { bookings: "caseId", sessionId: "" },
  messages: { caseId: "Choose at least one person to book" },
  run: (user, input) => allocateMany(user, input),
  onSuccess: (result) => {
    const count = result.booked.length;
    const refused = result.refused.map(
      (r) =>
        `Not booked: ${r.personName ?? "a case"}${r.crn ? ` (CRN ${r.crn})` : ""}: ${r.refusals.map((x) => x.message).join(" ") || r.message}`,
    );
    return {
      redirectTo: `/sessions/${result.sessionId}`,
      notice: [`${count} ${count === 1 ? "person" : "people"} booked on this session.`, ...refused].join(" "),
      revalidate: [`/sessions/${result.sessionId}`, "/work-queue", ...result.booked.map((b) => `/cases/${b.caseId}`)],
    };
  },
});

export async function bookPeopleAction(previous: FormState, form: FormData): Promise<FormState> {
  return submit(previous, form);
}
