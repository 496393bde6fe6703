// The allocation page judges a whole page of sessions together (the case's facts once, the
// sessions' facts in one query per kind): it must say exactly what the one-session booking path
// says, for every kind of R10 reason, and its number of queries must not grow with the page.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl, testDb } from "../../support/db";
import {
  makeAllocation,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  makeUser,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";
import { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import { explainBooking } from "@/server/services/allocations/explain-booking";
import { suggestSessions, type SessionChoice } from "@/server/services/allocations/suggest-sessions";
import { saveAssessment } from "@/server/services/cases/save-assessment";
import { expectOk } from "@/server/services/result";

// Monday 16 June 2025; the sessions fall in the page's default four weeks.
const today = "2025-06-16";
const options = { today };
const SENTENCED = "2025-06-02";

let region: TestRegion;
let coordinator: TestUser;
let manager: TestUser;
let maleSupervisor: TestUser;
let femaleSupervisor: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  // SUPERVISOR_GROUP_TOO_LARGE at a fourth person.
  await testDb.region.update({ where: { id: region.id }, data: { maxPeoplePerSupervisor: 3 } });
  ({ coordinator, manager, supervisor: maleSupervisor } = await makeRegionalStaff(region));
  femaleSupervisor = await makeUser("SUPERVISOR", region, { gender: "FEMALE" });
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

const person = (gender: "MALE" | "FEMALE", riskCodes: string[] = []) =>
  makeCase(region, { sentenceDate: SENTENCED, gender, assessment: { riskCodes } });

async function session(
  date: string,
  spec: {
    supervisorId?: string | null;
    capacity?: number;
    type?: "GROUP" | "INDIVIDUAL" | "INDUCTION";
    features?: ("TOOLS" | "FEMALE_ONLY" | "LONE_WORKING")[];
    startTime?: string;
    endTime?: string;
    booked?: string[];
  } = {},
) {
  const placement = await makePlacement(region, {
    type: spec.type ?? "GROUP",
    capacity: spec.capacity ?? 6,
    features: spec.features ?? [],
  });
  const made = await makeSession(placement.id, {
    date,
    supervisorId: spec.supervisorId === undefined ? maleSupervisor.id : spec.supervisorId,
    ...(spec.startTime ? { startTime: spec.startTime } : {}),
    ...(spec.endTime ? { endTime: spec.endTime } : {}),
  });
  for (const requirementId of spec.booked ?? []) await makeAllocation(made.id, requirementId);
  return made;
}

const judgement = (c: SessionChoice) => ({
  standing: c.standing,
  refusals: c.refusals,
  warnings: c.warnings,
  availabilityClash: c.availabilityClash,
  preferenceNotMet: c.preferenceNotMet,
  beforeInduction: c.beforeInduction,
});

describe("the allocation page's batched judgement", () => {
  it("agrees with the one-session path for a mix of sessions, for a woman and for a man, coordinator and manager", async () => {
    const named = await person("MALE");
    const woman = await person("FEMALE");
    const saved = await saveAssessment(
      coordinator,
      {
        caseId: woman.requirementId,
        version: 1,
        rosh: "LOW",
        riskCodes: ["VW", "NA"],
        eteEligible: false,
        complete: true,
        nonAssociations: [named.crn],
      },
      options,
    );
    expect(saved.ok).toBe(true);
    const riskToWomen = await person("MALE", ["RW"]);
    const men = [(await person("MALE")).requirementId, (await person("MALE")).requirementId];
    const women = [(await person("FEMALE")).requirementId, (await person("FEMALE")).requirementId];
    const third = (await person("FEMALE")).requirementId;

    await session("2025-06-17", { type: "INDUCTION" });
    // Lone woman: two men and a male supervisor.
    await session("2025-06-18", { booked: men });
    // Risk to women: a female supervisor, and women in the group.
    await session("2025-06-18", { supervisorId: femaleSupervisor.id, startTime: "17:00", endTime: "20:00" });
    await session("2025-06-19", { booked: women });
    // Non-association, both ways.
    await session("2025-06-20", { booked: [named.requirementId] });
    // Capacity.
    await session("2025-06-23", { capacity: 1, booked: [women[0] ?? ""] });
    // Violence or weapon use against tools; a women-only individual placement.
    await session("2025-06-24", { features: ["TOOLS"] });
    await session("2025-06-24", {
      type: "INDIVIDUAL",
      features: ["FEMALE_ONLY"],
      startTime: "17:00",
      endTime: "19:00",
    });
    // One supervisor running two overlapping sessions (as the scale seed once did), the woman on one of them.
    const overlapOne = await session("2025-06-25", { supervisorId: femaleSupervisor.id });
    await session("2025-06-25", { supervisorId: femaleSupervisor.id, startTime: "10:00", endTime: "13:00" });
    await makeAllocation(overlapOne.id, woman.requirementId);
    // Supervisor's load: three people already with one supervisor (the region allows 3).
    await session("2025-06-26", { booked: [...women, third] });
    await session("2025-06-27", { supervisorId: null });

    const codes = new Set<string>();
    for (const actor of [coordinator, manager]) {
      for (const caseId of [woman.requirementId, riskToWomen.requirementId]) {
        const page = expectOk(await suggestSessions(actor, { caseId }, options));
        expect(page.caseRefusals).toEqual([]);
        expect(page.choices).toHaveLength(12);
        for (const choice of page.choices) {
          const one = expectOk(await explainBooking(actor, { caseId, sessionId: choice.id }, options));
          expect(judgement(choice), `${choice.placementName} on ${choice.date}`).toEqual(judgement(one.session));
          for (const r of choice.refusals) codes.add(r.code);
          for (const w of choice.warnings) codes.add(w.code);
        }
      }
    }
    // The mix really covers each kind of reason.
    for (const code of [
      "LONE_WOMAN_CONSENT_REQUIRED",
      "RISK_CONFLICT",
      "NON_ASSOCIATION",
      "SESSION_FULL",
      "DOUBLE_BOOKED",
      "SUPERVISOR_GROUP_TOO_LARGE",
      "NO_INDUCTION_YET",
    ])
      expect(codes, code).toContain(code);
  });

  it("agrees with the one-session path for a consecutive case, a concurrent pair, and high RoSH with and without standing approval", async () => {
    // The facts the page reads in its one case statement that the mix above does not vary.
    const earlier = await person("MALE");
    const waiting = await person("MALE");
    await testDb.requirement.update({
      where: { id: waiting.requirementId },
      data: { orderRelation: "CONSECUTIVE", relatedRequirementId: earlier.requirementId },
    });
    const approved = await makeCase(region, { sentenceDate: SENTENCED, assessment: { rosh: "VERY_HIGH" } });
    await testDb.approval.create({
      data: {
        kind: "HIGH_ROSH_INDIVIDUAL",
        status: "APPROVED",
        requirementId: approved.requirementId,
        regionId: region.id,
        decidedById: manager.id,
        decidedAt: new Date(),
      },
    });
    const unapproved = await makeCase(region, { sentenceDate: SENTENCED, assessment: { rosh: "HIGH" } });
    // 200 and 150 hours at the same time: R1 counts the pair once (200 outstanding, no warning over 300).
    const first = await makeCase(region, { sentenceDate: SENTENCED, hoursOrdered: 200 });
    const concurrent = await makeCase(region, { sentenceDate: SENTENCED, hoursOrdered: 150, personId: first.personId });
    await testDb.requirement.update({
      where: { id: concurrent.requirementId },
      data: { orderRelation: "CONCURRENT", relatedRequirementId: first.requirementId },
    });
    await session("2025-07-01", { type: "INDIVIDUAL", capacity: 1 });
    await session("2025-07-02", { startTime: "13:00", endTime: "16:00" });

    const codes = new Set<string>();
    for (const caseId of [
      waiting.requirementId,
      approved.requirementId,
      unapproved.requirementId,
      concurrent.requirementId,
    ]) {
      const page = expectOk(await suggestSessions(coordinator, { caseId }, options));
      expect(page.caseRefusals).toEqual([]);
      expect(page.choices.length).toBeGreaterThan(0);
      for (const choice of page.choices) {
        const one = expectOk(await explainBooking(coordinator, { caseId, sessionId: choice.id }, options));
        expect(judgement(choice), `${choice.placementName} on ${choice.date}`).toEqual(judgement(one.session));
        for (const r of choice.refusals) codes.add(r.code);
      }
    }
    expect(codes).toContain("CONSECUTIVE_ORDER_NOT_STARTED");
    expect(codes).toContain("APPROVAL_REQUIRED");
  });

  it("issues the same few statements for a page of 2 sessions as for a page of 20", async () => {
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 1 }),
      log: [{ emit: "event", level: "query" }],
    });
    let statements = 0;
    client.$on("query", () => {
      statements += 1;
    });
    const count = async (actor: TestUser, caseId: string) => {
      statements = 0;
      const page = await client.$transaction((tx) => suggestSessions(actor, { caseId }, { tx, today }));
      return { statements, sessions: expectOk(page).choices.length };
    };
    try {
      const small = await makeRegion();
      const smallStaff = await makeRegionalStaff(small);
      const smallCase = await makeCase(small, { sentenceDate: SENTENCED });
      for (const date of ["2025-06-18", "2025-06-19"]) {
        const placement = await makePlacement(small);
        const made = await makeSession(placement.id, { date, supervisorId: smallStaff.supervisor.id });
        await makeAllocation(made.id, (await makeCase(small, { sentenceDate: SENTENCED })).requirementId);
      }

      const big = await makeRegion();
      const bigStaff = await makeRegionalStaff(big);
      const bigCase = await makeCase(big, { sentenceDate: SENTENCED });
      for (let i = 0; i < 22; i++) {
        const placement = await makePlacement(big);
        const made = await makeSession(placement.id, {
          date: `2025-06-${String(17 + (i % 10)).padStart(2, "0")}`,
          supervisorId: bigStaff.supervisor.id,
        });
        await makeAllocation(made.id, (await makeCase(big, { sentenceDate: SENTENCED })).requirementId);
      }

      const two = await count(smallStaff.coordinator, smallCase.requirementId);
      const twenty = await count(bigStaff.coordinator, bigCase.requirementId);
      expect(two.sessions).toBe(2);
      expect(twenty.sessions).toBe(20);
      expect(twenty.statements).toBe(two.statements);
      // One page used to cost about 45 statements per session (900 for 20), then 49 batched by kind
      // (decision 0086); now the case, the count, the page's ids and its sessions, and COMMIT (0098).
      expect(twenty.statements).toBeLessThanOrEqual(5);
    } finally {
      await client.$disconnect();
    }
  });
});
