import { z } from "zod";
import { plainText } from "@/server/input/plain-text";
import { recordIdSchema } from "../schemas";

// POST /api/v1/sessions/{id}/override-requests (docs/api.md): a coordinator refused by a risk or
// capacity rule asks a manager to book anyway (R10, docs/decisions/0061).

export const requestBookingOverrideBody = z
  .object({
    caseId: recordIdSchema,
    reason: plainText
      .trim()
      .min(1, "Say why the booking should be made anyway")
      .max(4000, "Keep the reason to 4,000 characters or fewer"),
  })
  .strict()
  .meta({ title: "BookingOverrideRequest" });

export const requestBookingOverrideInput = requestBookingOverrideBody.safeExtend({
  sessionId: z.string(),
  caseId: z.string(),
});
export type RequestBookingOverrideInput = z.input<typeof requestBookingOverrideInput>;
