import { acceptableAbsenceNeedsApproval, initialApprovalState } from "./absence-approval";
import { describe, expect, it } from "vitest";
import {
  absenceStanding,
  ATTENDANCE_OUTCOMES,
  countsTowardsAbsenceLimit,
  creditsTime,
  isFailureToComply,
  isStandDown,
  OUTCOME_INFO,
} from "./attendance-outcomes";
import { OUTCOME_DESCRIPTIONS } from "./attendance-outcome-descriptions";

describe("R8 outcome table", () => {
  it.each([
    ["ATTENDED_COMPLIED", "ATTC", true, false],
    ["ATTENDED_FAILED_TO_COMPLY", "AFTC", true, true],
    ["ATTENDED_SENT_HOME_BEHAVIOUR", "ATSH", true, true],
    ["ATTENDED_SENT_HOME_SERVICE", "ATSS", true, false],
    ["ACCEPTABLE_ABSENCE", null, false, false],
    ["UNACCEPTABLE_ABSENCE", "UAAB", false, true],
  ] as const)("%s: nDelius %s, credits time %s, failure to comply %s", (outcome, code, credits, failure) => {
    expect(OUTCOME_DESCRIPTIONS[outcome].ndeliusCode).toBe(code);
    expect(creditsTime(outcome)).toBe(credits);
    expect(isFailureToComply(outcome)).toBe(failure);
  });

  it("every outcome has a plain-English label and meaning", () => {
    for (const outcome of ATTENDANCE_OUTCOMES) {
      expect(OUTCOME_INFO[outcome].label.length).toBeGreaterThan(0);
      expect(OUTCOME_DESCRIPTIONS[outcome].meaning.length).toBeGreaterThan(0);
    }
  });
});

describe("R8 the 3rd accepted absence needs a manager's approval", () => {
  it.each([
    [0, false],
    [1, false],
    [2, true],
    [5, true],
  ])("with %i earlier accepted absences → needs approval: %s", (prior, expected) => {
    expect(acceptableAbsenceNeedsApproval(prior)).toBe(expected);
  });

  it("stand-downs never need approval and do not count", () => {
    expect(initialApprovalState("ACCEPTABLE_ABSENCE", "STOOD_DOWN", 5)).toBe("NOT_NEEDED");
    expect(countsTowardsAbsenceLimit("ACCEPTABLE_ABSENCE", "STOOD_DOWN")).toBe(false);
    expect(countsTowardsAbsenceLimit("ACCEPTABLE_ABSENCE", "MEDICAL")).toBe(true);
    expect(countsTowardsAbsenceLimit("ACCEPTABLE_ABSENCE", "MEDICAL", "REJECTED")).toBe(false);
  });

  it("the 3rd medical absence starts PENDING; the 2nd stands", () => {
    expect(initialApprovalState("ACCEPTABLE_ABSENCE", "MEDICAL", 1)).toBe("NOT_NEEDED");
    expect(initialApprovalState("ACCEPTABLE_ABSENCE", "MEDICAL", 2)).toBe("PENDING");
    expect(initialApprovalState("UNACCEPTABLE_ABSENCE", null, 2)).toBe("NOT_NEEDED");
  });

  it("until approved it is unacceptable-pending; rejected it is a failure to comply", () => {
    expect(absenceStanding("ACCEPTABLE_ABSENCE", "PENDING")).toBe("UNACCEPTABLE_PENDING");
    expect(absenceStanding("ACCEPTABLE_ABSENCE", "APPROVED")).toBe("ACCEPTED");
    expect(absenceStanding("ACCEPTABLE_ABSENCE", "REJECTED")).toBe("UNACCEPTABLE");
    expect(absenceStanding("ATTENDED_COMPLIED", "NOT_NEEDED")).toBeNull();
    expect(isFailureToComply("ACCEPTABLE_ABSENCE", "PENDING")).toBe(false);
    expect(isFailureToComply("ACCEPTABLE_ABSENCE", "REJECTED")).toBe(true);
  });
});

describe("R8 stand-downs", () => {
  it("are sent home for service reasons, or stood-down absences", () => {
    expect(isStandDown("ATTENDED_SENT_HOME_SERVICE", null)).toBe(true);
    expect(isStandDown("ACCEPTABLE_ABSENCE", "STOOD_DOWN")).toBe(true);
    expect(isStandDown("ACCEPTABLE_ABSENCE", "MEDICAL")).toBe(false);
    expect(isStandDown("ATTENDED_SENT_HOME_BEHAVIOUR", null)).toBe(false);
  });
});
