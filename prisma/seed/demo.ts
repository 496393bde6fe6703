// The demo data set (docs/domain.md §7): deterministic for a given `today`, every state of the
// dashboards in every region, written in one transaction with bulk inserts. Seeds once per
// database: AppSetting `demo_seeded_at` records that it ran (and `demo_seed_date` the
// `today` it was built for, which verifyDemoConsistency uses).
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays, todayInLondon, type IsoDate } from "@/domain/dates";
import { SHIPPED_BANK_HOLIDAY_CALENDAR } from "@/domain/bank-holidays";
import { REGIONS } from "./data/regions";
import { DEMO_PASSWORD } from "./demo-users";
import { buildCase, type BuiltCase, type CaseContext } from "./demo/cases";
import { insertDemoRows } from "./demo/insert";
import { planPlacements } from "./demo/placements";
import { Random } from "./demo/random";
import { planCase, scenarioMix } from "./demo/scenarios";
import { SessionBook } from "./demo/session-book";
import { planStaff } from "./demo/staff";
import { fillDemoSupervisorSessions, markRestrictedCases, recordSiteIncidents } from "./demo/finishing";
import { emptyRows, type RegionContext } from "./demo/types";

/** Fixed so the demo is the same everywhere; change it only to reshuffle the demo. */
const DEMO_RANDOM_SEED = 20_261_123;
export const DEMO_SEEDED_AT_KEY = "demo_seeded_at";
export const DEMO_SEED_DATE_KEY = "demo_seed_date";

export type DemoResult = { seeded: boolean; today: IsoDate; counts: Record<string, number> };

export async function seedDemo(prisma: PrismaClient, options: { today?: IsoDate } = {}): Promise<DemoResult> {
  const today = options.today ?? todayInLondon();
  const already = await prisma.appSetting.findUnique({ where: { key: DEMO_SEEDED_AT_KEY } });
  if (already) return { seeded: false, today, counts: {} };

  const rng = new Random(DEMO_RANDOM_SEED);
  const rows = emptyRows();
  // bcrypt cost 10, hashed once: every demo user shares the same password.
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);

  const regionRows = await prisma.region.findMany({
    select: { id: true, code: true, pdus: { select: { id: true, code: true } } },
  });
  const riskCodes = await prisma.riskCode.findMany({
    select: { id: true, code: true, title: true, guidance: true, conflictsWith: true, version: true },
  });
  const regionByCode = new Map(regionRows.map((r) => [r.code, r]));
  const refs = REGIONS.map((seed) => {
    const row = regionByCode.get(seed.code);
    if (!row) throw new Error(`Region ${seed.code} is missing: seed the reference data first`);
    const pdus = seed.pdus.flatMap((p) => {
      const id = row.pdus.find((d) => d.code === p.code)?.id;
      return id ? [{ id, code: p.code, name: p.name, town: p.town, postcodeDistricts: p.postcodeDistricts }] : [];
    });
    return { seed, id: row.id, pdus };
  });

  const { byRegion, demoUserIds } = planStaff(
    rng,
    refs.map((r) => ({ code: r.seed.code, id: r.id, pduIds: r.pdus.map((p) => p.id) })),
    passwordHash,
    rows,
  );
  const demoSupervisorId = demoUserIds.get("supervisor@demo.test") ?? null;
  const regions: RegionContext[] = refs.map((r) => {
    const staff = byRegion.get(r.seed.code);
    if (!staff) throw new Error(`No staff planned for ${r.seed.code}`);
    const region: RegionContext = {
      code: r.seed.code,
      id: r.id,
      pdus: r.pdus,
      courts: r.seed.courts,
      staff,
      placements: [],
    };
    region.placements = planPlacements(rng, r.seed, region, rows, r.seed.code === "LON" ? demoSupervisorId : null);
    return region;
  });

  const book = new SessionBook(rng, today, SHIPPED_BANK_HOLIDAY_CALENDAR, rows);
  const london = regions.find((r) => r.code === "LON");
  const demoPlacement = london?.placements[0];
  if (!london || !demoPlacement) throw new Error("London demo placement missing");
  // The demo supervisor's session yesterday stays open: register not yet entered.
  book.session(demoPlacement, addDays(today, -1)).open = true;

  const ctx: CaseContext = {
    rng,
    today,
    book,
    rows,
    riskCodeCatalogue: new Map(riskCodes.map((c) => [c.code, c])),
    crns: new Set(),
  };
  const cases = new Map<string, BuiltCase[]>();
  for (const region of regions) {
    let ssoExpired = false;
    cases.set(
      region.code,
      scenarioMix(rng, region.code).map((scenario) => {
        const plan = planCase(rng, scenario, today, SHIPPED_BANK_HOLIDAY_CALENDAR);
        // Every region shows at least one suspended sentence order that expired incomplete.
        if (scenario === "EXPIRED_INCOMPLETE" && !ssoExpired) plan.orderType = "SUSPENDED_SENTENCE_ORDER";
        ssoExpired ||= scenario === "EXPIRED_INCOMPLETE";
        return buildCase(ctx, region, plan);
      }),
    );
  }
  fillDemoSupervisorSessions(rng, book, today, demoPlacement, cases.get("LON") ?? []);
  book.flush();
  markRestrictedCases(rng, rows, regions, cases, demoUserIds);
  recordSiteIncidents(rng, rows, regions, today);

  const inserted = await insertDemoRows(prisma, rows, {
    today,
    seededAtKey: DEMO_SEEDED_AT_KEY,
    seedDateKey: DEMO_SEED_DATE_KEY,
  });
  if (!inserted) return { seeded: false, today, counts: {} };
  const counts = Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, (list as unknown[]).length]));
  return { seeded: true, today, counts };
}
