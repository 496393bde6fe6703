// The case list (issue 4 §2): search by name or CRN, filters (status, PDU, team type, flags),
// sorting and server-side paging, scoped to the caller's region. Dates are relative to today
// because the list always works "as of today".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "./../support/db";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  seedReferenceData,
  type CaseSpec,
  type TestRegion,
  type TestUser,
} from "../support/factories";
import { addDays, todayInLondon, utcDateFromIsoDate } from "@/domain";
import { db } from "@/server/db/client";
import { CASES_PER_PAGE, caseListQuerySchema, listCasePage } from "@/server/queries/cases";

const today = todayInLondon();
const daysAgo = (n: number) => addDays(today, -n);

let region: TestRegion;
let coordinator: TestUser;
let otherPdu: { id: string };
const ids: Record<string, string> = {};
const crns: Record<string, string> = {};

async function named(
  key: string,
  firstName: string,
  lastName: string,
  spec: CaseSpec & { commencedOn?: string; pduId?: string },
) {
  const { commencedOn, pduId, ...caseSpec } = spec;
  const made = await makeCase(region, caseSpec);
  await testDb.person.update({ where: { id: made.personId }, data: { firstName, lastName } });
  if (commencedOn) {
    // Commenced as the services record it: an attended work session, and the cached date on the row.
    const placement = await makePlacement(region);
    const session = await makeSession(placement.id, { date: commencedOn });
    const allocation = await makeAllocation(session.id, made.requirementId);
    await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 420 });
  }
  if (commencedOn || pduId) {
    await testDb.requirement.update({
      where: { id: made.requirementId },
      data: { ...(commencedOn ? { commencedOn: utcDateFromIsoDate(commencedOn) } : {}), ...(pduId ? { pduId } : {}) },
    });
  }
  ids[key] = made.requirementId;
  crns[key] = made.crn;
  return made;
}

async function breach(key: string, outcome?: "WARRANT_ISSUED") {
  const requirement = await testDb.requirement.findUniqueOrThrow({
    where: { id: ids[key]! },
    select: { orderId: true },
  });
  const action = await testDb.enforcementAction.create({
    data: {
      requirementId: ids[key]!,
      orderId: requirement.orderId,
      type: "BREACH",
      date: utcDateFromIsoDate(daysAgo(10)),
    },
  });
  if (outcome)
    await testDb.enforcementOutcome.create({
      data: { actionId: action.id, outcome, date: utcDateFromIsoDate(daysAgo(5)) },
    });
}

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
  otherPdu = await testDb.pdu.create({
    data: { regionId: region.id, code: `${region.code}-P2`, name: "Second PDU" },
    select: { id: true },
  });

  await named("fresh", "Alpha", "Zed", { sentenceDate: daysAgo(3) });
  await named("late", "Bea", "Young", { sentenceDate: daysAgo(60) });
  await named("backlog", "Cal", "Xavier", { sentenceDate: daysAgo(400), commencedOn: daysAgo(390) });
  await named("breach", "Dee", "Walker", { sentenceDate: daysAgo(100), commencedOn: daysAgo(90) });
  await breach("breach");
  await named("warrant", "Eli", "Vance", { sentenceDate: daysAgo(120), commencedOn: daysAgo(110) });
  await breach("warrant", "WARRANT_ISSUED");
  await named("completed", "Fay", "Underwood", {
    sentenceDate: daysAgo(200),
    status: "COMPLETED",
    hoursOrdered: 40,
    minutesCredited: 2400,
    managedBy: "SENTENCE_MANAGEMENT",
    pduId: otherPdu.id,
  });
  // Someone else's region: never listed.
  const elsewhere = await makeRegion();
  const outsider = await makeCase(elsewhere, { sentenceDate: daysAgo(60) });
  await testDb.person.update({ where: { id: outsider.personId }, data: { firstName: "Alpha", lastName: "Zed" } });
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

const list = (query: Record<string, unknown>) => listCasePage(coordinator, caseListQuerySchema.parse(query));
const idSet = async (query: Record<string, unknown>) => new Set((await list(query)).cases.map((c) => c.id));

describe("case list filters", () => {
  it("lists only the caller's region, by name by default", async () => {
    const result = await list({});
    expect(result.total).toBe(6);
    expect(result.cases.map((c) => c.person.lastName)).toEqual([
      "Underwood",
      "Vance",
      "Walker",
      "Xavier",
      "Young",
      "Zed",
    ]);
  });

  it("searches by name (every word) and by CRN or its start", async () => {
    expect(await idSet({ q: "alpha" })).toEqual(new Set([ids.fresh]));
    expect(await idSet({ q: "Alpha Zed" })).toEqual(new Set([ids.fresh]));
    expect(await idSet({ q: "alpha young" })).toEqual(new Set());
    expect(await idSet({ q: crns.late!.toLowerCase() })).toEqual(new Set([ids.late]));
    expect((await idSet({ q: crns.late!.slice(0, 6) })).has(ids.late!)).toBe(true);
  });

  it("treats % and _ in a search as the characters themselves, not wildcards", async () => {
    expect(await idSet({ q: "%" })).toEqual(new Set());
    expect(await idSet({ q: "_" })).toEqual(new Set());
    expect(await idSet({ q: "a%" })).toEqual(new Set());
    expect(await idSet({ q: "\\" })).toEqual(new Set());
  });

  it("ignores a search with a control character or a lone surrogate instead of failing", async () => {
    expect((await list({ q: "al\u0000pha" })).total).toBe(6);
    expect((await list({ q: "\ud800" })).total).toBe(6);
  });

  it("filters the active cases awaiting assessment", async () => {
    await testDb.assessment.updateMany({ where: { requirementId: ids.fresh! }, data: { complete: false } });
    try {
      expect(await idSet({ flag: "awaiting-assessment" })).toEqual(new Set([ids.fresh]));
    } finally {
      await testDb.assessment.updateMany({ where: { requirementId: ids.fresh! }, data: { complete: true } });
    }
  });

  it("filters by status, PDU and team type", async () => {
    expect(await idSet({ status: "COMPLETED" })).toEqual(new Set([ids.completed]));
    expect((await idSet({ status: "ACTIVE" })).size).toBe(5);
    expect(await idSet({ pdu: otherPdu.id })).toEqual(new Set([ids.completed]));
    expect(await idSet({ managedBy: "SENTENCE_MANAGEMENT" })).toEqual(new Set([ids.completed]));
    expect((await idSet({ managedBy: "STANDALONE_UPW" })).size).toBe(5);
  });

  it("filters by flag: late start, dormant, backlog, breach, warrant", async () => {
    const late = await idSet({ flag: "late-start" });
    expect(late.has(ids.late!)).toBe(true);
    expect(late.has(ids.fresh!)).toBe(false);
    expect(late.has(ids.backlog!)).toBe(false); // commenced

    const dormant = await idSet({ flag: "dormant" });
    expect(dormant.has(ids.late!)).toBe(true);
    expect(dormant.has(ids.backlog!)).toBe(true);
    expect(dormant.has(ids.fresh!)).toBe(false); // sentenced under 28 days ago
    expect(dormant.has(ids.breach!)).toBe(false); // open breach

    expect(await idSet({ flag: "backlog" })).toEqual(new Set([ids.backlog]));
    expect(await idSet({ flag: "breach" })).toEqual(new Set([ids.breach, ids.warrant]));
    expect(await idSet({ flag: "warrant" })).toEqual(new Set([ids.warrant]));
    // Several flags: all must hold.
    expect(await idSet({ flag: ["breach", "warrant"] })).toEqual(new Set([ids.warrant]));
  });

  it("shows each row's flags from the same definitions", async () => {
    const rows = new Map((await list({})).cases.map((c) => [c.id, c.flags]));
    expect(rows.get(ids.late!)).toMatchObject({ lateStart: true, dormant: true, inBacklog: false });
    expect(rows.get(ids.backlog!)).toMatchObject({ inBacklog: true, lateStart: false });
    expect(rows.get(ids.warrant!)).toMatchObject({ openBreach: true, underWarrant: true });
  });

  it("sorts by CRN and by sentence date, and ignores unknown values", async () => {
    const byCrn = (await list({ sort: "crn" })).cases.map((c) => c.person.crn);
    expect(byCrn).toEqual([...byCrn].sort());
    const newest = (await list({ sort: "sentence-newest" })).cases.map((c) => c.id);
    expect(newest[0]).toBe(ids.fresh);
    expect(newest.at(-1)).toBe(ids.backlog);
    const oldest = (await list({ sort: "sentence-oldest" })).cases.map((c) => c.id);
    expect(oldest[0]).toBe(ids.backlog);
    expect((await list({ sort: "nonsense", status: "NOPE" })).total).toBe(6);
  });

  it("pages on the server, 25 a page", async () => {
    for (let i = 0; i < CASES_PER_PAGE; i++) await makeCase(region, { sentenceDate: daysAgo(2) });
    const first = await list({ page: 1 });
    const second = await list({ page: "2" });
    expect(first.total).toBe(6 + CASES_PER_PAGE);
    expect(first.pageCount).toBe(2);
    expect(first.cases).toHaveLength(CASES_PER_PAGE);
    expect(second.cases).toHaveLength(6);
    const all = new Set([...first.cases, ...second.cases].map((c) => c.id));
    expect(all.size).toBe(6 + CASES_PER_PAGE);
  });
});
