import { z } from "zod";

// Transfer of a requirement to another region (docs/api.md "Transfers"):
// POST /api/v1/cases/{id}/transfers, POST /api/v1/transfers/{id}/acceptance, POST /api/v1/transfers/{id}/decline.

const reasonText = (what: string) =>
  z.string().trim().min(1, { message: what }).max(2000, { message: "Keep it to 2,000 characters or fewer" });

export const requestTransferBody = z
  .object({
    toRegion: z
      .string()
      .trim()
      .min(1, { message: "Choose the region to transfer the case to" })
      .max(8)
      .describe("The receiving region's code, e.g. WAL"),
    reason: reasonText("Give the reason for the transfer, for example the person has moved").describe(
      "Why the case should move (plain text)",
    ),
  })
  .strict()
  .meta({ title: "TransferRequestInput" });
export const requestTransferInput = requestTransferBody.extend({ caseId: z.uuid() }).strict();
export type RequestTransferInput = z.input<typeof requestTransferInput>;

export const acceptTransferBody = z
  .object({
    note: z
      .string()
      .trim()
      .max(2000, { message: "Keep it to 2,000 characters or fewer" })
      .optional()
      .describe("Plain text"),
  })
  .strict()
  .meta({ title: "TransferAcceptanceInput" });
export const acceptTransferInput = acceptTransferBody.extend({ transferId: z.uuid() }).strict();
export type AcceptTransferInput = z.input<typeof acceptTransferInput>;

export const declineTransferBody = z
  .object({
    reason: reasonText("Give the reason for declining the transfer").describe(
      "Why the receiving region cannot take the case",
    ),
  })
  .strict()
  .meta({ title: "TransferDeclineInput" });
export const declineTransferInput = declineTransferBody.extend({ transferId: z.uuid() }).strict();
export type DeclineTransferInput = z.input<typeof declineTransferInput>;

export const TRANSFER_STATUSES = ["REQUESTED", "ACCEPTED", "DECLINED"] as const;

export const transferView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    fromRegion: z.string().describe("Region code the case moves from"),
    fromPdu: z
      .string()
      .nullable()
      .describe("Code of the PDU the case had before it moved, kept when the transfer is accepted (else null)"),
    toRegion: z.string().describe("Region code the case moves to"),
    reason: z.string(),
    status: z.enum(TRANSFER_STATUSES),
    requestedOn: z.string().describe("YYYY-MM-DD"),
    decidedOn: z.string().nullable(),
    decisionNote: z.string().nullable().describe("The receiving manager's note, or the reason for declining"),
    acceptedOn: z
      .string()
      .nullable()
      .describe("From this date the case counts in the receiving region (dashboards count by date)"),
  })
  .meta({ title: "Transfer" });
export type TransferView = z.input<typeof transferView>;
