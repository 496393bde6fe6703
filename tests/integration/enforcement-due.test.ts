// R9 timescale on the read side: the failures awaiting action (work queue, case page) and the
// dashboard's "enforcement overdue" read one predicate, and the figures cache follows every
// change at once — an answering warning clears it, a withdrawal brings it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon, type IsoDate } from "@/domain";
import { db } from "@/server/db/client";
import { loadDashboardFiguresCached } from "@/server/queries/dashboard-cache";
import { loadFailuresAwaitingAction } from "@/server/queries/enforcement-due";
import { startEnforcement } from "@/server/services/enforcement/start-enforcement";
import { withdrawEnforcement } from "@/server/services/enforcement/withdraw-enforcement";
import { expectOk } from "@/server/services/result";
import { testDb } from "../support/db";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";

const today = todayInLondon();
let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

async function failureOn(caseId: string, date: IsoDate) {
  const placement = await makePlacement(region);
  const session = await makeSession(placement.id, { date });
  const allocation = await makeAllocation(session.id, caseId);
  return makeAttendance(allocation.id, { outcome: "UNACCEPTABLE_ABSENCE" });
}

describe("failures awaiting action", () => {
  it("lists due and overdue failures oldest first; the figure follows an answering warning and its withdrawal at once", async () => {
    const old = await makeCase(region, { sentenceDate: addDays(today, -90) });
    const recent = await makeCase(region, { sentenceDate: addDays(today, -90) });
    const oldFailure = await failureOn(old.requirementId, addDays(today, -30));
    await failureOn(recent.requirementId, addDays(today, -1));

    const list = await loadFailuresAwaitingAction(staff.coordinator, { asOf: today });
    expect(list.rows.map((r) => [r.caseId, r.timescale, r.actionDue])).toEqual([
      [old.requirementId, "OVERDUE", "WARNING"],
      [recent.requirementId, "DUE", "WARNING"],
    ]);
    expect(list.overdue).toBe(1);

    const scope = { asOf: today, regionId: region.id };
    expect((await loadDashboardFiguresCached(testDb, scope)).enforcementOverdue).toEqual({ cases: 1, failures: 1 });
    const warning = expectOk(
      await startEnforcement(staff.coordinator, {
        caseId: old.requirementId,
        type: "WARNING",
        date: today,
        attendanceId: oldFailure.id,
      }),
    );
    expect((await loadDashboardFiguresCached(testDb, scope)).enforcementOverdue.cases).toBe(0);
    expect((await loadFailuresAwaitingAction(staff.coordinator, { asOf: today })).rows.map((r) => r.caseId)).toEqual([
      recent.requirementId,
    ]);
    expectOk(
      await withdrawEnforcement(staff.manager, { actionId: warning.id, reason: "Recorded on the wrong failure" }),
    );
    expect((await loadDashboardFiguresCached(testDb, scope)).enforcementOverdue.cases).toBe(1);
  });
});
