// Nothing before the sentence date; unpaid work is for adults (18 or over on the sentence date).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { checkOutcomeRecordable, SUPERVISOR_OUTCOMES } from "./attendance-recording";
import { checkEteCreditDate } from "./ete-dates";
import { policyOn } from "./policy";
import { checkAdultOnSentence, checkNotBeforeSentence } from "./sentence-checks";
import { isoDateArb } from "./test-arbitraries";

describe("BEFORE_SENTENCE", () => {
  it("a session a week before the sentence is refused; the sentence date itself is allowed", () => {
    expect(
      checkNotBeforeSentence({ date: "2025-03-03", sentenceDate: "2025-03-10", what: "This session" }),
    ).toMatchObject({
      ok: false,
      code: "BEFORE_SENTENCE",
      field: "date",
    });
    expect(checkNotBeforeSentence({ date: "2025-03-10", sentenceDate: "2025-03-10", what: "This session" }).ok).toBe(
      true,
    );
    expect(
      checkNotBeforeSentence({ date: "2025-03-09", sentenceDate: "2025-03-10", what: "ETE time", field: "sessionId" }),
    ).toMatchObject({
      field: "sessionId",
    });
  });

  it("property: refused exactly when the date is before the sentence date", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -400, max: 400 }), (sentenceDate, offset) => {
        const date = addDays(sentenceDate, offset);
        expect(checkNotBeforeSentence({ date, sentenceDate, what: "x" }).ok).toBe(offset >= 0);
      }),
    );
  });
});

describe("UNDER_18: 18 or over on the sentence date", () => {
  it.each([
    ["a 12-year-old", "2013-05-01", "2025-06-02", false],
    ["the day before the 18th birthday", "2007-06-03", "2025-06-02", false],
    ["on the 18th birthday", "2007-06-02", "2025-06-02", true],
    ["born on 29 February: not yet 18 on 28 February", "2008-02-29", "2026-02-28", false],
    ["born on 29 February: 18 on 1 March", "2008-02-29", "2026-03-01", true],
    ["an adult of 45", "1980-01-01", "2025-06-02", true],
  ])("%s", (_, dateOfBirth, sentenceDate, allowed) => {
    const result = checkAdultOnSentence({ dateOfBirth, sentenceDate });
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result).toMatchObject({ code: "UNDER_18", field: "dateOfBirth" });
  });
});

describe("R8: who may record which outcome", () => {
  const base = { sessionDate: "2025-06-10", sentenceDate: "2025-03-03" } as const;
  it("a supervisor records attended outcomes and did-not-attend, never an acceptable absence", () => {
    for (const outcome of SUPERVISOR_OUTCOMES) {
      expect(checkOutcomeRecordable({ ...base, outcome, recordedBy: "SUPERVISOR" }).ok).toBe(true);
    }
    expect(checkOutcomeRecordable({ ...base, outcome: "ACCEPTABLE_ABSENCE", recordedBy: "SUPERVISOR" })).toMatchObject({
      code: "OUTCOME_NOT_ALLOWED",
      field: "outcome",
    });
    expect(checkOutcomeRecordable({ ...base, outcome: "ACCEPTABLE_ABSENCE", recordedBy: "OFFICE" }).ok).toBe(true);
  });

  it("nobody records an outcome for a session before the sentence date", () => {
    expect(
      checkOutcomeRecordable({
        outcome: "ATTENDED_COMPLIED",
        recordedBy: "OFFICE",
        sessionDate: "2025-02-24",
        sentenceDate: "2025-03-03",
      }),
    ).toMatchObject({ code: "BEFORE_SENTENCE" });
  });
});

describe("R6/R3: the dates an ETE credit may carry", () => {
  const requirement = { sentenceDate: "2024-04-15", effectiveEndDate: "2025-04-15" } as const;
  it("a requirement 13 months old, in the backlog, refuses a 2-hour ETE credit dated today", () => {
    expect(checkEteCreditDate({ ...requirement, date: "2025-05-20", today: "2025-05-20" })).toMatchObject({
      ok: false,
      code: "EXTENSION_REQUIRED",
      field: "date",
    });
  });
  it("ETE dated on the end date or before it is allowed, even when recorded later", () => {
    expect(checkEteCreditDate({ ...requirement, date: "2025-04-15", today: "2025-05-20" }).ok).toBe(true);
  });
  it("ETE dated before the sentence date is refused", () => {
    expect(checkEteCreditDate({ ...requirement, date: "2024-04-14", today: "2025-01-10" })).toMatchObject({
      code: "BEFORE_SENTENCE",
    });
  });
  it("once s.36 abolishes the 12-month period there is no end date to pass", () => {
    const policy = policyOn("2025-05-20", { twelveMonthPeriodAbolishedFrom: "2025-05-01" });
    expect(checkEteCreditDate({ ...requirement, date: "2025-05-20", today: "2025-05-20" }, policy).ok).toBe(true);
  });
});
