// The supervisor's home and roster queries (issue 5): today, earlier sessions still open and the
// next 14 days, each with a warning count for risks relevant to the placement; a roster only for
// the supervisor's own session, with risk guidance and no sensitive note's words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "@/domain";
import { listMySessions } from "@/server/queries/my-sessions";
import { findSupervisorRoster } from "@/server/queries/supervisor-roster";
import { testDb } from "../support/db";
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
} from "../support/factories";

const TODAY: IsoDate = "2025-06-11";

let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
});
afterAll(() => testDb.$disconnect());

describe("listMySessions", () => {
  it("today, then earlier sessions still open, then the next 14 days — with relevant-risk warnings", async () => {
    const park = await makePlacement(region, { features: ["CHILDREN_PRESENT"] });
    const at = (date: IsoDate) => makeSession(park.id, { date, supervisorId: staff.supervisor.id });
    const today = await at(TODAY);
    const yesterday = await at(addDays(TODAY, -1));
    const closedYesterday = await at(addDays(TODAY, -1));
    await testDb.session.update({ where: { id: closedYesterday.id }, data: { status: "CLOSED" } });
    const nextWeek = await at(addDays(TODAY, 7));
    const tooFar = await at(addDays(TODAY, 15));
    const notMine = await makeSession(park.id, {
      date: TODAY,
      supervisorId: (await makeUser("SUPERVISOR", region)).id,
    });

    const riskToChildren = await makeCase(region, { assessment: { riskCodes: ["RC"] } });
    const substance = await makeCase(region, { assessment: { riskCodes: ["SUB"] } });
    await makeAllocation(today.id, riskToChildren.requirementId);
    await makeAllocation(today.id, substance.requirementId);

    const mine = await listMySessions(staff.supervisor, TODAY);
    expect(mine.todays.map((s) => s.id)).toEqual([today.id]);
    expect(mine.openEarlier.map((s) => s.id)).toEqual([yesterday.id]);
    expect(mine.upcoming.map((s) => s.id)).toEqual([nextWeek.id]);
    const all = [...mine.todays, ...mine.openEarlier, ...mine.upcoming].map((s) => s.id);
    expect(all).not.toContain(tooFar.id);
    expect(all).not.toContain(notMine.id);
    expect(mine.todays[0]).toMatchObject({
      bookedCount: 2,
      peopleWithRelevantRisk: 1,
      startTime: "09:00",
      endTime: "16:00",
    });
  });
});

describe("findSupervisorRoster", () => {
  it("shows the supervisor's own session with plain-language risks; null (→ 404) for anyone else's", async () => {
    const park = await makePlacement(region, { features: ["CHILDREN_PRESENT"] });
    const session = await makeSession(park.id, { date: TODAY, supervisorId: staff.supervisor.id });
    const person = await makeCase(region, { assessment: { riskCodes: ["RC"], rosh: "MEDIUM" } });
    const allocation = await makeAllocation(session.id, person.requirementId);
    await testDb.attendance.create({
      data: {
        allocationId: allocation.id,
        requirementId: person.requirementId,
        sessionDate: new Date(`${TODAY}T00:00:00Z`),
        outcome: "ATTENDED_COMPLIED",
        note: "Disclosed a family matter",
        noteSensitive: true,
      },
    });

    const roster = await findSupervisorRoster(staff.supervisor, session.id);
    expect(roster?.people).toHaveLength(1);
    const [shown] = roster!.people;
    expect(shown).toMatchObject({ crn: person.crn, rosh: "MEDIUM" });
    expect(shown!.riskCodes[0]).toMatchObject({
      code: "RC",
      title: "Risk to children",
      relevantHere: ["CHILDREN_PRESENT"],
    });
    expect(shown!.riskCodes[0]!.guidance.length).toBeGreaterThan(20);
    expect(shown!.attendance).toMatchObject({
      outcome: "ATTENDED_COMPLIED",
      note: null,
      noteHidden: true,
      noteSensitive: true,
    });
    expect(JSON.stringify(roster)).not.toContain("Disclosed a family matter");
    expect(JSON.stringify(roster)).not.toContain("dateOfBirth");

    const otherSupervisor = await makeUser("SUPERVISOR", region);
    expect(await findSupervisorRoster(otherSupervisor, session.id)).toBeNull();
    expect(await findSupervisorRoster(staff.supervisor, "not-a-uuid")).toBeNull();
  });
});
