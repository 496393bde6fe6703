"use server";

import { formAction } from "@/server/actions/form-action";
import { acceptTransfer, declineTransfer } from "@/server/services/transfers/decide-transfer";
import { acceptTransferInput, declineTransferInput } from "@/server/services/transfers/transfers.types";
import type { FormState } from "@/ui/form/form-state";

const submitAcceptance = formAction({
  permission: "transfer.decide",
  schema: acceptTransferInput,
  fromForm: (form) => ({ transferId: form.text("transferId") ?? "", note: form.text("note") }),
  run: (user, input) => acceptTransfer(user, input),
  onSuccess: (transfer) => ({
    redirectTo: `/cases/${transfer.caseId}`,
    notice: "Transfer accepted: the case is now held by your region. Set its PDU and coordinator as needed.",
    revalidate: ["/transfers", `/cases/${transfer.caseId}`, "/cases", "/dashboard"],
  }),
});

const submitDecline = formAction({
  permission: "transfer.decide",
  schema: declineTransferInput,
  fromForm: (form) => ({ transferId: form.text("transferId") ?? "", reason: form.text("reason") ?? "" }),
  messages: { reason: "Give the reason for declining the transfer" },
  run: (user, input) => declineTransfer(user, input),
  onSuccess: () => ({
    redirectTo: "/transfers",
    notice: "Transfer declined. The case stays with the region that asked.",
    revalidate: ["/transfers"],
  }),
});

export async function acceptTransferAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitAcceptance(previous, form);
}

export async function declineTransferAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitDecline(previous, form);
}
