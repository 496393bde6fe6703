import "server-only";
import { todayInLondon } from "@/domain";
import { seesSensitiveNotes, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { caseTimeline, timelineSelect } from "./case-timeline";
import { deriveRequirementViews } from "./requirement-facts";

/**
 * Everything the case page shows for one requirement the caller may see, or null (→ 404)
 * outside their region or restricted. It shows risk information: the page audits the view
 * (recordView in src/server/view-audit.ts), since a query writes nothing.
 */
export async function loadCaseDetail(user: AppUser, requirementId: string) {
  const scope = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: { id: true, regionId: true, coordinatorId: true },
  });
  if (!scope) return null;
  // Sensitive notes: managers and the case's own coordinator only (docs/domain.md §2).
  const seesSensitive = seesSensitiveNotes(user, scope.coordinatorId);
  const asOf = todayInLondon();

  const [requirement, views] = await Promise.all([
    db.requirement.findUniqueOrThrow({
      where: { id: scope.id },
      select: {
        id: true,
        status: true,
        terminationReason: true,
        restricted: true,
        hoursOrdered: true,
        originalHoursOrdered: true,
        person: {
          select: { crn: true, firstName: true, lastName: true, dateOfBirth: true, gender: true, ethnicity: true },
        },
        order: {
          select: {
            type: true,
            court: true,
            sentenceDate: true,
            managedBy: true,
            practitionerName: true,
            operationalPeriodEndsOn: true,
            supervisionPeriodEndsOn: true,
          },
        },
        pdu: { select: { name: true } },
        coordinator: { select: { name: true } },
        assessment: {
          select: {
            complete: true,
            completedOn: true,
            rosh: true,
            mappaCategory: true,
            mappaLevel: true,
            eteEligible: true,
            eteReason: true,
            womenOnlyPreference: true,
            riskCodes: {
              // Each code as it was recorded (decision 0074), not as the catalogue reads today.
              select: { note: true, title: true, guidance: true, riskCode: { select: { code: true } } },
              orderBy: { riskCode: { code: "asc" } },
            },
          },
        },
        ...timelineSelect(seesSensitive),
      },
    }),
    deriveRequirementViews(user, [scope.id], asOf),
  ]);
  const view = views.get(scope.id);
  if (!view) return null;

  const timeline = await caseTimeline(requirement, seesSensitive);

  const {
    id,
    status,
    terminationReason,
    restricted,
    hoursOrdered,
    originalHoursOrdered,
    person,
    order,
    pdu,
    coordinator,
    assessment,
  } = requirement;
  return {
    id,
    regionId: scope.regionId,
    status,
    terminationReason,
    restricted,
    hoursOrdered,
    originalHoursOrdered,
    person,
    order,
    pdu,
    coordinator,
    assessment,
    asOf,
    view,
    timeline,
    seesSensitive,
  };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof loadCaseDetail>>>;
