"use server";

import { formAction } from "@/server/actions/form-action";
import { recordAddress, recordAddressInput } from "@/server/services/people/record-address";
import type { FormState } from "@/ui/form/form-state";

const submitAddress = formAction({
  permission: "person.address",
  schema: recordAddressInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    line1: form.text("line1") ?? "",
    line2: form.text("line2") ?? null,
    town: form.text("town") ?? "",
    postcode: form.text("postcode") ?? "",
    validFrom: form.text("validFrom") ?? "",
  }),
  messages: {
    line1: "Enter the first line of the address",
    town: "Enter the town or city",
    postcode: "Enter a real UK postcode, for example LS1 4AB",
    validFrom: "Enter the date they moved in as a real date",
  },
  run: (user, input) => recordAddress(user, input),
  onSuccess: (result) => ({
    redirectTo: `/cases/${result.caseId}`,
    notice: "Address saved.",
    revalidate: [`/cases/${result.caseId}`],
  }),
});

export async function recordAddressAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitAddress(previous, form);
}
