import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { utcDateFromIsoDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { requireVisibleRequirement } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, invalidInput, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import type { CaseView } from "./case-view.types";
import { loadCaseView } from "./load-case-view";
import { conflictsWarning, futureSessionsOf, recheckSessions } from "../allocations/recheck-bookings";
import { saveAssessmentInput, type SaveAssessmentInput } from "./save-assessment.types";

const assessmentAudit = {
  rosh: true,
  mappaCategory: true,
  mappaLevel: true,
  eteEligible: true,
  eteReason: true,
  availability: true,
  womenOnlyPreference: true,
  complete: true,
  completedOn: true,
  version: true,
  riskCodes: { select: { riskCode: { select: { code: true } } } },
  nonAssociations: { select: { personId: true } },
} satisfies Prisma.AssessmentSelect;

const codesOf = (rows: readonly { riskCode: { code: string } }[]) =>
  rows
    .map((r) => r.riskCode.code)
    .sort()
    .join(",");
const idsOf = (rows: readonly { personId: string }[]) =>
  rows
    .map((r) => r.personId)
    .sort()
    .join(",");

/**
 * Saves the post-sentence assessment (optimistic locking on its version → STALE_VERSION).
 * Risk codes must be in the national catalogue; marking it complete records who and when,
 * which R10 requires before the first work session is booked.
 */
export async function saveAssessment(
  actor: AppUser,
  rawInput: SaveAssessmentInput,
  options?: ServiceOptions,
): Promise<CommandResult<CaseView>> {
  const input = saveAssessmentInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const requirement = await requireVisibleRequirement(tx, actor, input.caseId);
    assertCan(actor, "case.assess");
    if (requirement.status !== "ACTIVE") {
      return failure(
        "REQUIREMENT_NOT_ACTIVE",
        "This requirement is no longer active, so its assessment cannot be changed.",
      );
    }

    // Decision 0074: a code already on the assessment keeps the meaning it was recorded with (even
    // if the code has since been retired); a code added now takes the catalogue's meaning today.
    const recorded = new Set(
      (
        await tx.assessmentRiskCode.findMany({
          where: { assessment: { requirementId: requirement.id } },
          select: { riskCode: { select: { code: true } } },
        })
      ).map((r) => r.riskCode.code),
    );
    const catalogue = await tx.riskCode.findMany({
      where: { code: { in: input.riskCodes } },
      select: { id: true, code: true, active: true, title: true, guidance: true, conflictsWith: true, version: true },
    });
    const unknown = input.riskCodes.filter(
      (code) => !catalogue.some((c) => c.code === code && (c.active || recorded.has(code))),
    );
    if (unknown.length > 0) {
      return invalidInput(
        "riskCodes",
        `${unknown.join(", ")} ${unknown.length === 1 ? "is not a risk code" : "are not risk codes"} in the national catalogue.`,
      );
    }

    const named = input.nonAssociations
      ? await tx.person.findMany({ where: { crn: { in: input.nonAssociations } }, select: { id: true, crn: true } })
      : null;
    if (input.nonAssociations && named) {
      const missing = input.nonAssociations.filter((crn) => !named.some((p) => p.crn === crn));
      if (missing.length > 0) return invalidInput("nonAssociations", `No person has the CRN ${missing.join(", ")}.`);
      if (named.some((p) => p.id === requirement.personId))
        return invalidInput("nonAssociations", "A person cannot be named as a non-association of themselves.");
    }

    const before = await tx.assessment.findUnique({
      where: { requirementId: requirement.id },
      select: { id: true, completedById: true, ...assessmentAudit },
    });
    const data = {
      rosh: input.rosh,
      mappaCategory: input.mappaCategory ?? null,
      mappaLevel: input.mappaLevel ?? null,
      healthNotes: input.healthNotes ?? null,
      adjustments: input.adjustments ?? null,
      skills: input.skills ?? null,
      availability:
        input.availability === undefined ? undefined : input.availability === null ? Prisma.DbNull : input.availability,
      caringDuties: input.caringDuties ?? null,
      employment: input.employment ?? null,
      religiousObservance: input.religiousObservance ?? null,
      eteEligible: input.eteEligible,
      eteReason: input.eteEligible ? (input.eteReason ?? null) : null,
      womenOnlyPreference: input.womenOnlyPreference ?? before?.womenOnlyPreference ?? false,
      notes: input.notes ?? null,
      complete: input.complete,
      // Keep the first completion date when a complete assessment is edited.
      completedOn: input.complete ? (before?.complete ? before.completedOn : utcDateFromIsoDate(today)) : null,
      completedById: input.complete ? (before?.complete ? before.completedById : actor.id) : null,
    };

    // Optimistic lock: the write only happens if nobody saved since the caller read `version`.
    let assessmentId: string;
    if (before) {
      const updated = await tx.assessment.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) return staleVersion("assessment");
      assessmentId = before.id;
    } else {
      if (input.version !== 0) return staleVersion("assessment");
      assessmentId = (
        await tx.assessment.create({ data: { ...data, requirementId: requirement.id }, select: { id: true } })
      ).id;
    }
    await tx.assessmentRiskCode.deleteMany({ where: { assessmentId, riskCode: { code: { notIn: input.riskCodes } } } });
    await tx.assessmentRiskCode.createMany({
      data: catalogue
        .filter((c) => !recorded.has(c.code))
        .map((c) => ({
          assessmentId,
          riskCodeId: c.id,
          title: c.title,
          guidance: c.guidance,
          conflictsWith: c.conflictsWith,
          catalogueVersion: c.version,
        })),
    });
    if (named) {
      await tx.nonAssociation.deleteMany({ where: { assessmentId } });
      await tx.nonAssociation.createMany({ data: named.map((p) => ({ assessmentId, personId: p.id })) });
    }

    const after = await tx.assessment.findUniqueOrThrow({ where: { id: assessmentId }, select: assessmentAudit });
    await audit(tx, actor, {
      action: before?.complete === false && input.complete ? "assessment.complete" : "assessment.save",
      entityType: "Assessment",
      entityId: assessmentId,
      regionId: requirement.regionId,
      before,
      after,
    });
    // R10: a change of risk codes, RoSH or non-associations re-checks every future booking.
    const riskChanged =
      before?.rosh !== after.rosh ||
      codesOf(before?.riskCodes ?? []) !== codesOf(after.riskCodes) ||
      (named !== null && idsOf(before?.nonAssociations ?? []) !== idsOf(after.nonAssociations));
    const warnings = [];
    if (riskChanged) {
      const conflicts = await recheckSessions(tx, {
        sessionIds: await futureSessionsOf(tx, requirement.id, today),
        regionId: requirement.regionId,
      });
      const warning = conflictsWarning(conflicts, requirement.id);
      if (warning) warnings.push(warning);
    }
    return success(await loadCaseView(tx, requirement.id, today), warnings);
  });
}
