// Incidents on a session (issue 5): who (optionally a person booked on it), what, when. The
// session's own supervisor, or the region's coordinator or manager, may record one; it is
// audited, shows on the person's case timeline and in the managers' list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postIncident } from "../../../app/api/v1/sessions/[id]/incidents/route";
import type { IsoDate } from "@/domain";
import { issueApiToken } from "@/server/auth/api-tokens";
import { loadCaseDetail } from "@/server/queries/case-detail";
import { listIncidents } from "@/server/queries/incidents";
import { recordIncident } from "@/server/services/incidents/record-incident";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import {
  auditEventsFor,
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

const SUMMER_DAY: IsoDate = "2025-06-11";

let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let sessionId: string;
let caseId: string;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
  const placement = await makePlacement(region, { capacity: 10 });
  sessionId = (await makeSession(placement.id, { date: SUMMER_DAY, supervisorId: staff.supervisor.id })).id;
  caseId = (await makeCase(region)).requirementId;
  await makeAllocation(sessionId, caseId);
});
afterAll(() => testDb.$disconnect());

describe("recordIncident", () => {
  it("records who, what and when (London time on the session's day), audited", async () => {
    const incident = expectOk(
      await recordIncident(staff.supervisor, {
        sessionId,
        caseId,
        type: "THREAT_TO_STAFF",
        occurredAt: "13:40",
        description: "Swore at me and threw a rake.",
      }),
    );
    expect(incident).toMatchObject({
      sessionId,
      caseId,
      type: "THREAT_TO_STAFF",
      occurredOn: SUMMER_DAY,
      occurredAt: "13:40",
    });
    const row = await testDb.incident.findUniqueOrThrow({ where: { id: incident.id } });
    // 13:40 BST is 12:40 UTC.
    expect(row.occurredAt.toISOString()).toBe("2025-06-11T12:40:00.000Z");
    expect(row.recordedById).toBe(staff.supervisor.id);
    const audits = await auditEventsFor("Incident", incident.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "incident.record", actorId: staff.supervisor.id, regionId: region.id });
  });

  it("shows on the person's case timeline and in the managers' list", async () => {
    const incident = expectOk(
      await recordIncident(staff.coordinator, {
        sessionId,
        caseId,
        type: "INJURY",
        occurredAt: "10:05",
        description: "Cut hand on a bramble; first aid given.",
      }),
    );
    const detail = await loadCaseDetail(staff.manager, caseId);
    const entry = detail?.timeline.find((e) => e.key === `incident-${incident.id}`);
    expect(entry).toMatchObject({
      kind: "incident",
      date: SUMMER_DAY,
      incidentType: "INJURY",
      time: "10:05",
      description: "Cut hand on a bramble; first aid given.",
    });

    const listed = await listIncidents(staff.manager, { today: "2025-06-20" });
    expect(listed.map((i) => i.id)).toContain(incident.id);
    const elsewhere = await makeUser("MANAGER", await makeRegion());
    expect((await listIncidents(elsewhere, { today: "2025-06-20" })).map((i) => i.id)).not.toContain(incident.id);
  });

  it("records an incident about nobody in particular; refuses a person not booked on the session", async () => {
    expectOk(
      await recordIncident(staff.manager, {
        sessionId,
        type: "NEAR_MISS",
        occurredAt: "11:00",
        description: "Loose strimmer guard.",
      }),
    );
    const stranger = await makeCase(region);
    const refused = await recordIncident(staff.supervisor, {
      sessionId,
      caseId: stranger.requirementId,
      type: "BEHAVIOUR",
      occurredAt: "11:00",
      description: "x",
    });
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT", field: "caseId" });
  });

  it("is 404 for another supervisor and another region; 403 for a national lead", async () => {
    const otherSupervisor = await makeUser("SUPERVISOR", region);
    const input = { sessionId, type: "NEAR_MISS" as const, occurredAt: "09:30", description: "x" };
    await expect(recordIncident(otherSupervisor, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const elsewhere = await makeRegionalStaff(await makeRegion());
    await expect(recordIncident(elsewhere.coordinator, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordIncident(await makeUser("NATIONAL_LEAD", null), input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("POST /api/v1/sessions/{id}/incidents", () => {
  it("answers 201 once for a retried key, and 400 for a malformed time", async () => {
    const { token } = await issueApiToken(testDb, { userId: staff.supervisor.id, name: "device", expiresAt: null });
    const post = (body: unknown, key: string) =>
      postIncident(
        new Request(`http://localhost/api/v1/sessions/${sessionId}/incidents`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": key },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id: sessionId }) },
      );
    const body = { type: "BEHAVIOUR", caseId, occurredAt: "15:10", description: "Refused to use the gloves provided." };
    const before = await testDb.incident.count({ where: { sessionId } });
    const first = await post(body, "incident-1");
    expect(first.status).toBe(201);
    const replay = await post(body, "incident-1");
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(await first.json());
    expect(await testDb.incident.count({ where: { sessionId } })).toBe(before + 1);

    const bad = await post({ ...body, occurredAt: "3pm" }, "incident-2");
    expect(bad.status).toBe(400);
  });
});
