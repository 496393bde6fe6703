import "server-only";
import { isoDateFromUtcDate, type IsoDate } from "@/domain";
import type { Tx } from "@/server/db/create-client";
import { loadRequirementFacts } from "../context";
import type { CaseView } from "./case-view.types";

/**
 * The case as api.md describes it, as of `asOf`. No scope check: callers have already
 * found the requirement with requireVisibleRequirement (or just created it).
 */
export async function loadCaseView(tx: Tx, requirementId: string, asOf: IsoDate): Promise<CaseView> {
  const facts = await loadRequirementFacts(tx, requirementId, asOf);
  const row = await tx.requirement.findUniqueOrThrow({
      where: { id: requirementId },
      select: {
        terminationReason: true,
        restricted: true,
        person: { select: { id: true, crn: true, firstName: true, lastName: true, dateOfBirth: true, gender: true } },
        order: { select: { court: true } },
        region: { select: { code: true } },
        pdu: { select: { code: true } },
      },
    });
  if (!facts) throw new Error(`Requirement ${requirementId} vanished while loading its case view`);
  const { view, assessment } = facts;
  return {
    id: facts.id,
    asOf,
    personId: row.person.id,
    crn: row.person.crn,
    firstName: row.person.firstName,
    lastName: row.person.lastName,
    dateOfBirth: isoDateFromUtcDate(row.person.dateOfBirth),
    gender: row.person.gender,
    region: row.region.code,
    pdu: row.pdu?.code ?? null,
    orderType: facts.orderType,
    managedBy: facts.managedBy,
    court: row.order.court,
    sentenceDate: facts.sentenceDate,
    hoursOrdered: view.hoursOrdered,
    requiredMinutes: view.requiredMinutes,
    minutesRequired: view.requiredMinutes,
    earnedReduction: {
      status: view.earnedReduction.status,
      qualifyingMinutes: view.earnedReduction.qualifyingMinutes,
      currentMinutes: view.earnedReduction.currentMinutes,
      projectedMinutes: view.earnedReduction.projectedMinutes,
      decision: view.earnedReduction.decision,
    },
    minutesCredited: view.minutesCredited,
    minutesEte: view.minutesEte,
    outstandingMinutes: view.outstandingMinutes,
    eteAllowanceMinutes: view.eteAllowanceMinutes,
    eteRemainingMinutes: view.eteRemainingMinutes,
    startDeadline: view.startDeadline,
    commencedOn: view.commencedOn,
    effectiveEndDate: view.twelveMonthPeriodApplies ? view.effectiveEndDate : null,
    // Before the sentence date there is no status "as of"; report the stored one.
    status: view.status ?? facts.status,
    terminationReason: row.terminationReason,
    completedOn: view.completedOn,
    inBacklog: view.inBacklog,
    dormant: view.dormant,
    underWarrant: view.underWarrant,
    openBreach: view.openBreach,
    rag: view.rag,
    assessmentComplete: assessment?.complete ?? false,
    rosh: assessment?.rosh ?? null,
    riskCodes: assessment?.riskCodes.map((r) => r.code) ?? [],
    eteEligible: assessment?.eteEligible ?? false,
    restricted: row.restricted,
    version: assessment?.version ?? 0,
  };
}
