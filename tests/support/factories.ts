// Small factories for integration tests: each test builds its own data in its own region
// (unique codes), never relying on the demo seed. Reference data (bank holidays, the
// risk-code catalogue) is inserted idempotently, as the real seed does.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type {
  AttendanceOutcome,
  Gender,
  ManagedBy,
  OrderType,
  PlacementFeature,
  PlacementType,
  RoshLevel,
  UserRole,
  EteReason,
} from "@/generated/prisma/enums";
import { BANK_HOLIDAYS_2015_2030, isoDateFromUtcDate, utcDateFromIsoDate, type IsoDate } from "@/domain";
import type { AppUser } from "@/server/auth/access";
import { RISK_CODES } from "../../prisma/seed/data/risk-codes";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { testDb } from "./db";

const d = utcDateFromIsoDate;
const token = (bytes = 3): string => randomBytes(bytes).toString("hex").toUpperCase();

// Six-digit CRN numbers from a random start, so reruns on a kept database do not collide.
let nextCrnNumber = 100_000 + Math.floor(Math.random() * 800_000);
const CRN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

/**
 * Every test file of a run shares its database, and each file starts its own counter: a CRN is
 * reserved by creating a file named after it in a folder of this run (the global setup makes it
 * and removes it), which fails if another file already took it.
 */
function reserved(crn: string): boolean {
  const folder = process.env.CP_TEST_CRN_DIR;
  if (!folder) return true;
  try {
    writeFileSync(path.join(folder, crn), "", { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** A CRN no other test of this run has used: one capital letter then six digits. */
export function uniqueCrn(): string {
  for (;;) {
    const letter = CRN_LETTERS[Math.floor(Math.random() * CRN_LETTERS.length)] ?? "T";
    nextCrnNumber = nextCrnNumber >= 999_999 ? 100_000 : nextCrnNumber + 1;
    const crn = `${letter}${nextCrnNumber}`;
    if (reserved(crn)) return crn;
  }
}

/** The shipped England & Wales bank holidays 2015–2030 (skips dates already there). */
export async function seedBankHolidays(): Promise<void> {
  await testDb.bankHoliday.createMany({
    data: BANK_HOLIDAYS_2015_2030.map((h) => ({ date: d(h.date), name: h.name, source: "SHIPPED" as const })),
    skipDuplicates: true,
  });
}

/** The national risk-code catalogue (RC, RW, RS, VW, DA, SO, MAPPA, SH, MED, SUB, NA). */
export async function seedRiskCodes(): Promise<void> {
  await testDb.riskCode.createMany({
    data: RISK_CODES.map((c) => ({
      code: c.code,
      title: c.title,
      guidance: c.guidance,
      conflictsWith: [...c.conflictsWith],
    })),
    skipDuplicates: true,
  });
}

/** Both kinds of reference data; call once in beforeAll. */
export async function seedReferenceData(): Promise<void> {
  await Promise.all([seedBankHolidays(), seedRiskCodes()]);
}

export type TestRegion = { id: string; code: string; pduId: string; pduCode: string };

/** A region with a unique code (≤ 8 characters) and one PDU. */
export async function makeRegion(
  options: { overSubscriptionPercent?: number; autoEnforcement?: boolean } = {},
): Promise<TestRegion> {
  const code = `T${token(3)}`.slice(0, 7);
  const region = await testDb.region.create({
    data: {
      code,
      name: `Test region ${code}`,
      ...(options.overSubscriptionPercent !== undefined
        ? { overSubscriptionPercent: options.overSubscriptionPercent }
        : {}),
      ...(options.autoEnforcement !== undefined ? { autoEnforcement: options.autoEnforcement } : {}),
    },
  });
  const pdu = await testDb.pdu.create({ data: { regionId: region.id, code: `${code}-P1`, name: `Test PDU ${code}` } });
  return { id: region.id, code, pduId: pdu.id, pduCode: pdu.code };
}

export type TestUser = AppUser & { gender: Gender | null };

/** A user of a role; regional roles belong to `region`, national lead and admin to none. */
export async function makeUser(
  role: UserRole,
  region: TestRegion | null,
  options: { gender?: Gender } = {},
): Promise<TestUser> {
  const email = `${role.toLowerCase()}-${token(4).toLowerCase()}@test.test`;
  const user = await testDb.user.create({
    data: {
      email,
      name: `Test ${role.toLowerCase()} ${token(2)}`,
      passwordHash: "not-a-real-hash",
      role,
      regionId: region?.id ?? null,
      gender: options.gender ?? null,
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    regionId: user.regionId,
    regionCode: region?.code ?? null,
    gender: user.gender,
  };
}

/** A coordinator, a manager and a (male) supervisor of the region. */
export async function makeRegionalStaff(
  region: TestRegion,
): Promise<{ coordinator: TestUser; manager: TestUser; supervisor: TestUser }> {
  const [coordinator, manager, supervisor] = await Promise.all([
    makeUser("COORDINATOR", region),
    makeUser("MANAGER", region),
    makeUser("SUPERVISOR", region, { gender: "MALE" }),
  ]);
  return { coordinator, manager, supervisor };
}

export type CaseSpec = {
  sentenceDate?: IsoDate;
  hoursOrdered?: number;
  gender?: Gender;
  orderType?: OrderType;
  managedBy?: ManagedBy;
  status?: "ACTIVE" | "COMPLETED" | "TERMINATED";
  minutesCredited?: number;
  restricted?: boolean;
  /** Attach to an existing person instead of creating one. */
  personId?: string;
  /** null = no assessment row at all. */
  assessment?: null | {
    complete?: boolean;
    rosh?: RoshLevel;
    riskCodes?: string[];
    eteEligible?: boolean;
    eteReason?: EteReason;
  };
};

export type TestCase = {
  personId: string;
  crn: string;
  orderId: string;
  requirementId: string;
  assessmentId: string | null;
};

/** A person, an order and its requirement (the "case"), with a complete LOW-RoSH assessment by default. */
export async function makeCase(region: TestRegion, spec: CaseSpec = {}): Promise<TestCase> {
  const sentenceDate = d(spec.sentenceDate ?? "2025-03-03");
  const hoursOrdered = spec.hoursOrdered ?? 100;
  const person = spec.personId
    ? await testDb.person.findUniqueOrThrow({ where: { id: spec.personId } })
    : await testDb.person.create({
        data: {
          crn: uniqueCrn(),
          firstName: "Test",
          lastName: `Person ${token(2)}`,
          dateOfBirth: d("1990-01-01"),
          gender: spec.gender ?? "MALE",
        },
      });
  const managedBy = spec.managedBy ?? "STANDALONE_UPW";
  const orderType = spec.orderType ?? "COMMUNITY_ORDER";
  const order = await testDb.order.create({
    data: {
      personId: person.id,
      type: orderType,
      sentenceDate,
      court: "Test Magistrates' Court",
      managedBy,
      regionId: region.id,
      pduId: region.pduId,
    },
  });
  const status = spec.status ?? "ACTIVE";
  const requirement = await testDb.requirement.create({
    data: {
      orderId: order.id,
      personId: person.id,
      regionId: region.id,
      pduId: region.pduId,
      managedBy,
      orderType,
      sentenceDate,
      hoursOrdered,
      originalHoursOrdered: hoursOrdered,
      minutesCredited: spec.minutesCredited ?? 0,
      status,
      restricted: spec.restricted ?? false,
      ...(status === "TERMINATED" ? { terminationReason: "OTHER" as const, terminatedOn: sentenceDate } : {}),
      ...(status === "COMPLETED" ? { completedOn: sentenceDate } : {}),
    },
  });
  let assessmentId: string | null = null;
  if (spec.assessment !== null) {
    const a = spec.assessment ?? {};
    const riskCodes = a.riskCodes?.length
      ? await testDb.riskCode.findMany({
          where: { code: { in: a.riskCodes } },
          select: { id: true, title: true, guidance: true, conflictsWith: true, version: true },
        })
      : [];
    const assessment = await testDb.assessment.create({
      data: {
        requirementId: requirement.id,
        rosh: a.rosh ?? "LOW",
        eteEligible: a.eteEligible ?? false,
        eteReason: a.eteReason ?? null,
        complete: a.complete ?? true,
        completedOn: (a.complete ?? true) ? sentenceDate : null,
        riskCodes: {
          create: riskCodes.map((r) => ({
            riskCodeId: r.id,
            title: r.title,
            guidance: r.guidance,
            conflictsWith: r.conflictsWith,
            catalogueVersion: r.version,
          })),
        },
      },
    });
    assessmentId = assessment.id;
  }
  return { personId: person.id, crn: person.crn, orderId: order.id, requirementId: requirement.id, assessmentId };
}

export type PlacementSpec = { type?: PlacementType; capacity?: number; features?: PlacementFeature[]; name?: string };

export async function makePlacement(region: TestRegion, spec: PlacementSpec = {}): Promise<{ id: string }> {
  return testDb.placement.create({
    data: {
      name: spec.name ?? `Test placement ${token(2)}`,
      type: spec.type ?? "GROUP",
      regionId: region.id,
      pduId: region.pduId,
      capacity: spec.capacity ?? 6,
      features: spec.features ?? [],
    },
    select: { id: true },
  });
}

export type SessionSpec = {
  date: IsoDate;
  startTime?: string;
  endTime?: string;
  capacity?: number;
  supervisorId?: string | null;
};

export async function makeSession(placementId: string, spec: SessionSpec): Promise<{ id: string }> {
  const placement = await testDb.placement.findUniqueOrThrow({
    where: { id: placementId },
    select: { capacity: true },
  });
  return testDb.session.create({
    data: {
      placementId,
      date: d(spec.date),
      startTime: spec.startTime ?? "09:00",
      endTime: spec.endTime ?? "16:00",
      capacity: spec.capacity ?? placement.capacity,
      supervisorId: spec.supervisorId ?? null,
    },
    select: { id: true },
  });
}

/** An existing booking (created directly, bypassing R10 — for setting the scene). */
export async function makeAllocation(
  sessionId: string,
  requirementId: string,
  extra: Partial<Pick<Prisma.AllocationUncheckedCreateInput, "consentRecorded" | "retrospective" | "status">> = {},
): Promise<{ id: string }> {
  const session = await testDb.session.findUniqueOrThrow({ where: { id: sessionId }, select: { date: true } });
  return testDb.allocation.create({
    data: { sessionId, requirementId, sessionDate: session.date, ...extra },
    select: { id: true },
  });
}

/** An attendance on an existing allocation (no crediting rules: for setting the scene). */
export async function makeAttendance(
  allocationId: string,
  spec: { outcome: AttendanceOutcome; minutesCredited?: number },
): Promise<{ id: string }> {
  const allocation = await testDb.allocation.findUniqueOrThrow({
    where: { id: allocationId },
    select: { requirementId: true, sessionDate: true },
  });
  return testDb.attendance.create({
    data: {
      allocationId,
      requirementId: allocation.requirementId,
      sessionDate: allocation.sessionDate,
      outcome: spec.outcome,
      minutesCredited: spec.minutesCredited ?? 0,
    },
    select: { id: true },
  });
}

/** Audit rows for one record, oldest first. */
export async function auditEventsFor(entityType: string, entityId: string) {
  return testDb.auditEvent.findMany({ where: { entityType, entityId }, orderBy: { at: "asc" } });
}

/**
 * The records every /api/v1 route can name, in one region (for the generated access-matrix and
 * bad-input suites): a case sentenced 30 days before `today`, a session today and a past one with
 * a recorded failure, a breach on that failure and a pending risk-override approval.
 */
export async function makeApiScene(
  region: TestRegion,
  staff: { coordinator: TestUser; supervisor: TestUser },
  today: IsoDate,
  reason: string,
): Promise<{
  caseId: string;
  placementId: string;
  sessionId: string;
  actionId: string;
  approvalId: string;
  attendanceId: string;
  allocationId: string;
  spareSessionId: string;
  eteCreditId: string;
}> {
  const daysFromToday = (days: number) =>
    isoDateFromUtcDate(new Date(utcDateFromIsoDate(today).getTime() + days * 86_400_000));
  const theCase = await makeCase(region, { sentenceDate: daysFromToday(-30) });
  const placement = await makePlacement(region);
  const session = await makeSession(placement.id, { date: today, supervisorId: staff.supervisor.id });
  const allocation = await makeAllocation(session.id, theCase.requirementId);
  // A second, past booking with a recorded failure gives the breach and the approval something real to point at.
  const pastSession = await makeSession(placement.id, { date: daysFromToday(-7), supervisorId: staff.supervisor.id });
  const pastAllocation = await makeAllocation(pastSession.id, theCase.requirementId);
  const failure = await makeAttendance(pastAllocation.id, { outcome: "UNACCEPTABLE_ABSENCE" });
  const action = await testDb.enforcementAction.create({
    data: {
      requirementId: theCase.requirementId,
      orderId: theCase.orderId,
      type: "BREACH",
      date: utcDateFromIsoDate(daysFromToday(-6)),
      failureAttendanceId: failure.id,
    },
    select: { id: true },
  });
  const approval = await testDb.approval.create({
    data: {
      kind: "RISK_OVERRIDE",
      requirementId: theCase.requirementId,
      regionId: region.id,
      allocationId: allocation.id,
      reason,
      requestedById: staff.coordinator.id,
    },
    select: { id: true },
  });
  // A later session with room, for moving the booking to.
  const spareSession = await makeSession(placement.id, { date: daysFromToday(8) });
  // An ETE credit, for correcting and removing.
  const eteCredit = await testDb.eteCredit.create({
    data: {
      requirementId: theCase.requirementId,
      date: utcDateFromIsoDate(daysFromToday(-2)),
      minutes: 60,
      activity: "Forklift course",
    },
    select: { id: true },
  });
  return {
    caseId: theCase.requirementId,
    placementId: placement.id,
    sessionId: session.id,
    actionId: action.id,
    approvalId: approval.id,
    attendanceId: failure.id,
    allocationId: allocation.id,
    spareSessionId: spareSession.id,
    eteCreditId: eteCredit.id,
  };
}

/**
 * A case of a new region that asks to move to `region` (a transfer waiting for region's manager),
 * and that new region's code, to send region's cases to.
 */
export async function makeIncomingTransfer(
  region: TestRegion,
  requestedById: string,
): Promise<{ transferId: string; otherRegionCode: string }> {
  const other = await makeRegion();
  const testCase = await makeCase(other);
  const transfer = await testDb.requirementTransfer.create({
    data: {
      requirementId: testCase.requirementId,
      fromRegionId: other.id,
      toRegionId: region.id,
      reason: "Moved",
      requestedById,
    },
    select: { id: true },
  });
  return { transferId: transfer.id, otherRegionCode: other.code };
}
