// Override requests (issue 13 §3, R10): a coordinator refused by a risk or capacity rule asks a
// manager, who decides it as an approval; on approval the booking is made with the other rules
// checked again; on rejection nothing is booked and the coordinator sees why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
import {
  makeAllocation,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";
import { db } from "@/server/db/client";
import { allocate } from "@/server/services/allocations/allocate";
import { requestBookingOverride } from "@/server/services/allocations/request-booking-override";
import { decideApproval } from "@/server/services/approvals/decide-approval";
import { expectOk } from "@/server/services/result";

const today = "2025-06-16";
const options = { today };
const SENTENCED = "2025-06-09";

let region: TestRegion;
let coordinator: TestUser;
let manager: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator, manager } = await makeRegionalStaff(region));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

async function fullSession() {
  const session = await makeSession((await makePlacement(region, { capacity: 1 })).id, { date: "2025-06-20" }); // limit 1
  await makeAllocation(session.id, (await makeCase(region, { sentenceDate: SENTENCED })).requirementId);
  return session;
}

describe("booking override requests", () => {
  it("refused as full, the coordinator asks; the manager approves and the booking is made", async () => {
    const session = await fullSession();
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    expect(await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options)).toMatchObject(
      { ok: false, code: "SESSION_FULL" },
    );

    const request = expectOk(
      await requestBookingOverride(
        coordinator,
        { sessionId: session.id, caseId: person.requirementId, reason: "The supervisor can take one more" },
        options,
      ),
    );
    expect(request).toMatchObject({
      kind: "BOOKING_OVERRIDE",
      status: "PENDING",
      sessionId: session.id,
      allocationId: null,
    });
    // One request at a time for the same booking.
    expect(
      await requestBookingOverride(
        coordinator,
        { sessionId: session.id, caseId: person.requirementId, reason: "Again" },
        options,
      ),
    ).toMatchObject({ ok: false, code: "CONFLICT" });

    const decided = expectOk(
      await decideApproval(manager, { approvalId: request.id, decision: "APPROVE", version: request.version }, options),
    );
    expect(decided.status).toBe("APPROVED");
    expect(decided.booking).toMatchObject({ caseId: person.requirementId, sessionId: session.id, status: "BOOKED" });
    expect(decided.allocationId).toBe(decided.booking?.id);
    expect(await testDb.allocation.count({ where: { sessionId: session.id, status: "BOOKED" } })).toBe(2);
    const actions = await testDb.auditEvent.findMany({
      where: { entityId: { in: [request.id, decided.booking!.id] } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["allocation.create", "approval.approve", "approval.request"]);
    // No second approval record for the same override.
    expect(await testDb.approval.count({ where: { allocationId: decided.booking!.id } })).toBe(1);
  });

  it("rejected: nothing is booked and the manager's reason is kept for the coordinator", async () => {
    const session = await fullSession();
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const request = expectOk(
      await requestBookingOverride(
        coordinator,
        { sessionId: session.id, caseId: person.requirementId, reason: "Please" },
        options,
      ),
    );
    const decided = expectOk(
      await decideApproval(
        manager,
        { approvalId: request.id, decision: "REJECT", note: "Book the Saturday session instead" },
        options,
      ),
    );
    expect(decided).toMatchObject({ status: "REJECTED", decisionNote: "Book the Saturday session instead" });
    expect(await testDb.allocation.count({ where: { sessionId: session.id, status: "BOOKED" } })).toBe(1);
  });

  it("approval re-runs the other rules: a booking that now double-books is not made and the request stays waiting", async () => {
    const session = await fullSession();
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const request = expectOk(
      await requestBookingOverride(
        coordinator,
        { sessionId: session.id, caseId: person.requirementId, reason: "Please" },
        options,
      ),
    );
    // Meanwhile the person is booked elsewhere at the same time.
    expectOk(
      await allocate(
        coordinator,
        {
          sessionId: (await makeSession((await makePlacement(region)).id, { date: "2025-06-20" })).id,
          caseId: person.requirementId,
        },
        options,
      ),
    );
    expect(await decideApproval(manager, { approvalId: request.id, decision: "APPROVE" }, options)).toMatchObject({
      ok: false,
      code: "DOUBLE_BOOKED",
    });
    expect(await testDb.approval.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } })).toEqual({
      status: "PENDING",
    });
  });

  it("only risk and capacity refusals can be overridden; a bookable session needs no request", async () => {
    const women = await makeSession((await makePlacement(region, { features: ["FEMALE_ONLY"] })).id, {
      date: "2025-06-20",
    });
    const man = await makeCase(region, { sentenceDate: SENTENCED, gender: "MALE" });
    expect(
      await requestBookingOverride(
        coordinator,
        { sessionId: women.id, caseId: man.requirementId, reason: "Short of places" },
        options,
      ),
    ).toMatchObject({
      ok: false,
      code: "WOMEN_ONLY_PLACEMENT",
    });
    const open = await makeSession((await makePlacement(region)).id, { date: "2025-06-21" });
    expect(
      await requestBookingOverride(
        coordinator,
        { sessionId: open.id, caseId: man.requirementId, reason: "Why not" },
        options,
      ),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await testDb.approval.count({ where: { requirementId: man.requirementId } })).toBe(0);
  });
});
