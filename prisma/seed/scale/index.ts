// The national-scale data set (issue 6): `npm run seed:scale -- --requirements 50000`.
// Deterministic for a given (requirements, today): a fixed random seed, ids from counters.
// Planned in memory as COPY text (see copy-buffer.ts), then bulk-loaded (load.ts). Feeds the
// dashboards and `npm run bench`; never runs against the demo database (scripts/db/seed-scale.ts
// gives it its own). The same rules as the demo seed hold: verifyScaleConsistency checks them.
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/generated/prisma/client";
import { SHIPPED_BANK_HOLIDAY_CALENDAR } from "@/domain/bank-holidays";
import { addCalendarMonths, todayInLondon, type IsoDate } from "@/domain/dates";
import { reviewDueDates, startDeadline, twelveMonthEnd } from "@/domain/requirement-dates";
import { REGIONS } from "../data/regions";
import { pickName } from "../demo/names";
import { Random } from "../demo/random";
import { seedReferenceData } from "../reference-data";
import { dayNumber, isoOf } from "./days";
import { IdSequence } from "./ids";
import { loadTables, type LoadTimings } from "./load";
import { Organisation, REGION_WEIGHTS, SCALE_PASSWORD, type ScaleRegion } from "./organisation";
import { SessionGrid } from "./organisation";
import { ProgressBar } from "./progress";
import { chooseFate, simulateRequirement, type Fate, type Ids } from "./requirement";
import { scaleTables } from "./tables";

/** Bump when the generator changes what it writes, so `--reuse` re-seeds. */
export const SCALE_GENERATOR_VERSION = 3;
export const SCALE_SEED_KEY = "scale_seed";
const SCALE_RANDOM_SEED = 20_261_106;

export type ScaleParameters = { requirements: number; version: number };
export type ScaleResult = {
  today: IsoDate;
  counts: Record<string, number>;
  fates: Record<string, number>;
  seconds: { plan: number } & LoadTimings;
};

/** The parameters the database was seeded with, or null if it holds no scale seed. */
export async function readScaleSeed(prisma: PrismaClient): Promise<(ScaleParameters & { today: IsoDate }) | null> {
  const row = await prisma.appSetting.findUnique({ where: { key: SCALE_SEED_KEY } });
  return row ? (JSON.parse(row.value) as ScaleParameters & { today: IsoDate }) : null;
}

function pickWeighted<T>(rng: Random, items: readonly T[], weight: (item: T) => number): T {
  return rng.weighted(items.map((item) => [item, weight(item)] as const));
}

/**
 * Seeds an EMPTY, migrated database `url` (reference data included) with `requirements`
 * requirements sentenced over the 3 years up to `today`.
 */
export async function seedScale(
  prisma: PrismaClient,
  url: string,
  options: { requirements: number; today?: IsoDate; quiet?: boolean },
): Promise<ScaleResult> {
  const today = options.today ?? todayInLondon();
  const started = performance.now();
  const rng = new Random(SCALE_RANDOM_SEED);
  const t = dayNumber(today);
  await seedReferenceData(prisma);
  const [regionRows, riskCodes] = await Promise.all([
    prisma.region.findMany({ select: { id: true, code: true, pdus: { select: { id: true, code: true } } } }),
    prisma.riskCode.findMany({
      select: { id: true, code: true, title: true, guidance: true, conflictsWith: true, version: true },
    }),
  ]);
  const regions: ScaleRegion[] = REGIONS.map((seed) => {
    const row = regionRows.find((r) => r.code === seed.code);
    if (!row) throw new Error(`Region ${seed.code} missing`);
    const pdus = seed.pdus.flatMap((p) => {
      const id = row.pdus.find((d) => d.code === p.code)?.id;
      return id
        ? [{ id, code: p.code, name: p.name, town: p.town, postcode: `${p.postcodeDistricts[0] ?? ""} 1AA` }]
        : [];
    });
    return { code: seed.code, id: row.id, courts: seed.courts, pdus };
  });

  // Who is sentenced where, first, so placements can be sized to each PDU's caseload.
  const firstSentence = dayNumber(addCalendarMonths(today, -36));
  const people = Array.from({ length: options.requirements }, () => {
    const region = pickWeighted(rng, regions, (r) => REGION_WEIGHTS[r.code] ?? 1);
    const pdu = rng.pick(region.pdus);
    return { region, pdu, sentence: rng.int(firstSentence, t - 1) };
  });
  const byPdu = new Map<string, number>();
  for (const p of people) byPdu.set(p.pdu.id, (byPdu.get(p.pdu.id) ?? 0) + 1);

  const tables = scaleTables();
  const stampNow = new Date().toISOString();
  const passwordHash = await bcrypt.hash(SCALE_PASSWORD, 10);
  const organisation = new Organisation(rng, tables, passwordHash, stampNow);
  organisation.build(regions, byPdu);
  const holidays = new Set([...SHIPPED_BANK_HOLIDAY_CALENDAR].map(dayNumber));
  const firstDay = firstSentence - 1;
  const grid = new SessionGrid(
    rng,
    organisation.placements,
    organisation.supervisorIds,
    firstDay,
    t + 60 - firstDay,
    t,
    holidays,
  );
  const ids: Ids = {
    allocation: new IdSequence("allocation"),
    attendance: new IdSequence("attendance"),
    eteCredit: new IdSequence("eteCredit"),
    enforcementAction: new IdSequence("enforcementAction"),
    enforcementOutcome: new IdSequence("enforcementOutcome"),
    extension: new IdSequence("extension"),
    review: new IdSequence("review"),
    approval: new IdSequence("approval"),
  };
  const [personIds, orderIds, requirementIds, assessmentIds] = [
    new IdSequence("person"),
    new IdSequence("order"),
    new IdSequence("requirement"),
    new IdSequence("assessment"),
  ];
  const safeRiskCodes = riskCodes.filter((c) => ["DA", "SH", "SUB", "NA"].includes(c.code)); // no placement conflicts (R10)
  const fates: Record<string, number> = {};
  const ctx = { rng, today: t, grid, tables, ids };

  // Simulated in sentence order, so earlier cases take the places on a session first.
  people.sort((a, b) => a.sentence - b.sentence);
  const bar = new ProgressBar("Planning requirements", people.length, options.quiet);
  people.forEach((p, i) => {
    const sentenceIso = isoOf(p.sentence);
    const staff = organisation.pduStaff.get(p.pdu.id);
    const regionStaff = organisation.regionStaff.get(p.region.code);
    if (!staff || !regionStaff) throw new Error(`No staff for ${p.pdu.code}`);
    const gender = rng.weighted([
      ["MALE", 84],
      ["FEMALE", 15],
      ["OTHER", 1],
    ] as const);
    const name = pickName(rng, p.region.code, gender);
    const age = rng.chance(0.27) ? rng.int(18, 24) : rng.int(25, 62);
    const personId = personIds.take();
    // CRN: one capital letter then six digits; unique by running number.
    const crn = `${"ABCDEFGHJKLMNPRSTVWXYZ"[Math.floor(i / 1_000_000)] ?? "Z"}${String(i % 1_000_000).padStart(6, "0")}`;
    tables.people.add([
      personId,
      crn,
      name.firstName,
      name.lastName,
      isoOf(p.sentence - Math.floor(age * 365.25) - rng.int(0, 364)),
      gender,
      name.ethnicity,
      stampNow,
    ]);
    const orderId = orderIds.take();
    const orderType = rng.chance(0.4) ? "SUSPENDED_SENTENCE_ORDER" : "COMMUNITY_ORDER";
    const managedBy = rng.chance(0.55) ? "STANDALONE_UPW" : "SENTENCE_MANAGEMENT";
    const court = rng.pick(p.region.courts);
    tables.orders.add([orderId, personId, orderType, sentenceIso, court, managedBy, null, p.region.id, p.pdu.id]);
    const requirementId = requirementIds.take();
    const hours = 10 * rng.int(4, 30);
    const eteEligible = rng.chance(0.25);
    const coordinatorId = rng.pick(regionStaff.coordinatorIds);
    const twelve = dayNumber(twelveMonthEnd(sentenceIso));
    const fate: Fate = chooseFate(rng, p.sentence, twelve, t);
    fates[fate] = (fates[fate] ?? 0) + 1;
    const outcome = simulateRequirement(
      ctx,
      {
        id: requirementId,
        orderId,
        regionId: p.region.id,
        sentence: p.sentence,
        twelveMonthEnd: twelve,
        startDeadline: dayNumber(startDeadline(sentenceIso, SHIPPED_BANK_HOLIDAY_CALENDAR)),
        reviews: reviewDueDates(sentenceIso).map((r) => ({
          kind: r.months === 6 ? ("SIX_MONTH" as const) : ("NINE_MONTH" as const),
          due: dayNumber(r.dueOn),
        })),
        hours,
        eteEligible,
        court,
        coordinatorId,
        managerId: regionStaff.managerId,
        staff,
      },
      fate,
    );
    const day = (d: number | null) => (d === null ? null : isoOf(d));
    tables.requirements.add([
      requirementId,
      orderId,
      personId,
      p.region.id,
      p.pdu.id,
      managedBy,
      orderType,
      sentenceIso,
      outcome.hoursOrdered,
      hours,
      outcome.credited,
      outcome.ete,
      outcome.status,
      outcome.terminationReason,
      day(outcome.commencedOn),
      day(outcome.completedOn),
      day(outcome.terminatedOn),
      coordinatorId,
      stampNow,
    ]);
    const assessmentId = assessmentIds.take();
    const rosh = rng.weighted([
      ["LOW", 50],
      ["MEDIUM", 38],
      ["HIGH", 11],
      ["VERY_HIGH", 1],
    ] as const);
    const eteReason = eteEligible
      ? rng.pick(["NOT_IN_WORK", "AT_RISK_OF_LOSING_EMPLOYMENT", "DEVELOPING_EMPLOYMENT_OPTIONS"] as const)
      : null;
    tables.assessments.add([
      assessmentId,
      requirementId,
      rosh,
      eteEligible,
      eteReason,
      outcome.assessmentComplete,
      outcome.assessmentComplete ? isoOf(Math.min(t - 1, p.sentence + 2)) : null,
      outcome.assessmentComplete ? coordinatorId : null,
      stampNow,
    ]);
    if (safeRiskCodes.length > 0 && rng.chance(0.2)) {
      const code = rng.pick(safeRiskCodes);
      tables.assessmentRiskCodes.add([
        assessmentId,
        code.id,
        code.title,
        code.guidance,
        `{${code.conflictsWith.join(",")}}`,
        code.version,
      ]);
    }
    bar.update(i + 1);
  });
  grid.flush(tables);
  bar.finish();
  const plan = (performance.now() - started) / 1000;

  const buffers = Object.values(tables);
  const timings = await loadTables(url, buffers, { quiet: options.quiet });
  const parameters = { requirements: options.requirements, version: SCALE_GENERATOR_VERSION, today };
  await prisma.appSetting.upsert({
    where: { key: SCALE_SEED_KEY },
    create: { key: SCALE_SEED_KEY, value: JSON.stringify(parameters) },
    update: { value: JSON.stringify(parameters) },
  });
  await prisma.$executeRawUnsafe(`ANALYZE "Region", "Pdu", "BankHoliday", "RiskCode", "AppSetting"`);
  return {
    today,
    counts: Object.fromEntries(buffers.map((b) => [b.table, b.rowCount])),
    fates,
    seconds: { plan, ...timings },
  };
}
