import { z } from "zod";
import { ABSENCE_REASONS, ATTENDANCE_OUTCOMES, isIsoDate, isTimeOfDay, WORK_RATINGS } from "@/domain";
import { MAX_MINUTES_IN_A_DAY, versionSchema } from "../schemas";

// PUT /api/v1/sessions/{id}/attendance/{caseId} (docs/api.md): the body's field names are the contract.

const timeOfDay = z
  .string()
  .refine(isTimeOfDay, { message: "Enter the time as HH:MM, for example 09:30" })
  .describe("HH:MM, 24-hour clock, London time");

export const recordAttendanceBody = z
  .object({
    outcome: z.enum(ATTENDANCE_OUTCOMES),
    arrivedAt: timeOfDay.nullish().describe("Defaults to the session's start time"),
    leftAt: timeOfDay.nullish().describe("Defaults to the session's end time"),
    penaltyMinutes: z.number().int().min(0).max(MAX_MINUTES_IN_A_DAY).nullish(),
    minutesCredited: z
      .number()
      .int()
      .min(0)
      .max(MAX_MINUTES_IN_A_DAY)
      .nullish()
      .describe("Instead of arrivedAt/leftAt/penaltyMinutes: whole minutes, at most the session's length"),
    workQuality: z.enum(WORK_RATINGS).nullish().describe("Required for attended outcomes"),
    behaviour: z.enum(WORK_RATINGS).nullish().describe("Required for attended outcomes"),
    reasonCategory: z.enum(ABSENCE_REASONS).nullish().describe("Required for ACCEPTABLE_ABSENCE"),
    note: z
      .string()
      .max(4000)
      .nullish()
      .describe(
        "Required for ACCEPTABLE_ABSENCE; plain text. Left out of a correction, the note already recorded stays",
      ),
    noteSensitive: z
      .boolean()
      .optional()
      .describe(
        "Marks the note sensitive (shown only to managers and the case's coordinator); once marked it cannot be un-marked",
      ),
    version: versionSchema.optional().describe("For a correction: the attendance's version as last read"),
  })
  .strict()
  .meta({ title: "AttendanceInput" });

export const recordAttendanceInput = recordAttendanceBody
  .extend({
    sessionId: z.uuid(),
    caseId: z.uuid(),
  })
  .strict();

export type RecordAttendanceInput = z.input<typeof recordAttendanceInput>;

const isoDate = z.string().refine(isIsoDate, { message: "Enter the date as YYYY-MM-DD" });

export const attendanceView = z
  .object({
    id: z.string(),
    allocationId: z.string(),
    sessionId: z.string(),
    caseId: z.string(),
    sessionDate: isoDate,
    outcome: z.enum(ATTENDANCE_OUTCOMES),
    arrivedAt: z.string().nullable(),
    leftAt: z.string().nullable(),
    penaltyMinutes: z.number().int(),
    minutesCredited: z
      .number()
      .int()
      .describe("Minutes this session adds to the total (after the cap at the hours ordered)"),
    workQuality: z.enum(WORK_RATINGS).nullable(),
    behaviour: z.enum(WORK_RATINGS).nullable(),
    reasonCategory: z.enum(ABSENCE_REASONS).nullable(),
    note: z.string().nullable(),
    noteSensitive: z.boolean(),
    approvalState: z.enum(["NOT_NEEDED", "PENDING", "APPROVED", "REJECTED"]),
    version: z.number().int(),
  })
  .meta({ title: "Attendance" });

export const enforcementSummary = z
  .object({
    id: z.string(),
    type: z.enum(["WARNING", "BREACH"]),
    date: isoDate,
    caseId: z.string(),
  })
  .meta({ title: "EnforcementActionCreated" });

export const approvalSummary = z
  .object({
    id: z.string(),
    kind: z.enum(["ACCEPTED_ABSENCE", "RISK_OVERRIDE", "HIGH_ROSH_INDIVIDUAL", "BOOKING_OVERRIDE"]),
    status: z.enum(["PENDING", "APPROVED", "REJECTED"]),
    version: z.number().int(),
  })
  .meta({ title: "ApprovalCreated" });

export const recordAttendanceResult = z
  .object({
    attendance: attendanceView,
    enforcementDue: z.enum(["WARNING", "BREACH"]).nullable(),
    enforcementAction: enforcementSummary.optional(),
    approval: approvalSummary.optional(),
    withdrawnEnforcement: z
      .array(z.object({ id: z.string(), type: z.enum(["WARNING", "BREACH"]) }))
      .optional()
      .describe("Warnings or breaches withdrawn because this correction means the failure no longer stands"),
  })
  .meta({ title: "AttendanceRecorded" });

export type AttendanceView = z.infer<typeof attendanceView>;
export type RecordAttendanceResult = z.input<typeof recordAttendanceResult>;
