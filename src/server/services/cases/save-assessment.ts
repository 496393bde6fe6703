import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { utcDateFromIsoDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { requireVisibleRequirement, todayFor, type ServiceOptions } from "../context";
import { failure, invalidInput, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import type { CaseView } from "./case-view.types";
import { loadCaseView } from "./load-case-view";
import { saveAssessmentInput, type SaveAssessmentInput } from "./save-assessment.types";

const assessmentAudit = {
  rosh: true, mappaCategory: true, mappaLevel: true, eteEligible: true, eteReason: true, availability: true,
  womenOnlyPreference: true, complete: true, completedOn: true, version: true,
  riskCodes: { select: { riskCode: { select: { code: true } } } },
} satisfies Prisma.AssessmentSelect;

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
      return failure("REQUIREMENT_NOT_ACTIVE", "This requirement is no longer active, so its assessment cannot be changed.");
    }

    const catalogue = await tx.riskCode.findMany({ where: { code: { in: input.riskCodes }, active: true }, select: { id: true, code: true } });
    const unknown = input.riskCodes.filter((code) => !catalogue.some((c) => c.code === code));
    if (unknown.length > 0) {
      return invalidInput("riskCodes", `${unknown.join(", ")} ${unknown.length === 1 ? "is not a risk code" : "are not risk codes"} in the national catalogue.`);
    }

    const before = await tx.assessment.findUnique({ where: { requirementId: requirement.id }, select: { id: true, completedById: true, ...assessmentAudit } });
    const data = {
      rosh: input.rosh,
      mappaCategory: input.mappaCategory ?? null,
      mappaLevel: input.mappaLevel ?? null,
      healthNotes: input.healthNotes ?? null,
      adjustments: input.adjustments ?? null,
      skills: input.skills ?? null,
      availability: input.availability === undefined ? undefined : input.availability === null ? Prisma.DbNull : input.availability,
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
      assessmentId = (await tx.assessment.create({ data: { ...data, requirementId: requirement.id }, select: { id: true } })).id;
    }
    await tx.assessmentRiskCode.deleteMany({ where: { assessmentId } });
    await tx.assessmentRiskCode.createMany({ data: catalogue.map((c) => ({ assessmentId, riskCodeId: c.id })) });

    const after = await tx.assessment.findUniqueOrThrow({ where: { id: assessmentId }, select: assessmentAudit });
    await audit(tx, actor, {
      action: before?.complete === false && input.complete ? "assessment.complete" : "assessment.save",
      entityType: "Assessment",
      entityId: assessmentId,
      regionId: requirement.regionId,
      before,
      after,
    });
    return success(await loadCaseView(tx, requirement.id, today));
  });
}
