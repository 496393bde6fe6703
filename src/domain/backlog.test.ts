import { describe, expect, it } from "vitest";
import { backlogPercent, isInBacklog, statusOn, type BacklogFacts } from "./backlog";
import { policyOn } from "./policy";

// Sentenced 31 January 2025: the 12 months end on 31 January 2026.
const facts: BacklogFacts = {
  status: "ACTIVE",
  sentenceDate: "2025-01-31",
  extensions: [],
  openBreach: false,
  underWarrant: false,
};

describe("R4 isInBacklog", () => {
  it("is not in backlog on the last day of the 12 months", () => {
    expect(isInBacklog("2026-01-31", facts)).toBe(false);
  });

  it("is in backlog the day after", () => {
    expect(isInBacklog("2026-02-01", facts)).toBe(true);
  });

  it("29 Feb 2024 sentence: backlog from 1 March 2025 (12 months end 28 Feb)", () => {
    const leap = { ...facts, sentenceDate: "2024-02-29" };
    expect(isInBacklog("2025-02-28", leap)).toBe(false);
    expect(isInBacklog("2025-03-01", leap)).toBe(true);
  });

  it("an extension covering the date keeps it out; one ending before does not", () => {
    const extended = { ...facts, extensions: [{ grantedOn: "2026-01-20", newEndDate: "2026-04-30" }] };
    expect(isInBacklog("2026-04-30", extended)).toBe(false);
    expect(isInBacklog("2026-05-01", extended)).toBe(true);
  });

  it("an extension granted after the date does not change the past", () => {
    const late = { ...facts, extensions: [{ grantedOn: "2026-03-10", newEndDate: "2026-06-30" }] };
    expect(isInBacklog("2026-03-01", late)).toBe(true);
    expect(isInBacklog("2026-03-10", late)).toBe(false);
  });

  it("an open breach or a warrant keeps it out (the court is dealing with it)", () => {
    expect(isInBacklog("2026-03-01", { ...facts, openBreach: true })).toBe(false);
    expect(isInBacklog("2026-03-01", { ...facts, openBreach: true, underWarrant: true })).toBe(false);
  });

  it("only active requirements are in backlog", () => {
    expect(isInBacklog("2026-03-01", { ...facts, status: "COMPLETED" })).toBe(false);
    expect(isInBacklog("2026-03-01", { ...facts, status: "TERMINATED" })).toBe(false);
  });

  it("nothing is in backlog once the Sentencing Act 2026 s.36 removes the 12-month period", () => {
    const overrides = { twelveMonthPeriodAbolishedFrom: "2026-09-01" };
    expect(isInBacklog("2026-08-31", facts, policyOn("2026-08-31", overrides))).toBe(true);
    expect(isInBacklog("2026-09-01", facts, policyOn("2026-09-01", overrides))).toBe(false);
  });
});

describe("R4 backlogPercent", () => {
  it("divides by the active caseload, one decimal place", () => {
    expect(backlogPercent(3, 200)).toBe(1.5);
    expect(backlogPercent(1, 3)).toBe(33.3);
    expect(backlogPercent(0, 0)).toBe(0);
  });
});

describe("statusOn", () => {
  it("was active until it closed", () => {
    const completed = { sentenceDate: "2025-01-31", status: "COMPLETED" as const, closedOn: "2025-10-01" };
    expect(statusOn("2025-01-30", completed)).toBeNull();
    expect(statusOn("2025-09-30", completed)).toBe("ACTIVE");
    expect(statusOn("2025-10-01", completed)).toBe("COMPLETED");
  });
});
