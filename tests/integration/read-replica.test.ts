// The read-replica option (docs/decisions/0093-read-replica.md). With DATABASE_REPLICA_URL unset
// every reader uses the primary. With it set — a real streaming standby, made by
// `bash scripts/test/streaming-replica.sh npx vitest run --project integration tests/integration/read-replica.test.ts`
// (CI runs exactly that) — the dashboards read the standby: while its replay is paused they show
// the figures as they were, never a mixture, and once it catches up they equal a live recount
// on the primary; reads that must see the caller's own write still go to the primary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import {
  makeCase,
  makeRegion,
  makeUser,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";
import { addDays, todayInLondon, utcDateFromIsoDate as d } from "@/domain";
import { db } from "@/server/db/client";
import { isReadOnly } from "@/server/db/create-client";
import { replicaDb } from "@/server/db/replica";
import { loadDashboardFigures } from "@/server/queries/dashboard";
import { loadSummaryForApi } from "@/server/queries/dashboard-api";
import { loadDashboardFiguresCached } from "@/server/queries/dashboard-cache";
import { loadDashboardPageForUser } from "@/server/queries/manager-pages";
import { loadCaseDetail } from "@/server/queries/case-detail";
import { caseListQuerySchema, listCasePage } from "@/server/queries/cases";
import { listCasesForApi } from "@/server/services/cases/list-cases";

const replicaConfigured = Boolean(process.env.DATABASE_REPLICA_URL);
const today = todayInLondon();

afterAll(async () => {
  await testDb.$disconnect();
  await db.$disconnect();
  if (replicaDb !== db) await replicaDb.$disconnect();
});

describe.skipIf(replicaConfigured)("without DATABASE_REPLICA_URL", () => {
  it("the replica's readers use the primary's client", () => {
    expect(replicaDb).toBe(db);
    expect(isReadOnly(db)).toBe(false);
  });
});

describe.skipIf(!replicaConfigured)("with a streaming read replica", () => {
  let region: TestRegion;
  let manager: TestUser;

  const one = async <T>(rows: Promise<T[]>): Promise<T> => (await rows)[0]!;

  /**
   * Until the standby has replayed everything the primary has committed so far. The throwaway
   * primary commits with synchronous_commit off, so its last commits can still be in its WAL
   * buffers: waiting for pg_current_wal_lsn() (the position written out) let the test read the
   * standby before it had the last two cases. So a fence: a transaction that takes an id, reads the
   * insert position (past every earlier commit) and commits with synchronous_commit on, which flushes
   * its own commit record and everything before it. The standby replays past that position once it
   * has replayed the fence.
   */
  async function caughtUp(): Promise<void> {
    const [, , [fence]] = await testDb.$transaction([
      testDb.$executeRaw`SET LOCAL synchronous_commit = on`,
      testDb.$queryRaw`SELECT pg_current_xact_id()::text AS xid`,
      testDb.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_insert_lsn()::text AS lsn`,
    ]);
    const lsn = fence!.lsn;
    for (let i = 0; i < 200; i++) {
      const { done } = await one(
        replicaDb.$queryRaw<{ done: boolean }[]>`SELECT pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS done`,
      );
      if (done) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the standby did not catch up within 10 s");
  }

  /** Holds the standby at what it has replayed so far (it keeps receiving, it stops applying). */
  async function pauseReplay(): Promise<void> {
    await replicaDb.$executeRawUnsafe("SELECT pg_wal_replay_pause()");
    for (let i = 0; i < 200; i++) {
      const { state } = await one(
        replicaDb.$queryRaw<{ state: string }[]>`SELECT pg_get_wal_replay_pause_state() AS state`,
      );
      if (state === "paused") return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the standby did not pause");
  }

  const resumeReplay = () => replicaDb.$executeRawUnsafe("SELECT pg_wal_replay_resume()");

  beforeAll(async () => {
    await seedReferenceData();
    region = await makeRegion();
    manager = await makeUser("MANAGER", region);
    for (let i = 0; i < 3; i++) {
      const { requirementId } = await makeCase(region, { sentenceDate: addDays(today, -40 - i) });
      await testDb.requirement.update({ where: { id: requirementId }, data: { commencedOn: d(addDays(today, -30)) } });
    }
    await caughtUp();
  });

  afterAll(() => resumeReplay());

  /** The cases in the manager's list: the /cases page's count and GET /api/v1/cases' rows. */
  async function listed(): Promise<{ page: number; api: number }> {
    const page = (await listCasePage(manager, caseListQuerySchema.parse({}))).total;
    const api = await listCasesForApi(manager, { asOf: today });
    if (!api.ok) throw new Error("the case list was refused");
    return { page, api: api.value.cases.length };
  }

  it("reads a hot standby: in recovery, refusing writes, and marked so the app never tries", async () => {
    expect(replicaDb).not.toBe(db);
    expect(isReadOnly(replicaDb)).toBe(true);
    expect((await one(replicaDb.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)).r).toBe(true);
    expect((await one(db.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)).r).toBe(false);
    await expect(replicaDb.region.update({ where: { id: region.id }, data: { name: "No" } })).rejects.toThrow(
      /read-only/,
    );
  });

  it("the dashboard reads the replica: a write not yet replayed is not shown, and shown exactly once it is", async () => {
    const scope = { asOf: today, regionId: region.id };
    const before = await loadSummaryForApi(manager, { asOf: today });
    expect(before.activeCaseload).toBe(3);
    expect(await listed()).toEqual({ page: 3, api: 3 });

    await pauseReplay();
    let created: { requirementId: string };
    try {
      created = await makeCase(region, { sentenceDate: addDays(today, -10) });
      expect((await loadDashboardFigures(testDb, scope)).activeCaseload).toBe(4); // the primary has it
      // The replica does not yet: the API and the page still show the figures as they were.
      expect((await loadSummaryForApi(manager, { asOf: today })).activeCaseload).toBe(3);
      expect((await loadDashboardPageForUser(manager, {})).figures.activeCaseload).toBe(3);
      // So do the case list page and GET /api/v1/cases.
      expect(await listed()).toEqual({ page: 3, api: 3 });
      // A read that must see the caller's own write (the case page after the form) uses the primary.
      expect((await loadCaseDetail(manager, created.requirementId))?.id).toBe(created.requirementId);
    } finally {
      await resumeReplay();
    }

    await caughtUp();
    const after = await loadSummaryForApi(manager, { asOf: today });
    expect(after.activeCaseload).toBe(4);
    expect((await loadDashboardPageForUser(manager, {})).figures.activeCaseload).toBe(4);
    expect(await listed()).toEqual({ page: 4, api: 4 });
    // Every figure through the replica's cache equals a live recount on the primary.
    const { computedAt, ...cached } = await loadDashboardFiguresCached(replicaDb, scope);
    expect(computedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(cached)).toBe(JSON.stringify(await loadDashboardFigures(testDb, scope)));
  });
});
