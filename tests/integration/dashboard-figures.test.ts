// The dashboard's SQL figures (src/server/queries/dashboard.ts) must say what the domain's
// rule functions say about the same rows: R4 backlog, R5 dormant, and R2 commenced within
// the start deadline. Builds its own small history in its own region with a factory.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDb } from "../support/db";
import {
  activeCaseload,
  backlogCount,
  commencedWithinDeadline,
  dormantCount,
  loadSentenceCalendar,
  nearingEnd,
  REPORTING_WINDOW_MONTHS,
  total,
  type FigureScope,
} from "@/server/queries/dashboard";
import { isInBacklog, statusOn } from "@/domain/backlog";
import { isDormant } from "@/domain/dormant";
import { breachStateOn, type BreachOutcome } from "@/domain/enforcement";
import { calendarFrom } from "@/domain/bank-holidays";
import { BANK_HOLIDAYS_2015_2030 } from "@/domain/bank-holidays-data";
import {
  commencedWithinDeadline as domainCommencedWithinDeadline,
  effectiveEndDate,
  startDeadline,
} from "@/domain/requirement-dates";
import { isNearingEnd, minutesInLastWeeks, ragStatus } from "@/domain/rag";
import { outstandingMinutes, requiredMinutes } from "@/domain/hours";
import { addCalendarMonths, addDays, isoDateFromUtcDate, utcDateFromIsoDate, type IsoDate } from "@/domain/dates";

type CaseSpec = {
  sentenceDate: IsoDate;
  hoursOrdered?: number;
  status?: "ACTIVE" | "COMPLETED" | "TERMINATED";
  closedOn?: IsoDate;
  commencedOn?: IsoDate;
  extensions?: { grantedOn: IsoDate; newEndDate: IsoDate }[];
  breaches?: { date: IsoDate; outcomes: { outcome: BreachOutcome; date: IsoDate }[] }[];
  attendanceDates?: IsoDate[];
  eteDates?: IsoDate[];
};

let randomRegionId: string;
let edgeRegionId: string;
let placementId: string;
const sessionByDate = new Map<IsoDate, string>();
const d = utcDateFromIsoDate;
// Six-digit CRN numbers from a random start, so reruns on a kept database do not collide.
let nextCrnNumber = 100_000 + Math.floor(Math.random() * 800_000);

async function sessionOn(date: IsoDate): Promise<string> {
  const existing = sessionByDate.get(date);
  if (existing) return existing;
  const session = await testDb.session.create({
    data: { placementId, date: d(date), startTime: "09:00", endTime: "16:00", capacity: 20 },
  });
  sessionByDate.set(date, session.id);
  return session.id;
}

/** Factory: one person with one requirement in the test region, and its history. */
async function makeCase(regionId: string, spec: CaseSpec): Promise<void> {
  const person = await testDb.person.create({
    data: {
      crn: `Q${nextCrnNumber++}`,
      firstName: "Test",
      lastName: "Person",
      dateOfBirth: d("1990-01-01"),
      gender: "MALE",
    },
  });
  const order = await testDb.order.create({
    data: {
      personId: person.id,
      type: "COMMUNITY_ORDER",
      sentenceDate: d(spec.sentenceDate),
      court: "Test Magistrates' Court",
      managedBy: "STANDALONE_UPW",
      regionId,
    },
  });
  const status = spec.status ?? "ACTIVE";
  const requirement = await testDb.requirement.create({
    data: {
      orderId: order.id,
      personId: person.id,
      regionId,
      managedBy: "STANDALONE_UPW",
      orderType: "COMMUNITY_ORDER",
      sentenceDate: d(spec.sentenceDate),
      hoursOrdered: spec.hoursOrdered ?? 100,
      originalHoursOrdered: spec.hoursOrdered ?? 100,
      status,
      completedOn: status === "COMPLETED" && spec.closedOn ? d(spec.closedOn) : null,
      terminatedOn: status === "TERMINATED" && spec.closedOn ? d(spec.closedOn) : null,
      terminationReason: status === "TERMINATED" ? "REVOKED" : null,
      commencedOn: spec.commencedOn ? d(spec.commencedOn) : null,
    },
  });
  for (const extension of spec.extensions ?? []) {
    await testDb.extension.create({
      data: {
        requirementId: requirement.id,
        grantedOn: d(extension.grantedOn),
        newEndDate: d(extension.newEndDate),
        court: "Test Crown Court",
        reason: "Test",
      },
    });
  }
  for (const breach of spec.breaches ?? []) {
    await testDb.enforcementAction.create({
      data: {
        requirementId: requirement.id,
        orderId: order.id,
        type: "BREACH",
        date: d(breach.date),
        outcomes: { create: breach.outcomes.map((o) => ({ outcome: o.outcome, date: d(o.date) })) },
      },
    });
  }
  for (const [index, date] of (spec.attendanceDates ?? []).entries()) {
    const allocation = await testDb.allocation.create({
      data: { sessionId: await sessionOn(date), requirementId: requirement.id, sessionDate: d(date) },
    });
    // Every other record is a full day's work; the rest are absences (still an attendance record for R5).
    const worked = index % 2 === 0;
    await testDb.attendance.create({
      data: {
        allocationId: allocation.id,
        requirementId: requirement.id,
        sessionDate: d(date),
        outcome: worked ? "ATTENDED_COMPLIED" : "UNACCEPTABLE_ABSENCE",
        minutesCredited: worked ? 420 : 0,
      },
    });
  }
  for (const date of spec.eteDates ?? []) {
    await testDb.eteCredit.create({
      data: { requirementId: requirement.id, date: d(date), minutes: 300, activity: "Course" },
    });
  }
}

/** A deterministic pseudo-random history (mulberry32), so a failure can be replayed. */
function randomCases(seed: number, count: number): CaseSpec[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const cases: CaseSpec[] = [];
  for (let i = 0; i < count; i++) {
    const sentenceDate = addDays("2023-09-01", int(1100));
    const roll = next();
    const status = roll < 0.7 ? "ACTIVE" : roll < 0.85 ? "COMPLETED" : "TERMINATED";
    const spec: CaseSpec = { sentenceDate, status, hoursOrdered: 40 + int(61) };
    if (status !== "ACTIVE") spec.closedOn = addDays(sentenceDate, 30 + int(500));
    if (next() < 0.6) spec.commencedOn = addDays(sentenceDate, 5 + int(40));
    if (next() < 0.25) {
      const grantedOn = addDays(sentenceDate, 300 + int(120));
      spec.extensions = [{ grantedOn, newEndDate: addDays(sentenceDate, 366 + int(200)) }];
    }
    if (next() < 0.2) {
      const date = addDays(sentenceDate, 60 + int(400));
      const outcomes: CaseSpec["breaches"] = [{ date, outcomes: [] }];
      const pick = next();
      if (pick < 0.3) outcomes[0]!.outcomes.push({ outcome: "CONTINUE", date: addDays(date, 20 + int(40)) });
      else if (pick < 0.5) outcomes[0]!.outcomes.push({ outcome: "WARRANT_ISSUED", date: addDays(date, 10) });
      spec.breaches = outcomes;
    }
    spec.attendanceDates = Array.from({ length: int(5) }, () => addDays(sentenceDate, int(420)));
    if (next() < 0.2) {
      // A busy run of weekly sessions shortly before the 12 months end, so some cases are on pace (green).
      spec.hoursOrdered = 40;
      spec.attendanceDates = Array.from({ length: 10 }, (_, week) => addDays(sentenceDate, 230 + int(40) + week * 7));
    }
    spec.attendanceDates = [...new Set(spec.attendanceDates)];
    if (next() < 0.3) spec.eteDates = [addDays(sentenceDate, int(420))];
    cases.push(spec);
  }
  return cases;
}

/** Edge cases from docs/domain.md §3–§4, in a region of their own so the expected counts are exact. */
const EDGE_CASES: CaseSpec[] = [
  { sentenceDate: "2024-02-29" }, // A: 12 months end 28 Feb 2025 (29 Feb → 28 Feb); backlog from 1 March
  { sentenceDate: "2024-01-31", extensions: [{ grantedOn: "2025-01-20", newEndDate: "2025-03-01" }] }, // B: extended to 1 March
  {
    sentenceDate: "2024-01-15", // C: open breach (warrant issued, then executed): never backlog nor dormant
    breaches: [
      {
        date: "2025-01-05",
        outcomes: [
          { outcome: "WARRANT_ISSUED", date: "2025-01-20" },
          { outcome: "WARRANT_EXECUTED", date: "2025-02-10" },
        ],
      },
    ],
  },
  { sentenceDate: "2025-01-31", attendanceDates: ["2025-02-01"] }, // D: attendance on D−27 for D = 28 Feb
  { sentenceDate: "2025-01-31", eteDates: ["2025-01-31"] }, // E: ETE credit on D−28: outside the window
  { sentenceDate: "2025-02-01" }, // F: sentenced 27 days before 28 Feb: not yet dormant
];

const EDGE_EXPECTED: Record<IsoDate, { active: number; backlog: number; dormant: number }> = {
  "2025-02-28": { active: 6, backlog: 0, dormant: 3 }, // A, B, E dormant
  "2025-03-01": { active: 6, backlog: 1, dormant: 5 }, // A in backlog; A, B, D, E, F dormant
  "2025-03-02": { active: 6, backlog: 2, dormant: 5 }, // A and B in backlog
};

const AS_OF_DATES: IsoDate[] = [
  "2025-02-28",
  "2025-03-01",
  "2025-03-02",
  "2025-06-30",
  "2025-12-25",
  "2026-03-31",
  "2026-11-23",
];

async function domainView(regionId: string, asOf: IsoDate) {
  const rows = await testDb.requirement.findMany({
    where: { regionId },
    select: {
      status: true,
      hoursOrdered: true,
      sentenceDate: true,
      completedOn: true,
      terminatedOn: true,
      commencedOn: true,
      extensions: { select: { grantedOn: true, newEndDate: true } },
      enforcementActions: { select: { type: true, date: true, outcomes: { select: { outcome: true, date: true } } } },
      attendances: { select: { sessionDate: true, minutesCredited: true } },
      eteCredits: { select: { date: true, minutes: true } },
    },
  });
  const holidays = await testDb.bankHoliday.findMany({ select: { date: true } });
  const calendar = calendarFrom(holidays.map((h) => isoDateFromUtcDate(h.date)));
  let active = 0;
  let backlog = 0;
  let dormant = 0;
  let cohort = 0;
  let met = 0;
  const nearing = { red: 0, amber: 0, green: 0 };
  for (const row of rows) {
    const sentenceDate = isoDateFromUtcDate(row.sentenceDate);
    const closed = row.completedOn ?? row.terminatedOn;
    const status = statusOn(asOf, {
      sentenceDate,
      status: row.status,
      closedOn: closed ? isoDateFromUtcDate(closed) : null,
    });
    const actions = row.enforcementActions.map((a) => ({
      type: a.type,
      date: isoDateFromUtcDate(a.date),
      outcomes: a.outcomes.map((o) => ({ outcome: o.outcome, date: isoDateFromUtcDate(o.date) })),
    }));
    const breach = breachStateOn(asOf, actions);
    const extensions = row.extensions.map((e) => ({
      grantedOn: isoDateFromUtcDate(e.grantedOn),
      newEndDate: isoDateFromUtcDate(e.newEndDate),
    }));
    const activityDates = [
      ...row.attendances.map((a) => isoDateFromUtcDate(a.sessionDate)),
      ...row.eteCredits.map((e) => isoDateFromUtcDate(e.date)),
    ];
    if (status === "ACTIVE") {
      active++;
      const credits = [
        ...row.attendances.map((a) => ({ date: isoDateFromUtcDate(a.sessionDate), minutes: a.minutesCredited })),
        ...row.eteCredits.map((e) => ({ date: isoDateFromUtcDate(e.date), minutes: e.minutes })),
      ];
      const credited = credits.filter((c) => c.date <= asOf).reduce((sum, c) => sum + c.minutes, 0);
      const facts = {
        asOf,
        effectiveEndDate: effectiveEndDate(sentenceDate, extensions, asOf),
        outstandingMinutes: outstandingMinutes(requiredMinutes(row.hoursOrdered), credited),
        minutesInPaceWindow: minutesInLastWeeks(credits, asOf),
      };
      const rag = isNearingEnd(facts) ? ragStatus(facts) : null;
      if (rag) nearing[rag === "RED" ? "red" : rag === "AMBER" ? "amber" : "green"]++;
    }
    if (status && isInBacklog(asOf, { status, sentenceDate, extensions, ...breach })) backlog++;
    if (status && isDormant(asOf, { status, sentenceDate, activityDates, ...breach })) dormant++;
    const deadline = startDeadline(sentenceDate, calendar);
    const known =
      sentenceDate <= asOf
        ? domainCommencedWithinDeadline(row.commencedOn ? isoDateFromUtcDate(row.commencedOn) : null, deadline, asOf)
        : null;
    if (known !== null && deadline < asOf && deadline >= addCalendarMonths(asOf, -REPORTING_WINDOW_MONTHS)) {
      cohort++;
      if (known) met++;
    }
  }
  return { active, backlog, dormant, cohort, met, nearing };
}

beforeAll(async () => {
  const makeRegion = async () => {
    const code = `D${randomUUID().slice(0, 6)}`;
    return (await testDb.region.create({ data: { code, name: `Dashboard test region ${code}` } })).id;
  };
  randomRegionId = await makeRegion();
  edgeRegionId = await makeRegion();
  placementId = (
    await testDb.placement.create({
      data: { name: "Test park", type: "GROUP", regionId: randomRegionId, capacity: 10 },
    })
  ).id;
  await testDb.bankHoliday.createMany({
    data: BANK_HOLIDAYS_2015_2030.filter((h) => h.date >= "2023-01-01").map((h) => ({ date: d(h.date), name: h.name })),
    skipDuplicates: true,
  });
  for (const spec of EDGE_CASES) await makeCase(edgeRegionId, spec);
  for (const spec of randomCases(20261123, 80)) await makeCase(randomRegionId, spec);
});
afterAll(() => testDb.$disconnect());

async function sqlFigures(scope: FigureScope) {
  const cal = await loadSentenceCalendar(testDb, scope);
  return {
    active: total(await activeCaseload(testDb, scope)),
    backlog: total(await backlogCount(testDb, scope, cal)),
    dormant: total(await dormantCount(testDb, scope)),
    commenced: await commencedWithinDeadline(testDb, scope, cal),
    nearing: await nearingEnd(testDb, scope, cal),
  };
}

describe("dashboard figures in SQL agree with the domain rules", () => {
  it.each(AS_OF_DATES)(
    "as of %s, on a varied history: active, backlog (R4), dormant (R5), commenced by deadline (R2), nearing end (§5 RAG)",
    async (asOf) => {
      const sql = await sqlFigures({ asOf, regionId: randomRegionId });
      const domain = await domainView(randomRegionId, asOf);
      expect({ active: sql.active, backlog: sql.backlog, dormant: sql.dormant }).toEqual({
        active: domain.active,
        backlog: domain.backlog,
        dormant: domain.dormant,
      });
      expect(sql.commenced).toEqual({ cohort: domain.cohort, met: domain.met });
      expect(sql.nearing).toEqual(domain.nearing);
    },
  );

  it.each(Object.entries(EDGE_EXPECTED))(
    "as of %s, on the edge cases: the law's examples, in SQL and in the domain",
    async (asOf, expected) => {
      const sql = await sqlFigures({ asOf, regionId: edgeRegionId });
      const domain = await domainView(edgeRegionId, asOf);
      expect({ active: sql.active, backlog: sql.backlog, dormant: sql.dormant }).toEqual(expected);
      expect({ active: domain.active, backlog: domain.backlog, dormant: domain.dormant }).toEqual(expected);
    },
  );

  it("has a history varied enough that each comparison means something", async () => {
    const views = await Promise.all(AS_OF_DATES.map((asOf) => domainView(randomRegionId, asOf)));
    expect(views.some((v) => v.backlog > 0 && v.backlog < v.active)).toBe(true);
    expect(views.some((v) => v.dormant > 0 && v.dormant < v.active)).toBe(true);
    expect(views.some((v) => v.met > 0 && v.met < v.cohort)).toBe(true);
    expect(views.some((v) => v.nearing.red > 0 && v.nearing.amber > 0)).toBe(true);
    expect(views.some((v) => v.nearing.green > 0)).toBe(true);
  });

  it("keeps regions apart: each region's figure counts only its own cases", async () => {
    const asOf = "2025-03-02";
    const all = await activeCaseload(testDb, { asOf, regionId: null });
    expect(all.get(edgeRegionId)).toBe(6);
    expect(all.get(randomRegionId)).toBe((await domainView(randomRegionId, asOf)).active);
  });
});
