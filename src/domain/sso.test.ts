// Suspended sentence orders: operational and supervision periods, and expiring incomplete.
import { describe, expect, it } from "vitest";
import { checkSsoPeriods, isSsoSupervisionEndedIncomplete } from "./sso";

const sso = { orderType: "SUSPENDED_SENTENCE_ORDER" as const, sentenceDate: "2025-03-31" };

describe("SSO periods", () => {
  it("operational period from 6 months to 2 years after sentence (31 March + 6 months = 30 September)", () => {
    expect(checkSsoPeriods({ ...sso, operationalPeriodEndsOn: "2025-09-29" })).toMatchObject({
      ok: false,
      field: "operationalPeriodEndsOn",
    });
    expect(checkSsoPeriods({ ...sso, operationalPeriodEndsOn: "2025-09-30" }).ok).toBe(true);
    expect(checkSsoPeriods({ ...sso, operationalPeriodEndsOn: "2027-03-31" }).ok).toBe(true);
    expect(checkSsoPeriods({ ...sso, operationalPeriodEndsOn: "2027-04-01" })).toMatchObject({ ok: false });
  });

  it("supervision ends after sentence and no later than the operational period", () => {
    expect(
      checkSsoPeriods({ ...sso, operationalPeriodEndsOn: "2026-03-31", supervisionPeriodEndsOn: "2026-03-31" }).ok,
    ).toBe(true);
    expect(
      checkSsoPeriods({ ...sso, operationalPeriodEndsOn: "2026-03-31", supervisionPeriodEndsOn: "2026-04-01" }),
    ).toMatchObject({
      ok: false,
      field: "supervisionPeriodEndsOn",
    });
    expect(checkSsoPeriods({ ...sso, supervisionPeriodEndsOn: "2025-03-31" })).toMatchObject({ ok: false });
  });

  it("a community order has neither period", () => {
    expect(
      checkSsoPeriods({
        orderType: "COMMUNITY_ORDER",
        sentenceDate: "2025-03-31",
        supervisionPeriodEndsOn: "2026-03-31",
      }),
    ).toMatchObject({ ok: false });
    expect(checkSsoPeriods({ orderType: "COMMUNITY_ORDER", sentenceDate: "2025-03-31" }).ok).toBe(true);
  });

  it("still active the day after the supervision period ended: expired incomplete", () => {
    const base = { ...sso, status: "ACTIVE" as const, supervisionPeriodEndsOn: "2026-03-31" };
    expect(isSsoSupervisionEndedIncomplete({ ...base, asOf: "2026-03-31" })).toBe(false);
    expect(isSsoSupervisionEndedIncomplete({ ...base, asOf: "2026-04-01" })).toBe(true);
    expect(isSsoSupervisionEndedIncomplete({ ...base, status: "COMPLETED", asOf: "2026-04-01" })).toBe(false);
    expect(isSsoSupervisionEndedIncomplete({ ...base, supervisionPeriodEndsOn: null, asOf: "2026-04-01" })).toBe(false);
  });
});
