// The COPY buffers of every table the scale seed writes, with their columns. Columns left
// out take their database default (createdAt, version…); `updatedAt` has none, so rows set it.
import { CopyBuffer } from "./copy-buffer";

export function scaleTables() {
  return {
    users: new CopyBuffer("User", ["id", "email", "name", "passwordHash", "role", "regionId", "pduId", "gender", "updatedAt"]),
    beneficiaries: new CopyBuffer("Beneficiary", ["id", "regionId", "name", "kind"]),
    placements: new CopyBuffer("Placement", ["id", "name", "type", "regionId", "pduId", "beneficiaryId", "address", "postcode", "capacity", "features", "needsMinibus", "active"]),
    sessions: new CopyBuffer("Session", ["id", "placementId", "date", "startTime", "endTime", "supervisorId", "capacity", "status", "closedAt", "closedById"]),
    people: new CopyBuffer("Person", ["id", "crn", "firstName", "lastName", "dateOfBirth", "gender", "ethnicity", "updatedAt"]),
    orders: new CopyBuffer("Order", ["id", "personId", "type", "sentenceDate", "court", "managedBy", "practitionerName", "regionId", "pduId"]),
    requirements: new CopyBuffer("Requirement", [
      "id", "orderId", "personId", "regionId", "pduId", "managedBy", "orderType", "sentenceDate", "hoursOrdered", "originalHoursOrdered",
      "minutesCredited", "minutesEte", "status", "terminationReason", "commencedOn", "completedOn", "terminatedOn", "coordinatorId", "updatedAt",
    ]),
    assessments: new CopyBuffer("Assessment", ["id", "requirementId", "rosh", "eteEligible", "eteReason", "complete", "completedOn", "completedById", "updatedAt"]),
    assessmentRiskCodes: new CopyBuffer("AssessmentRiskCode", ["assessmentId", "riskCodeId", "title", "guidance", "conflictsWith", "catalogueVersion"]),
    allocations: new CopyBuffer("Allocation", ["id", "sessionId", "requirementId", "sessionDate", "status", "lateStartReason", "lateStartNote", "createdById"]),
    attendances: new CopyBuffer("Attendance", [
      "id", "allocationId", "requirementId", "sessionDate", "outcome", "arrivedAt", "leftAt", "penaltyMinutes", "minutesCredited",
      "workQuality", "behaviour", "reasonCategory", "note", "approvalState", "recordedById", "recordedAt", "updatedAt",
    ]),
    eteCredits: new CopyBuffer("EteCredit", ["id", "requirementId", "date", "minutes", "activity", "provider", "evidence", "createdById"]),
    enforcementActions: new CopyBuffer("EnforcementAction", ["id", "requirementId", "orderId", "type", "date", "failureAttendanceId", "note", "createdById"]),
    enforcementOutcomes: new CopyBuffer("EnforcementOutcome", ["id", "actionId", "outcome", "date", "newHoursOrdered", "recordedById"]),
    extensions: new CopyBuffer("Extension", ["id", "requirementId", "grantedOn", "newEndDate", "court", "reason", "createdById"]),
    reviews: new CopyBuffer("Review", ["id", "requirementId", "kind", "dueOn", "completedOn", "completedById"]),
    approvals: new CopyBuffer("Approval", ["id", "kind", "status", "requirementId", "regionId", "attendanceId", "reason", "requestedById", "requestedAt", "decidedById", "decidedAt", "decisionNote"]),
  };
}

export type ScaleTables = ReturnType<typeof scaleTables>;
