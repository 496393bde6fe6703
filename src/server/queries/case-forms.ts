import "server-only";
import { isoDateFromUtcDate, todayInLondon } from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { deriveRequirementViews } from "./requirement-facts";

// Reads for the coordinator's forms that start from a case (header, assessment, ETE, extension,
// termination). Scoped like the case page: a case outside the caller's region, or restricted, is
// null (→ 404). Warnings and breaches are in case-enforcement.ts, the warning letter in
// warning-letter.ts.

/** The header every case form shows, with the figures its hints quote (ETE left, end date). */
export async function findCaseForForm(user: AppUser, requirementId: string) {
  const row = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: {
      id: true,
      status: true,
      regionId: true,
      hoursOrdered: true,
      person: { select: { crn: true, firstName: true, lastName: true } },
      order: { select: { court: true, sentenceDate: true } },
      assessment: { select: { complete: true, eteEligible: true } },
    },
  });
  if (!row) return null;
  const asOf = todayInLondon();
  const view = (await deriveRequirementViews(user, [row.id], asOf)).get(row.id);
  if (!view) return null;
  return {
    id: row.id,
    status: row.status,
    regionId: row.regionId,
    crn: row.person.crn,
    name: `${row.person.firstName} ${row.person.lastName}`,
    court: row.order.court,
    sentenceDate: isoDateFromUtcDate(row.order.sentenceDate),
    assessmentComplete: row.assessment?.complete ?? false,
    eteEligible: row.assessment?.eteEligible ?? false,
    asOf,
    view,
  };
}

export type CaseForForm = NonNullable<Awaited<ReturnType<typeof findCaseForForm>>>;

/**
 * The assessment as saved (or null before the first save), for the assessment form. It shows
 * the person's risk codes, so the page audits opening it like the case page (recordView).
 */
export async function findAssessmentForForm(user: AppUser, requirementId: string) {
  const row = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: {
      id: true,
      regionId: true,
      assessment: {
        select: {
          rosh: true,
          mappaCategory: true,
          mappaLevel: true,
          healthNotes: true,
          adjustments: true,
          skills: true,
          availability: true,
          caringDuties: true,
          employment: true,
          religiousObservance: true,
          eteEligible: true,
          eteReason: true,
          womenOnlyPreference: true,
          notes: true,
          complete: true,
          version: true,
          riskCodes: { select: { riskCode: { select: { code: true } } } },
          nonAssociations: { select: { person: { select: { crn: true } } } },
        },
      },
    },
  });
  if (!row) return null;
  const requirement = { id: row.id, regionId: row.regionId };
  if (!row.assessment) return { requirement, version: 0, assessment: null };
  const { riskCodes, nonAssociations, version, ...assessment } = row.assessment;
  return {
    requirement,
    version,
    assessment: {
      ...assessment,
      riskCodes: riskCodes.map((r) => r.riskCode.code),
      nonAssociations: nonAssociations.map((n) => n.person.crn),
    },
  };
}

/**
 * The national risk-code catalogue (active codes), each with its title and plain-language guidance,
 * plus any retired code the assessment already has, so saving the form does not drop it (decision 0074).
 */
export async function listRiskCodeCatalogue(alreadyRecorded: readonly string[] = []) {
  return db.riskCode.findMany({
    where: { OR: [{ active: true }, { code: { in: [...alreadyRecorded] } }] },
    select: { code: true, title: true, guidance: true },
    orderBy: { code: "asc" },
  });
}
