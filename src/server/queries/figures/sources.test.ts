import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { dormancyWindowStart, policyOn } from "@/domain";
import { NO_COMMENCEMENTS } from "@/server/rules/rule-commencements";
import { inBacklogOn } from "../predicates/requirement";
import { at } from "../predicates/sql";
import { figureDates } from "./sources";

// The pure part of the read-side predicates: the dates and windows each reads on D, from the
// policy with the commencement dates (the SQL itself is proven against the domain in
// tests/integration/predicate-parity.test.ts and read-side-parity.test.ts).
const s36 = { ...NO_COMMENCEMENTS, twelveMonthPeriodAbolishedFrom: "2026-04-15" };

describe("figureDates", () => {
  it("s.36: the 12-month period applies the day before its commencement, not on the day", () => {
    expect(figureDates("2026-04-14", s36).abolished).toBe(false);
    expect(figureDates("2026-04-15", s36).abolished).toBe(true);
    expect(figureDates("2026-04-15").abolished).toBe(false);
  });
  it("windows end on D and include it: 7 days of hours, 8 weeks of pace, 28 days of dormancy", () => {
    const t = figureDates("2026-03-01");
    expect(t.hoursFrom).toBe("2026-02-23");
    expect(t.paceFrom).toBe("2026-01-05");
    expect(t.paceDays).toBe(56);
    expect(t.nearingBy).toBe("2026-04-26");
    expect(t.redDays).toBe(28);
    expect(t.dormantFrom).toBe(dormancyWindowStart("2026-03-01", policyOn("2026-03-01")));
    expect(t.sentencedBy).toBe("2026-02-01");
  });
  it("leap day and year end", () => {
    expect(figureDates("2028-02-29").yearAgo).toBe("2027-02-28");
    expect(figureDates("2028-02-29").hoursFrom).toBe("2028-02-23");
    expect(figureDates("2027-01-03").hoursFrom).toBe("2026-12-28");
  });
});

describe("predicate dates", () => {
  it("an ISO date is a bound parameter; a month-end column is inlined", () => {
    expect(at("2026-03-31").values).toEqual(["2026-03-31"]);
    expect(at(Prisma.sql`m.month_end`).sql).toBe("m.month_end");
  });
  it("backlog is FALSE outright when the 12-month period no longer applies", () => {
    expect(inBacklogOn("2026-04-15", Prisma.sql`sc."twelveMonthEnd"`, false).sql).toBe("FALSE");
    expect(inBacklogOn("2026-04-14", Prisma.sql`sc."twelveMonthEnd"`, true).sql).toContain('"Extension"');
  });
});
