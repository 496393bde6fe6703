"use server";

import { formAction } from "@/server/actions/form-action";
import { cancelAllocation } from "@/server/services/allocations/cancel-allocation";
import { cancelAllocationInput, moveAllocationInput } from "@/server/services/allocations/change-allocation.types";
import { moveAllocation } from "@/server/services/allocations/move-allocation";
import type { FormState } from "@/ui/form/form-state";

const submitCancel = formAction({
  permission: "allocation.change",
  schema: cancelAllocationInput,
  fromForm: (form) => ({
    allocationId: form.text("allocationId") ?? "",
    reason: form.text("reason") ?? "",
    version: form.number("version"),
  }),
  messages: { reason: "Say why the booking is cancelled" },
  run: (user, input) => cancelAllocation(user, input),
  onSuccess: (booking) => ({
    redirectTo: `/sessions/${booking.sessionId}`,
    notice: "Booking cancelled.",
    revalidate: [`/sessions/${booking.sessionId}`, `/cases/${booking.caseId}`, "/work-queue"],
  }),
});

const submitMove = formAction({
  permission: "allocation.change",
  schema: moveAllocationInput,
  fromForm: (form) => ({
    allocationId: form.text("allocationId") ?? "",
    toSessionId: form.text("toSessionId") ?? "",
    reason: form.text("moveReason") ?? "",
    version: form.number("version"),
    consentRecorded: form.boolean("consentRecorded"),
  }),
  fieldNames: { reason: "moveReason", sessionId: "toSessionId" },
  messages: { toSessionId: "Choose the session to move the booking to", reason: "Say why the booking is moved" },
  run: (user, input) => moveAllocation(user, input),
  onSuccess: (booking) => ({
    redirectTo: `/sessions/${booking.sessionId}`,
    notice: "Booking moved to this session.",
    revalidate: [`/sessions/${booking.sessionId}`, `/cases/${booking.caseId}`, "/work-queue"],
  }),
});

export async function cancelBookingAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitCancel(previous, form);
}
export async function moveBookingAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitMove(previous, form);
}
