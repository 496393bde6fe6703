// Transfer of a requirement to another region, on a real database and through the API: the
// sending region asks, the receiving region's manager accepts or declines; until then the sending
// region keeps the case; after, the case is the receiving region's, the attendance stays with the
// old region's sessions, and the dashboard counts the case by date.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as postTransfer } from "../../../app/api/v1/cases/[id]/transfers/route";
import { POST as postAcceptance } from "../../../app/api/v1/transfers/[id]/acceptance/route";
import { POST as postDecline } from "../../../app/api/v1/transfers/[id]/decline/route";
import { GET as getTransfers } from "../../../app/api/v1/transfers/route";
import { addDays, todayInLondon, utcDateFromIsoDate, type IsoDate } from "@/domain";
import { db } from "@/server/db/client";
import { loadSentenceCalendar, tallySource } from "@/server/queries/dashboard-figures";
import { earnedReductionsGranted } from "@/server/queries/earned-reduction-figures";
import { listCaseTransfers } from "@/server/queries/transfers";
import { loadTrends } from "@/server/queries/trends";
import { getCase } from "@/server/services/cases/get-case";
import { expectOk } from "@/server/services/result";
import { acceptTransfer, declineTransfer } from "@/server/services/transfers/decide-transfer";
import { requestTransfer } from "@/server/services/transfers/request-transfer";
import { issueStaffTokens } from "../../support/api-tokens";
import { testDb } from "../../support/db";
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
} from "../../support/factories";

const TODAY: IsoDate = todayInLondon();
const options = { today: TODAY };
let from: TestRegion;
let to: TestRegion;
let sending: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let receiving: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let third: { manager: TestUser };
let tokens: Record<string, string>;

beforeAll(async () => {
  await seedReferenceData();
  from = await makeRegion();
  to = await makeRegion();
  const other = await makeRegion();
  sending = await makeRegionalStaff(from);
  receiving = await makeRegionalStaff(to);
  third = { manager: (await makeRegionalStaff(other)).manager };
  tokens = await issueStaffTokens({
    coordinator: sending.coordinator,
    receiver: receiving.manager,
    sender: sending.manager,
  });
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

const json = (token: string, body?: unknown, method = "POST") => ({
  method,
  headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

async function activeIn(region: TestRegion, asOf: IsoDate): Promise<number> {
  const scope = { asOf, regionId: region.id };
  const tally = await tallySource(testDb, "active", scope, await loadSentenceCalendar(testDb, scope));
  return tally.reduce((sum, t) => sum + t.n, 0);
}

describe("asking for a transfer", () => {
  it("the sending region asks; nothing moves; a second request and a request to its own region are refused", async () => {
    const testCase = await makeCase(from, { sentenceDate: addDays(TODAY, -60) });
    const transfer = expectOk(
      await requestTransfer(
        sending.coordinator,
        { caseId: testCase.requirementId, toRegion: to.code, reason: "Moved to Cardiff" },
        options,
      ),
    );
    expect(transfer).toMatchObject({ status: "REQUESTED", fromRegion: from.code, toRegion: to.code, acceptedOn: null });
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: testCase.requirementId } })).regionId).toBe(
      from.id,
    );
    const view = expectOk(await getCase(sending.coordinator, { caseId: testCase.requirementId }, options));
    expect(view.pendingTransfer).toMatchObject({ id: transfer.id, toRegion: to.code });

    expect(
      await requestTransfer(
        sending.manager,
        { caseId: testCase.requirementId, toRegion: to.code, reason: "Again" },
        options,
      ),
    ).toMatchObject({
      ok: false,
      code: "TRANSFER_NOT_ALLOWED",
    });
    const other = await makeCase(from);
    expect(
      await requestTransfer(
        sending.coordinator,
        { caseId: other.requirementId, toRegion: from.code, reason: "Same" },
        options,
      ),
    ).toMatchObject({
      ok: false,
      field: "toRegion",
    });
    expect(
      await testDb.auditEvent.count({ where: { entityId: transfer.id, action: "requirement.transfer.request" } }),
    ).toBe(1);
  });

  it("another region cannot ask for a case it cannot see (404), and a supervisor may not ask at all", async () => {
    const testCase = await makeCase(from);
    await expect(
      requestTransfer(
        receiving.coordinator,
        { caseId: testCase.requirementId, toRegion: to.code, reason: "x" },
        options,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      requestTransfer(sending.supervisor, { caseId: testCase.requirementId, toRegion: to.code, reason: "x" }, options),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/),
    });
    expect(await testDb.requirementTransfer.count({ where: { requirementId: testCase.requirementId } })).toBe(0);
  });
});

describe("deciding a transfer", () => {
  it("only the receiving region's manager decides: the sender and a third region get 404, a coordinator 403", async () => {
    const testCase = await makeCase(from);
    const transfer = expectOk(
      await requestTransfer(
        sending.coordinator,
        { caseId: testCase.requirementId, toRegion: to.code, reason: "Moved" },
        options,
      ),
    );
    await expect(acceptTransfer(sending.manager, { transferId: transfer.id }, options)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(acceptTransfer(third.manager, { transferId: transfer.id }, options)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(acceptTransfer(receiving.coordinator, { transferId: transfer.id }, options)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await testDb.requirementTransfer.findUniqueOrThrow({ where: { id: transfer.id } })).status).toBe(
      "REQUESTED",
    );
  });

  it("declining leaves the case where it is, with the reason; a decided transfer cannot be decided again (409)", async () => {
    const testCase = await makeCase(from);
    const transfer = expectOk(
      await requestTransfer(
        sending.coordinator,
        { caseId: testCase.requirementId, toRegion: to.code, reason: "Moved" },
        options,
      ),
    );
    const declined = expectOk(
      await declineTransfer(receiving.manager, { transferId: transfer.id, reason: "Not our area" }, options),
    );
    expect(declined).toMatchObject({ status: "DECLINED", decisionNote: "Not our area", acceptedOn: null });
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: testCase.requirementId } })).regionId).toBe(
      from.id,
    );
    expect(await acceptTransfer(receiving.manager, { transferId: transfer.id }, options)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("a case with a booking still waiting for its outcome cannot move until the sending region deals with it", async () => {
    const testCase = await makeCase(from);
    const placement = await makePlacement(from);
    const session = await makeSession(placement.id, { date: addDays(TODAY, 7) });
    await makeAllocation(session.id, testCase.requirementId);
    const transfer = expectOk(
      await requestTransfer(
        sending.coordinator,
        { caseId: testCase.requirementId, toRegion: to.code, reason: "Moved" },
        options,
      ),
    );
    expect(await acceptTransfer(receiving.manager, { transferId: transfer.id }, options)).toMatchObject({
      ok: false,
      code: "TRANSFER_NOT_ALLOWED",
      details: { openBookings: 1 },
    });
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: testCase.requirementId } })).regionId).toBe(
      from.id,
    );
  });

  it("accepting moves the case from today: the receiving region sees it, the sender no longer does, the hours stay where they were worked, dashboards count by date", async () => {
    const testCase = await makeCase(from, { sentenceDate: addDays(TODAY, -90) });
    const placement = await makePlacement(from);
    const worked = await makeSession(placement.id, { date: addDays(TODAY, -30) });
    const allocation = await makeAllocation(worked.id, testCase.requirementId);
    await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 420 });
    const yesterday = addDays(TODAY, -1);
    const [fromBefore, toBefore] = [await activeIn(from, yesterday), await activeIn(to, yesterday)];

    const transfer = expectOk(
      await requestTransfer(
        sending.coordinator,
        { caseId: testCase.requirementId, toRegion: to.code, reason: "Moved to Cardiff" },
        options,
      ),
    );
    const accepted = expectOk(
      await acceptTransfer(receiving.manager, { transferId: transfer.id, note: "Welcome" }, options),
    );
    expect(accepted).toMatchObject({ status: "ACCEPTED", acceptedOn: TODAY });

    const moved = await testDb.requirement.findUniqueOrThrow({ where: { id: testCase.requirementId } });
    expect(moved).toMatchObject({ regionId: to.id, pduId: null, coordinatorId: null });
    expect(expectOk(await getCase(receiving.coordinator, { caseId: testCase.requirementId }, options)).region).toBe(
      to.code,
    );
    await expect(getCase(sending.coordinator, { caseId: testCase.requirementId }, options)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // The hour worked stays on the old region's session.
    const session = await testDb.session.findUniqueOrThrow({
      where: { id: worked.id },
      select: { placement: { select: { regionId: true } } },
    });
    expect(session.placement.regionId).toBe(from.id);
    expect(
      await testDb.auditEvent.count({
        where: { entityId: testCase.requirementId, action: "requirement.region.change", regionId: from.id },
      }),
    ).toBe(1);

    // Dashboards count by date: yesterday in the old region, today in the new one.
    expect(await activeIn(from, yesterday)).toBe(fromBefore);
    expect(await activeIn(to, yesterday)).toBe(toBefore);
    expect(await activeIn(to, TODAY)).toBe(toBefore + 1);
    expect(await activeIn(from, TODAY)).toBe(fromBefore - 1);
    // Trends too: last month's point counts it in the old region.
    const trends = await loadTrends(testDb, { asOf: TODAY, regionId: from.id, pduId: null, teamType: null });
    const lastMonth = trends.backlog.at(-1);
    const toTrends = await loadTrends(testDb, { asOf: TODAY, regionId: to.id, pduId: null, teamType: null });
    expect(lastMonth?.active ?? 0).toBeGreaterThan(0);
    expect(toTrends.backlog.at(-1)?.active ?? 0).toBe(0);
  });

  it("keeps the PDU the case had before it moved: the transfer and the case's history show it, and a figure by PDU as of yesterday counts it there", async () => {
    const testCase = await makeCase(from, { sentenceDate: addDays(TODAY, -60) });
    const yesterday = addDays(TODAY, -1);
    const inPdu = async (asOf: IsoDate, regionId: string | null) => {
      const scope = { asOf, regionId, pduId: from.pduId };
      const rows = await tallySource(testDb, "active", scope, await loadSentenceCalendar(testDb, scope));
      return rows.reduce((sum, t) => sum + t.n, 0);
    };
    // An earned reduction confirmed before the move (Sentencing Act 2026 s.37) counts where the case was then.
    await testDb.earnedReductionDecision.create({
      data: {
        requirementId: testCase.requirementId,
        decision: "CONFIRMED",
        decidedOn: utcDateFromIsoDate(addDays(TODAY, -10)),
      },
    });
    const granted = (asOf: IsoDate, regionId: string) => earnedReductionsGranted(testDb, { asOf, regionId });
    const grantedBefore = await granted(yesterday, from.id);
    const before = await inPdu(yesterday, from.id);
    const todayBefore = await inPdu(TODAY, from.id);
    const transfer = expectOk(
      await requestTransfer(
        sending.coordinator,
        { caseId: testCase.requirementId, toRegion: to.code, reason: "Moved to Cardiff" },
        options,
      ),
    );
    const accepted = expectOk(await acceptTransfer(receiving.manager, { transferId: transfer.id }, options));
    const pdu = await testDb.pdu.findUniqueOrThrow({ where: { id: from.pduId }, select: { code: true, name: true } });
    expect(accepted).toMatchObject({ status: "ACCEPTED", fromPdu: pdu.code });
    const history = await listCaseTransfers(receiving.manager, testCase.requirementId);
    expect(history[0]).toMatchObject({ status: "ACCEPTED", fromPdu: pdu.name });
    // As of yesterday the case was in the old PDU (by region and nationally); today it is in no PDU of it.
    expect(await inPdu(yesterday, from.id)).toBe(before);
    expect(await inPdu(yesterday, null)).toBe(before);
    expect(await inPdu(TODAY, from.id)).toBe(todayBefore - 1);
    expect(await granted(yesterday, from.id)).toBe(grantedBefore);
    expect(await granted(yesterday, to.id)).toBe(0);
  });
});

describe("the API", () => {
  it("request (201), list (the receiving manager), accept (200) and decline, with 400 for bad input", async () => {
    const testCase = await makeCase(from);
    const bad = await postTransfer(
      new Request(
        `http://localhost/api/v1/cases/${testCase.requirementId}/transfers`,
        json(tokens.coordinator ?? "", { toRegion: to.code }),
      ),
      {
        params: Promise.resolve({ id: testCase.requirementId }),
      },
    );
    expect(bad.status).toBe(400);
    const created = await postTransfer(
      new Request(
        `http://localhost/api/v1/cases/${testCase.requirementId}/transfers`,
        json(tokens.coordinator ?? "", { toRegion: to.code, reason: "Moved" }),
      ),
      { params: Promise.resolve({ id: testCase.requirementId }) },
    );
    expect(created.status).toBe(201);
    const transfer = (await created.json()) as { id: string };

    const list = await getTransfers(
      new Request("http://localhost/api/v1/transfers", json(tokens.receiver ?? "", undefined, "GET")),
      { params: Promise.resolve({}) },
    );
    expect(list.status).toBe(200);
    expect(((await list.json()) as { transfers: { id: string }[] }).transfers.map((t) => t.id)).toContain(transfer.id);

    const bySender = await postAcceptance(
      new Request(`http://localhost/api/v1/transfers/${transfer.id}/acceptance`, json(tokens.sender ?? "", {})),
      {
        params: Promise.resolve({ id: transfer.id }),
      },
    );
    expect(bySender.status).toBe(404);
    const accepted = await postAcceptance(
      new Request(`http://localhost/api/v1/transfers/${transfer.id}/acceptance`, json(tokens.receiver ?? "", {})),
      {
        params: Promise.resolve({ id: transfer.id }),
      },
    );
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: "ACCEPTED", acceptedOn: TODAY });
    const late = await postDecline(
      new Request(
        `http://localhost/api/v1/transfers/${transfer.id}/decline`,
        json(tokens.receiver ?? "", { reason: "Too late" }),
      ),
      {
        params: Promise.resolve({ id: transfer.id }),
      },
    );
    expect(late.status).toBe(409);
  });
});
