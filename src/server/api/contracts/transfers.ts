import { z } from "zod";
import { ORDER_TYPES } from "@/domain";
import {
  acceptTransferBody,
  declineTransferBody,
  requestTransferBody,
  transferView,
} from "@/server/services/transfers/transfers.types";
import { defineRoute } from "../route-spec";

export const requestTransferRoute = defineRoute({
  method: "POST",
  path: "/api/v1/cases/{id}/transfers",
  tag: "Transfers",
  summary: "Ask for a case to move to another region (coordinators and managers of its region)",
  description:
    "Nothing moves until a manager of the receiving region accepts. One open request per case (a second is 422 TRANSFER_NOT_ALLOWED).",
  permission: "transfer.request",
  params: z.object({ id: z.uuid() }),
  body: requestTransferBody,
  response: transferView,
  status: 201,
  idempotent: true,
});

export const incomingTransfersView = z
  .object({
    transfers: z.array(
      z.object({
        id: z.string(),
        caseId: z.string(),
        crn: z.string(),
        name: z.string(),
        orderType: z.enum(ORDER_TYPES),
        sentenceDate: z.string(),
        hoursOrdered: z.number().int(),
        outstandingMinutes: z.number().int(),
        fromRegion: z.string().describe("Region code"),
        fromRegionName: z.string(),
        reason: z.string(),
        requestedOn: z.string(),
        requestedBy: z.string(),
      }),
    ),
  })
  .meta({ title: "IncomingTransfers" });

export const listIncomingTransfersRoute = defineRoute({
  method: "GET",
  path: "/api/v1/transfers",
  tag: "Transfers",
  summary: "Cases other regions ask to move to the caller's region, waiting for a decision, oldest first (managers)",
  permission: "transfer.decide",
  response: incomingTransfersView,
});

export const acceptTransferRoute = defineRoute({
  method: "POST",
  path: "/api/v1/transfers/{id}/acceptance",
  tag: "Transfers",
  summary: "Accept a case into your region (a manager of the receiving region); from today it counts in your region",
  description:
    "Refused (422 TRANSFER_NOT_ALLOWED) while the case still has bookings without an outcome in its current region. A decided transfer is 409.",
  permission: "transfer.decide",
  params: z.object({ id: z.uuid() }),
  body: acceptTransferBody,
  response: transferView,
  idempotent: true,
});

export const declineTransferRoute = defineRoute({
  method: "POST",
  path: "/api/v1/transfers/{id}/decline",
  tag: "Transfers",
  summary: "Decline a transfer with a reason (a manager of the receiving region); the case stays where it is",
  permission: "transfer.decide",
  params: z.object({ id: z.uuid() }),
  body: declineTransferBody,
  response: transferView,
  idempotent: true,
});
