// One demo case: the person, their order, the unpaid work requirement, its assessment and
// everything that has happened on it. The cached totals on Requirement are written from
// the rows this function produced, so they always add up (verifyDemoConsistency checks).
import { addCalendarMonths, addDays, maxIsoDate, minIsoDate, utcDateFromIsoDate, type IsoDate } from "@/domain/dates";
import type { EteReason, Gender, PlacementFeature, RoshLevel } from "@/generated/prisma/enums";
import { RISK_CODES } from "../data/risk-codes";
import {
  recordEnforcement,
  recordExtension,
  recordIncidents,
  recordNotes,
  recordReviews,
  recordThirdAbsenceApproval,
  type CaseRef,
} from "./enforcement";
import { recordHistory } from "./history";
import { pickName } from "./names";
import type { Random } from "./random";
import type { CasePlan, Scenario } from "./scenarios";
import type { SessionBook } from "./session-book";
import type { DemoRows, PlacementPlan, RegionContext } from "./types";

export type CaseContext = {
  rng: Random;
  today: IsoDate;
  book: SessionBook;
  rows: DemoRows;
  /** The catalogue by code: a recorded code keeps its meaning (decision 0074). */
  riskCodeCatalogue: Map<
    string,
    { id: string; title: string; guidance: string; conflictsWith: PlacementFeature[]; version: number }
  >;
  crns: Set<string>;
};

export type BuiltCase = {
  requirementId: string;
  scenario: Scenario;
  status: "ACTIVE" | "COMPLETED" | "TERMINATED";
  riskCodes: string[];
  gender: Gender;
  /** Can take another session now (active, assessed, started, not in breach proceedings). */
  bookable: boolean;
  effectiveEnd: IsoDate;
  consent: boolean;
};

const RISK_WEIGHTS: readonly (readonly [string, number])[] = [
  ["SUB", 30],
  ["VW", 20],
  ["DA", 18],
  ["SH", 12],
  ["NA", 10],
  ["RS", 8],
  ["MED", 8],
  ["RW", 6],
  ["RC", 5],
  ["SO", 3],
  ["MAPPA", 4],
];
const ETE_REASONS: readonly EteReason[] = [
  "NOT_IN_WORK",
  "AT_RISK_OF_LOSING_EMPLOYMENT",
  "DEVELOPING_EMPLOYMENT_OPTIONS",
];
const SKILLS = [
  "Labouring on building sites",
  "Painting and decorating",
  "Warehouse work, forklift licence",
  "Retail",
  "Landscaping",
  "Catering (kitchen porter)",
  "None recorded",
  "Mechanic (apprenticeship, not finished)",
];

function uniqueCrn(ctx: CaseContext): string {
  for (;;) {
    const crn = `${String.fromCharCode(65 + ctx.rng.int(0, 25))}${String(ctx.rng.int(0, 999999)).padStart(6, "0")}`;
    if (!ctx.crns.has(crn)) {
      ctx.crns.add(crn);
      return crn;
    }
  }
}

function choosePlacement(
  rng: Random,
  region: RegionContext,
  codes: string[],
  gender: Gender,
  rosh: RoshLevel,
  womenOnly: boolean,
): PlacementPlan {
  const conflicts = new Set(RISK_CODES.filter((c) => codes.includes(c.code)).flatMap((c) => c.conflictsWith));
  const fits = region.placements.filter(
    (p) =>
      (p.type === "GROUP" || p.type === "INDIVIDUAL") &&
      !p.features.some((f) => conflicts.has(f)) &&
      (gender === "FEMALE" || !p.features.includes("FEMALE_ONLY")) &&
      // R10: high RoSH on an individual placement needs a manager's approval; the demo avoids it.
      !(p.type === "INDIVIDUAL" && (rosh === "HIGH" || rosh === "VERY_HIGH")),
  );
  const womens = fits.filter((p) => p.features.includes("FEMALE_ONLY"));
  if (womenOnly && womens.length > 0) return rng.pick(womens);
  const groups = fits.filter((p) => p.type === "GROUP");
  const pool = groups.length > 0 && rng.chance(0.8) ? groups : fits;
  const chosen = pool.length > 0 ? rng.pick(pool) : undefined;
  if (!chosen) throw new Error(`No demo placement in ${region.code} fits risk codes ${codes.join(",")}`);
  return chosen;
}

export function buildCase(ctx: CaseContext, region: RegionContext, plan: CasePlan): BuiltCase {
  const { rng, today, rows } = ctx;
  const gender: Gender = rng.weighted([
    ["MALE", 86],
    ["FEMALE", 13],
    ["OTHER", 1],
  ]);
  const name = pickName(rng, region.code, gender);
  const ageAtSentence = rng.weighted([
    [rng.int(18, 24), 25],
    [rng.int(25, 39), 45],
    [rng.int(40, 54), 22],
    [rng.int(55, 69), 8],
  ]);
  const dateOfBirth = addDays(addCalendarMonths(plan.sentenceDate, -12 * ageAtSentence), -rng.int(1, 360));
  const personId = rng.uuid();
  rows.people.push({
    id: personId,
    crn: uniqueCrn(ctx),
    firstName: name.firstName,
    lastName: name.lastName,
    dateOfBirth: utcDateFromIsoDate(dateOfBirth),
    gender,
    ethnicity: name.ethnicity,
    phone: rng.chance(0.9) ? `07700 900${String(rng.int(0, 999)).padStart(3, "0")}` : null,
  });

  const pdu = rng.pick(region.pdus);
  const coordinatorId =
    region.code === "LON" && rng.chance(0.6)
      ? (region.staff.coordinators[0]?.id ?? "")
      : rng.pick(region.staff.coordinators).id;
  const court = rng.pick(region.courts);
  const managedBy = rng.chance(0.55) ? ("STANDALONE_UPW" as const) : ("SENTENCE_MANAGEMENT" as const);
  const orderId = rng.uuid();
  const practitioner = pickName(rng, region.code, rng.chance(0.6) ? "FEMALE" : "MALE");
  rows.orders.push({
    id: orderId,
    personId,
    type: plan.orderType,
    sentenceDate: utcDateFromIsoDate(plan.sentenceDate),
    court,
    managedBy,
    practitionerName: `${practitioner.firstName} ${practitioner.lastName}`,
    regionId: region.id,
    pduId: pdu.id,
  });

  // Assessment: RoSH and risk codes always; the rest once it is complete.
  const codeCount = rng.weighted([
    [1, 50],
    [2, 35],
    [3, 15],
  ]);
  const codes = new Set<string>();
  while (codes.size < codeCount) {
    const code = rng.weighted(RISK_WEIGHTS);
    if (code === "RW" && gender === "FEMALE") continue;
    codes.add(code);
  }
  const riskCodes = [...codes];
  const serious = riskCodes.some((c) => ["SO", "MAPPA", "RC", "RW"].includes(c));
  let rosh: RoshLevel = serious
    ? rng.weighted([
        ["MEDIUM", 5],
        ["HIGH", 4],
        ["VERY_HIGH", 1],
      ])
    : rng.weighted([
        ["LOW", 35],
        ["MEDIUM", 50],
        ["HIGH", 15],
      ]);
  // The demo's only placements without tools are individual ones, closed to high RoSH (R10).
  if (riskCodes.includes("MED") && (rosh === "HIGH" || rosh === "VERY_HIGH")) rosh = "MEDIUM";
  const mappa = riskCodes.includes("MAPPA") || riskCodes.includes("SO");
  const womenOnly = gender === "FEMALE" && rng.chance(0.5);
  const requirementId = rng.uuid();
  const assessmentId = rng.uuid();
  const eteEligible = plan.ete !== "NONE" || rng.chance(0.1);
  const complete = plan.assessmentComplete;
  const assessedOn = minIsoDate(addDays(plan.sentenceDate, rng.int(1, 3)), addDays(today, -1));
  rows.assessments.push({
    id: assessmentId,
    requirementId,
    rosh,
    mappaCategory: mappa ? (riskCodes.includes("SO") ? 1 : 2) : null,
    mappaLevel: mappa
      ? rng.weighted([
          [1, 7],
          [2, 3],
        ])
      : null,
    healthNotes: riskCodes.includes("MED")
      ? "Epilepsy, controlled by medication; no power tools or work at height."
      : rng.chance(0.2)
        ? "Asthma; carries an inhaler."
        : null,
    adjustments: riskCodes.includes("MED") ? "Tasks without power tools; regular breaks." : null,
    skills: complete ? rng.pick(SKILLS) : null,
    availability: complete
      ? rng.chance(0.4)
        ? { SAT: ["AM", "PM"], SUN: ["AM", "PM"] }
        : { MON: ["AM", "PM"], TUE: ["AM", "PM"], WED: ["AM", "PM"], THU: ["AM", "PM"], FRI: ["AM"], SAT: ["AM", "PM"] }
      : undefined,
    caringDuties: gender === "FEMALE" && rng.chance(0.5) ? "School run 08:30 and 15:15 on weekdays." : null,
    employment: eteEligible
      ? "Not in work."
      : rng.pick([
          "Full-time, Monday to Friday.",
          "Zero-hours contract, warehouse.",
          "Not in work.",
          "Self-employed (plasterer).",
        ]),
    religiousObservance: rng.chance(0.08) ? "Friday prayers 12:30–14:00." : null,
    eteEligible,
    eteReason: eteEligible ? rng.pick(ETE_REASONS) : null,
    womenOnlyPreference: womenOnly,
    notes: complete ? null : "Waiting for the health questionnaire before the assessment can be finished.",
    complete,
    completedOn: complete ? utcDateFromIsoDate(assessedOn) : null,
    completedById: complete ? coordinatorId : null,
  });
  for (const code of riskCodes) {
    const entry = ctx.riskCodeCatalogue.get(code);
    if (!entry) throw new Error(`Risk code ${code} is not in the catalogue`);
    const meaning = {
      title: entry.title,
      guidance: entry.guidance,
      conflictsWith: entry.conflictsWith,
      catalogueVersion: entry.version,
    };
    rows.assessmentRiskCodes.push({
      assessmentId,
      riskCodeId: entry.id,
      ...meaning,
      note: code === "NA" ? "Not to work alongside co-defendants (names in the case notes)." : null,
    });
  }

  const home = choosePlacement(rng, region, riskCodes, gender, rosh, womenOnly);
  const induction = region.placements.find((p) => p.type === "INDUCTION");
  const ete = region.placements.find((p) => p.type === "ETE");
  if (!induction || !ete) throw new Error(`Region ${region.code} has no induction or ETE placement`);
  const required = plan.hoursOrdered * 60;
  const effectiveEnd = plan.extension ? plan.extension.newEndDate : addCalendarMonths(plan.sentenceDate, 12);
  const ref: CaseRef = { requirementId, orderId, region, coordinatorId, court };
  const eteCap = Math.floor(0.3 * plan.hoursOrdered * 60);
  const eteMinutes =
    plan.ete === "FULL" ? eteCap : plan.ete === "SOME" ? 30 * Math.floor((eteCap * (0.3 + rng.next() * 0.6)) / 30) : 0;

  const history = recordHistory(rng, ctx.book, rows, {
    requirementId,
    requiredMinutes: required,
    home,
    induction,
    inductionFrom: complete ? plan.inductionFrom : null,
    workFrom: plan.inductionFrom ?? plan.sentenceDate,
    workUntil: minIsoDate(plan.workUntil, addDays(effectiveEnd, 1), today),
    anchorUntil: minIsoDate(plan.anchorUntil ?? plan.workUntil, addDays(effectiveEnd, 1), today),
    targetMinutes: !complete
      ? 0
      : plan.targetFraction >= 1
        ? required
        : Math.min(required - 60, Math.round(required * plan.targetFraction)),
    eteMinutes,
    etePlacementName: ete.name,
    failuresFrom: plan.failuresFrom,
    acceptedAbsences: plan.acceptedAbsences,
    thirdAbsence: plan.thirdAbsence,
    lateStart: plan.lateStart,
    startDeadline: plan.startDeadline,
    stopAfterLastFailure: plan.stopAfterLastFailure,
    consent: gender === "FEMALE" && home.type === "GROUP",
    coordinatorId,
  });

  const { revokedOn } = recordEnforcement(rng, rows, today, plan, ref, history);
  recordExtension(rng, rows, plan, ref);
  if (plan.thirdAbsence) recordThirdAbsenceApproval(rng, rows, history, ref, plan.thirdAbsence);
  recordIncidents(rng, rows, history, ref);

  const completedOn = history.completedOn;
  const terminatedOn =
    revokedOn ??
    (plan.termination?.reason === "EXPIRED_INCOMPLETE"
      ? minIsoDate(addDays(effectiveEnd, plan.termination.after), addDays(today, -1))
      : null);
  const status = terminatedOn && !completedOn ? "TERMINATED" : completedOn ? "COMPLETED" : "ACTIVE";
  recordReviews(rng, rows, today, plan.sentenceDate, completedOn ?? terminatedOn, ref);
  recordNotes(rng, rows, plan.sentenceDate, today, ref);

  const openProceedings = plan.enforcement === "BREACH_OPEN" || plan.enforcement === "WARRANT";
  const bookable =
    status === "ACTIVE" && complete && !openProceedings && effectiveEnd >= today && history.firstAttendedOn !== null;
  // Next sessions already booked (work instructions issued) for cases that are moving.
  if (status === "ACTIVE" && complete && plan.enforcement !== "WARRANT") {
    const until = minIsoDate(addDays(today, 28), addDays(effectiveEnd, 1));
    if (plan.futureInduction) {
      const slot = ctx.book.findSlot(
        induction,
        maxIsoDate(today, addDays(plan.sentenceDate, 1)),
        addDays(today, 14),
        requirementId,
      );
      if (slot) ctx.book.book(slot, requirementId, { createdById: coordinatorId });
    }
    let from = addDays(today, rng.int(0, 4));
    for (let i = 0; i < plan.futureBookings && history.firstAttendedOn; i++) {
      const slot = ctx.book.findSlot(home, from, until, requirementId);
      if (!slot) break;
      ctx.book.book(slot, requirementId, {
        createdById: coordinatorId,
        consentRecorded: gender === "FEMALE" && home.type === "GROUP",
      });
      from = addDays(slot.date, rng.int(5, 9));
    }
  }

  rows.requirements.push({
    id: requirementId,
    orderId,
    personId,
    regionId: region.id,
    pduId: pdu.id,
    managedBy,
    orderType: plan.orderType,
    sentenceDate: utcDateFromIsoDate(plan.sentenceDate),
    hoursOrdered: plan.hoursOrdered,
    originalHoursOrdered: plan.originalHours,
    minutesCredited: history.totalMinutes,
    minutesEte: history.eteMinutes,
    status,
    terminationReason: status === "TERMINATED" ? (plan.termination?.reason ?? "OTHER") : null,
    commencedOn: history.firstAttendedOn ? utcDateFromIsoDate(history.firstAttendedOn) : null,
    completedOn: status === "COMPLETED" && completedOn ? utcDateFromIsoDate(completedOn) : null,
    terminatedOn: status === "TERMINATED" && terminatedOn ? utcDateFromIsoDate(terminatedOn) : null,
    restricted: false,
    coordinatorId,
  });
  return {
    requirementId,
    scenario: plan.scenario,
    status,
    riskCodes,
    gender,
    bookable,
    effectiveEnd,
    consent: gender === "FEMALE",
  };
}
