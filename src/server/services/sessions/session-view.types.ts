import { z } from "zod";
import { PLACEMENT_FEATURES, PLACEMENT_TYPES } from "@/domain";

// A session as POST /api/v1/sessions and GET /api/v1/sessions/{id} return it (docs/api.md).

const attendanceSummary = z.object({
  outcome: z.string(),
  minutesCredited: z.number().int(),
  approvalState: z.string(),
  version: z.number().int(),
});

export const sessionAllocationView = z.object({
  id: z.string(),
  caseId: z.string(),
  crn: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(["BOOKED", "CANCELLED"]),
  retrospective: z.boolean(),
  consentRecorded: z.boolean(),
  attendance: attendanceSummary.nullable(),
});

export const sessionView = z
  .object({
    id: z.string(),
    placementId: z.string(),
    placementName: z.string(),
    placementType: z.enum(PLACEMENT_TYPES),
    placementFeatures: z.array(z.enum(PLACEMENT_FEATURES)),
    region: z.string(),
    seriesId: z.string().nullable(),
    date: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    supervisorId: z.string().nullable(),
    supervisorName: z.string().nullable(),
    capacity: z.number().int(),
    bookingLimit: z.number().int().describe("Capacity × the region's over-subscription limit (R10)"),
    booked: z.number().int(),
    pickUpPoint: z.string().nullable(),
    pickUpTime: z.string().nullable(),
    status: z.enum(["SCHEDULED", "CLOSED", "CANCELLED", "STOOD_DOWN"]),
    version: z.number().int(),
    allocations: z.array(sessionAllocationView),
  })
  .meta({ title: "Session" });

export type SessionView = z.input<typeof sessionView>;
