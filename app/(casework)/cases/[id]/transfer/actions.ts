"use server";

import { formAction } from "@/server/actions/form-action";
import { requestTransfer } from "@/server/services/transfers/request-transfer";
import { requestTransferInput } from "@/server/services/transfers/transfers.types";
import type { FormState } from "@/ui/form/form-state";

const submitTransferRequest = formAction({
  permission: "transfer.request",
  schema: requestTransferInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    toRegion: form.text("toRegion") ?? "",
    reason: form.text("reason") ?? "",
  }),
  messages: {
    toRegion: "Choose the region to transfer the case to",
    reason: "Give the reason for the transfer, for example the person has moved",
  },
  run: (user, input) => requestTransfer(user, input),
  onSuccess: (transfer) => ({
    redirectTo: `/cases/${transfer.caseId}`,
    notice: "Transfer asked for. The case stays with your region until the other region's manager accepts it.",
    revalidate: [`/cases/${transfer.caseId}`, "/transfers"],
  }),
});

export async function requestTransferAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitTransferRequest(previous, form);
}
