// R10 made order-independent, against real PostgreSQL: the lone-woman rule in every booking
// order and under 20 concurrent bookings, consent on her booking, risk to women in a group,
// violence or weapon use against tools, non-association both ways, supervisors' load, and the
// re-check of future bookings when an assessment's risk changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
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
import { groupSafetyConflicts, type GroupMember } from "@/domain";
import { db } from "@/server/db/client";
import { allocate } from "@/server/services/allocations/allocate";
import { saveAssessment } from "@/server/services/cases/save-assessment";
import { createSession } from "@/server/services/sessions/create-session";
import { updateSession } from "@/server/services/sessions/update-session";

// Monday 16 June 2025; sessions on Wednesday 18 June.
const today = "2025-06-16";
const options = { today };
const SENTENCED = "2025-06-02";
const WEDNESDAY = "2025-06-18";

let region: TestRegion;
let coordinator: TestUser;
let manager: TestUser;
let maleSupervisor: TestUser;
let femaleSupervisor: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator, manager, supervisor: maleSupervisor } = await makeRegionalStaff(region));
  femaleSupervisor = await makeUser("SUPERVISOR", region, { gender: "FEMALE" });
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

async function groupSession(
  spec: {
    supervisorId?: string | null;
    capacity?: number;
    features?: ("TOOLS" | "LONE_WORKING")[];
    date?: string;
  } = {},
) {
  const placement = await makePlacement(region, {
    type: "GROUP",
    capacity: spec.capacity ?? 8,
    features: spec.features ?? [],
  });
  return makeSession(placement.id, {
    date: spec.date ?? WEDNESDAY,
    supervisorId: spec.supervisorId === undefined ? maleSupervisor.id : spec.supervisorId,
  });
}
const THURSDAY = "2025-06-19";
const aMan = () => makeUser("SUPERVISOR", region, { gender: "MALE" });

const person = (gender: "MALE" | "FEMALE", riskCodes: string[] = []) =>
  makeCase(region, { sentenceDate: SENTENCED, gender, assessment: { riskCodes } });

async function consentOf(sessionId: string, requirementId: string) {
  return testDb.allocation.findUniqueOrThrow({
    where: { sessionId_requirementId: { sessionId, requirementId } },
    select: { consentRecorded: true, consentRecordedAt: true, consentRecordedById: true },
  });
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("lone woman, judged on the resulting group", () => {
  it.each(permutations(["W", "M1", "M2", "M3"] as const).map((order) => [order.join(" → "), order] as const))(
    "booking order %s: the booking that leaves her alone with men asks for consent, which lands on her booking",
    async (_name, order) => {
      // No supervisor yet, so only the people booked make the group all-male.
      const session = await groupSession({ supervisorId: null });
      const cases = {
        W: await person("FEMALE"),
        M1: await person("MALE"),
        M2: await person("MALE"),
        M3: await person("MALE"),
      };
      let asked = 0;
      for (const key of order) {
        const caseId = cases[key].requirementId;
        const first = await allocate(coordinator, { sessionId: session.id, caseId }, options);
        if (!first.ok) {
          expect(first.code).toBe("LONE_WOMAN_CONSENT_REQUIRED");
          asked++;
          expect(
            (await allocate(coordinator, { sessionId: session.id, caseId, consentRecorded: true }, options)).ok,
          ).toBe(true);
        }
      }
      expect(asked).toBe(1);
      const consent = await consentOf(session.id, cases.W.requirementId);
      expect(consent).toMatchObject({ consentRecorded: true, consentRecordedById: coordinator.id });
      expect(consent.consentRecordedAt).toBeInstanceOf(Date);
      // Nobody else's booking carries her consent.
      for (const key of ["M1", "M2", "M3"] as const)
        expect((await consentOf(session.id, cases[key].requirementId)).consentRecorded).toBe(false);
    },
  );

  it("a male supervisor counts: a woman booked alone with him needs her consent; a female supervisor does not", async () => {
    const withMan = await groupSession();
    const woman = await person("FEMALE");
    expect(await allocate(coordinator, { sessionId: withMan.id, caseId: woman.requirementId }, options)).toMatchObject({
      ok: false,
      code: "LONE_WOMAN_CONSENT_REQUIRED",
    });
    const withWoman = await groupSession({ supervisorId: femaleSupervisor.id });
    expect((await allocate(coordinator, { sessionId: withWoman.id, caseId: woman.requirementId }, options)).ok).toBe(
      true,
    );
  });

  it("changing the supervisor to a man asks for her consent, and records it on her booking", async () => {
    const session = await groupSession({ supervisorId: femaleSupervisor.id });
    const woman = await person("FEMALE");
    const man = await person("MALE");
    await makeAllocation(session.id, woman.requirementId);
    await makeAllocation(session.id, man.requirementId);
    const him = await aMan();
    const refused = await updateSession(
      coordinator,
      { sessionId: session.id, version: 1, supervisorId: him.id },
      options,
    );
    expect(refused).toMatchObject({ ok: false, code: "LONE_WOMAN_CONSENT_REQUIRED" });
    const changed = await updateSession(
      coordinator,
      { sessionId: session.id, version: 1, supervisorId: him.id, consentRecorded: true },
      options,
    );
    expect(changed).toMatchObject({ ok: true, value: { supervisorId: him.id, version: 2 } });
    expect((await consentOf(session.id, woman.requirementId)).consentRecorded).toBe(true);
  });

  it("20 concurrent bookings into a group with one woman never leave her alone with men without consent", async () => {
    const session = await groupSession({ supervisorId: femaleSupervisor.id, capacity: 10 });
    const woman = await person("FEMALE");
    expect((await allocate(coordinator, { sessionId: session.id, caseId: woman.requirementId }, options)).ok).toBe(
      true,
    );
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(i === 7 ? "FEMALE" : "MALE")));
    const him = await aMan();
    // Meanwhile the supervisor becomes a man: from then on, she needs her consent.
    const results = await Promise.all([
      ...people.map((p) => allocate(coordinator, { sessionId: session.id, caseId: p.requirementId }, options)),
      updateSession(coordinator, { sessionId: session.id, version: 1, supervisorId: him.id }, options),
    ]);
    for (const r of results)
      if (!r.ok)
        expect([
          "LONE_WOMAN_CONSENT_REQUIRED",
          "SESSION_FULL",
          "SUPERVISOR_GROUP_TOO_LARGE",
          "STALE_VERSION",
        ]).toContain(r.code);
    const final = await testDb.session.findUniqueOrThrow({
      where: { id: session.id },
      select: {
        supervisor: { select: { gender: true } },
        allocations: {
          where: { status: "BOOKED" },
          select: {
            id: true,
            consentRecorded: true,
            requirement: { select: { personId: true, person: { select: { gender: true } } } },
          },
        },
      },
    });
    const members: GroupMember[] = final.allocations.map((a) => ({
      key: a.id,
      personId: a.requirement.personId,
      label: a.id,
      gender: a.requirement.person.gender,
      riskCodes: [],
      nonAssociatedPersonIds: [],
      loneWomanConsent: a.consentRecorded,
    }));
    expect(
      groupSafetyConflicts({ placementType: "GROUP", supervisorGender: final.supervisor?.gender ?? null, members }),
    ).toEqual([]);
    expect(members.length).toBeLessThanOrEqual(10);
  });
});

describe("risk to women, violence and non-association", () => {
  it("risk to women conflicts with a woman in the group, whoever is booked second", async () => {
    const first = await groupSession({ supervisorId: null });
    const rw = await person("MALE", ["RW"]);
    const woman = await person("FEMALE");
    const other = await person("MALE");
    await makeAllocation(first.id, rw.requirementId);
    await makeAllocation(first.id, other.requirementId);
    expect(
      await allocate(coordinator, { sessionId: first.id, caseId: woman.requirementId, consentRecorded: true }, options),
    ).toMatchObject({ ok: false, code: "RISK_CONFLICT" });

    const second = await groupSession({ supervisorId: null, date: THURSDAY });
    const woman2 = await person("FEMALE");
    const woman3 = await person("FEMALE");
    await makeAllocation(second.id, woman2.requirementId);
    await makeAllocation(second.id, woman3.requirementId);
    expect(await allocate(coordinator, { sessionId: second.id, caseId: rw.requirementId }, options)).toMatchObject({
      ok: false,
      code: "RISK_CONFLICT",
    });
    // A manager may override with a reason.
    expect(
      (
        await allocate(
          manager,
          {
            sessionId: second.id,
            caseId: rw.requirementId,
            overrideReason: "Supervised closely; offence not against strangers",
          },
          options,
        )
      ).ok,
    ).toBe(true);
  });

  it("risk to women conflicts with a female supervisor on a group placement", async () => {
    const session = await groupSession({ supervisorId: femaleSupervisor.id });
    const rw = await person("MALE", ["RW"]);
    expect(await allocate(coordinator, { sessionId: session.id, caseId: rw.requirementId }, options)).toMatchObject({
      ok: false,
      code: "RISK_CONFLICT",
    });
  });

  it("violence or weapon use conflicts with tools used", async () => {
    const session = await groupSession({ features: ["TOOLS"] });
    const vw = await person("MALE", ["VW"]);
    expect(await allocate(coordinator, { sessionId: session.id, caseId: vw.requirementId }, options)).toMatchObject({
      ok: false,
      code: "RISK_CONFLICT",
    });
  });

  it("NON_ASSOCIATION: people named in an assessment are never on the same session, both ways", async () => {
    const a = await person("MALE");
    const b = await person("MALE");
    const saved = await saveAssessment(
      coordinator,
      {
        caseId: a.requirementId,
        version: 1,
        rosh: "LOW",
        riskCodes: ["NA"],
        eteEligible: false,
        complete: true,
        nonAssociations: [b.crn],
      },
      options,
    );
    expect(saved.ok).toBe(true);
    const one = await groupSession();
    await makeAllocation(one.id, a.requirementId);
    expect(await allocate(coordinator, { sessionId: one.id, caseId: b.requirementId }, options)).toMatchObject({
      ok: false,
      code: "NON_ASSOCIATION",
    });
    const two = await groupSession({ date: THURSDAY });
    await makeAllocation(two.id, b.requirementId);
    expect(await allocate(coordinator, { sessionId: two.id, caseId: a.requirementId }, options)).toMatchObject({
      ok: false,
      code: "NON_ASSOCIATION",
    });
  });

  it("an unknown CRN as a non-association is refused, keeping the assessment", async () => {
    const a = await person("MALE");
    const result = await saveAssessment(
      coordinator,
      {
        caseId: a.requirementId,
        version: 1,
        rosh: "LOW",
        riskCodes: [],
        eteEligible: false,
        complete: true,
        nonAssociations: ["Z999999"],
      },
      options,
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", field: "nonAssociations" });
  });
});

describe("supervisors", () => {
  it("SUPERVISOR_DOUBLE_BOOKED for overlapping sessions, on create and on change", async () => {
    const supervisor = await makeUser("SUPERVISOR", region, { gender: "MALE" });
    const placement = await makePlacement(region, { capacity: 6 });
    const first = await createSession(
      coordinator,
      { placementId: placement.id, date: WEDNESDAY, startTime: "09:00", endTime: "16:00", supervisorId: supervisor.id },
      options,
    );
    expect(first.ok).toBe(true);
    const overlapping = await createSession(
      coordinator,
      { placementId: placement.id, date: WEDNESDAY, startTime: "13:00", endTime: "17:00", supervisorId: supervisor.id },
      options,
    );
    expect(overlapping).toMatchObject({ ok: false, code: "SUPERVISOR_DOUBLE_BOOKED", field: "supervisorId" });
    const evening = await createSession(
      coordinator,
      { placementId: placement.id, date: WEDNESDAY, startTime: "16:00", endTime: "19:00" },
      options,
    );
    if (!evening.ok) throw new Error(evening.message);
    const moved = await updateSession(
      coordinator,
      { sessionId: evening.value.id, version: 1, supervisorId: supervisor.id, startTime: "15:00" },
      options,
    );
    expect(moved).toMatchObject({ ok: false, code: "SUPERVISOR_DOUBLE_BOOKED" });
    expect(
      (
        await updateSession(
          coordinator,
          { sessionId: evening.value.id, version: 1, supervisorId: supervisor.id },
          options,
        )
      ).ok,
    ).toBe(true);
  });

  it("two sessions given to one supervisor at once: one wins", async () => {
    const supervisor = await makeUser("SUPERVISOR", region, { gender: "MALE" });
    const placement = await makePlacement(region, { capacity: 6 });
    const results = await Promise.all(
      ["09:00", "10:00", "11:00"].map((startTime) =>
        createSession(
          coordinator,
          { placementId: placement.id, date: WEDNESDAY, startTime, endTime: "15:00", supervisorId: supervisor.id },
          options,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual([
      "SUPERVISOR_DOUBLE_BOOKED",
      "SUPERVISOR_DOUBLE_BOOKED",
    ]);
  });

  it("SUPERVISOR_GROUP_TOO_LARGE: at most the policy's people per supervisor, or the region's own number", async () => {
    const placement = await makePlacement(region, { capacity: 6 });
    expect(
      await createSession(
        coordinator,
        { placementId: placement.id, date: WEDNESDAY, startTime: "09:00", endTime: "16:00", capacity: 40 },
        options,
      ),
    ).toMatchObject({
      ok: false,
      code: "SUPERVISOR_GROUP_TOO_LARGE",
      details: { limit: 10 },
    });
    const small = await makeRegion();
    await testDb.region.update({ where: { id: small.id }, data: { maxPeoplePerSupervisor: 3 } });
    const staff = await makeRegionalStaff(small);
    const smallPlacement = await makePlacement(small, { capacity: 6 });
    const session = await makeSession(smallPlacement.id, {
      date: WEDNESDAY,
      supervisorId: staff.supervisor.id,
      capacity: 6,
    });
    for (let i = 0; i < 3; i++)
      await makeAllocation(session.id, (await makeCase(small, { sentenceDate: SENTENCED })).requirementId);
    const fourth = await makeCase(small, { sentenceDate: SENTENCED });
    expect(
      await allocate(staff.coordinator, { sessionId: session.id, caseId: fourth.requirementId }, options),
    ).toMatchObject({ ok: false, code: "SUPERVISOR_GROUP_TOO_LARGE", details: { limit: 3 } });
  });
});

describe("a change of risk re-checks every future booking", () => {
  it("adding RW lists the conflict on the booking (case page and work queue read it); removing it resolves it", async () => {
    const session = await groupSession({ supervisorId: femaleSupervisor.id });
    const man = await person("MALE");
    const booked = await allocate(coordinator, { sessionId: session.id, caseId: man.requirementId }, options);
    if (!booked.ok) throw new Error(booked.message);
    const withRw = await saveAssessment(
      coordinator,
      { caseId: man.requirementId, version: 1, rosh: "MEDIUM", riskCodes: ["RW"], eteEligible: false, complete: true },
      options,
    );
    expect(withRw.ok).toBe(true);
    expect(withRw.ok && withRw.warnings?.map((w) => w.code)).toEqual(["BOOKING_CONFLICTS"]);
    const open = await testDb.bookingConflict.findMany({ where: { allocationId: booked.value.id, resolvedAt: null } });
    expect(open.map((c) => c.code)).toEqual(["RISK_CONFLICT"]);
    const cleared = await saveAssessment(
      coordinator,
      { caseId: man.requirementId, version: 2, rosh: "MEDIUM", riskCodes: [], eteEligible: false, complete: true },
      options,
    );
    expect(cleared.ok && cleared.warnings).toBeFalsy();
    expect(await testDb.bookingConflict.count({ where: { allocationId: booked.value.id, resolvedAt: null } })).toBe(0);
  });
});
