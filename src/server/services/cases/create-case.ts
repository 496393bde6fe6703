import "server-only";
import { requirementHoursSelect, toRequirementHours } from "../concurrent/requirement-hours";
import {
  checkAdultOnSentence,
  checkSsoPeriods,
  utcDateFromIsoDate,
  validateHoursOrdered,
  warnWhenOutstandingOver300,
  type OrderRelation,
  type RulePolicy,
  type RuleWarning,
} from "@/domain";
import { AccessError, assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import { loadRuleContext, todayFor, type ServiceOptions } from "../context";
import {
  allProblems,
  failure,
  invalidInput,
  success,
  type CommandResult,
  type InputRefusal,
  type ServiceFailure,
} from "../result";
import { inTransaction } from "../transaction";
import type { CaseView } from "./case-view.types";
import { createCaseInput, type CreateCaseInput } from "./create-case.types";
import { loadCaseView } from "./load-case-view";

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase("en-GB") === b.trim().toLocaleLowerCase("en-GB");

/**
 * Takes a new case in: the person (by CRN), the order and its unpaid work requirement, with an
 * empty assessment to complete. A CRN already on record attaches the new order to that person
 * when the name and date of birth match (a second order for the same person); otherwise it is
 * DUPLICATE_CRN. Coordinators and managers create cases in their own region only (403).
 */
export async function createCase(
  actor: AppUser,
  rawInput: CreateCaseInput,
  options?: ServiceOptions,
): Promise<CommandResult<CaseView>> {
  const input = createCaseInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const region = await tx.region.findUnique({ where: { code: input.region }, select: { id: true, code: true } });
    if (!region) return invalidInput("region", `There is no region with the code ${input.region}.`);
    assertCan(actor, "case.create");
    if (actor.regionId !== region.id) {
      throw new AccessError("FORBIDDEN", "You can only take in cases for your own region.");
    }
    // Every check of the record is made, and every problem reported at once (issue 13).
    const refusals: (ServiceFailure | InputRefusal)[] = [];
    const pdu = input.pdu
      ? await tx.pdu.findFirst({ where: { code: input.pdu, regionId: region.id }, select: { id: true } })
      : null;
    if (input.pdu && !pdu)
      refusals.push(invalidInput("pdu", `There is no PDU with the code ${input.pdu} in ${region.code}.`));
    if (input.sentenceDate > today)
      refusals.push(invalidInput("sentenceDate", "The sentence date cannot be in the future."));
    if (input.dateOfBirth >= input.sentenceDate) {
      refusals.push(invalidInput("dateOfBirth", "The date of birth must be before the sentence date."));
    } else {
      // Unpaid work is for adults: 18 or over on the sentence date.
      const adult = checkAdultOnSentence({ dateOfBirth: input.dateOfBirth, sentenceDate: input.sentenceDate });
      if (!adult.ok) refusals.push(failure(adult));
    }
    const periods = checkSsoPeriods(input);
    if (!periods.ok) refusals.push(invalidInput(periods.field, periods.message));

    // R1, with the law in force on the sentence date.
    const { policy } = await loadRuleContext(tx, { regionId: region.id, on: input.sentenceDate });
    const hours = validateHoursOrdered(input.hoursOrdered, policy);
    if (!hours.ok) refusals.push(failure(hours));

    const existing = await tx.person.findUnique({
      where: { crn: input.crn },
      select: { id: true, firstName: true, lastName: true, dateOfBirth: true },
    });
    if (existing) {
      const matches =
        sameName(existing.firstName, input.firstName) &&
        sameName(existing.lastName, input.lastName) &&
        existing.dateOfBirth.getTime() === utcDateFromIsoDate(input.dateOfBirth).getTime();
      const sameOrder = matches
        ? await tx.order.findFirst({
            where: {
              personId: existing.id,
              sentenceDate: utcDateFromIsoDate(input.sentenceDate),
              court: input.court,
              type: input.orderType,
            },
            select: { id: true },
          })
        : null;
      if (!matches) {
        refusals.push(
          failure(
            "DUPLICATE_CRN",
            `CRN ${input.crn} already belongs to someone with a different name or date of birth. Check the CRN.`,
            { field: "crn" },
          ),
        );
      } else if (sameOrder) {
        refusals.push(
          failure(
            "DUPLICATE_CRN",
            `CRN ${input.crn} already has a ${input.orderType === "COMMUNITY_ORDER" ? "community order" : "suspended sentence order"} from ${input.court} on this sentence date.`,
            {
              field: "crn",
              details: { orderId: sameOrder.id },
            },
          ),
        );
      }
    }
    const refused = allProblems(refusals);
    if (refused) return refused;
    if (!hours.ok) return failure(hours); // (already among the refusals: this only narrows the type)

    const relation = await checkRelation(tx, input, existing?.id ?? null);
    if (!relation.ok) return relation;

    const sentenceDate = utcDateFromIsoDate(input.sentenceDate);
    const person =
      existing ??
      (await tx.person.create({
        data: {
          crn: input.crn,
          firstName: input.firstName,
          lastName: input.lastName,
          dateOfBirth: utcDateFromIsoDate(input.dateOfBirth),
          gender: input.gender,
          ethnicity: input.ethnicity ?? null,
          phone: input.phone ?? null,
        },
        select: { id: true },
      }));
    const order = await tx.order.create({
      data: {
        personId: person.id,
        type: input.orderType,
        sentenceDate,
        court: input.court,
        managedBy: input.managedBy,
        practitionerName: input.practitionerName ?? null,
        operationalPeriodEndsOn: input.operationalPeriodEndsOn
          ? utcDateFromIsoDate(input.operationalPeriodEndsOn)
          : null,
        supervisionPeriodEndsOn: input.supervisionPeriodEndsOn
          ? utcDateFromIsoDate(input.supervisionPeriodEndsOn)
          : null,
        regionId: region.id,
        pduId: pdu?.id ?? null,
      },
      select: { id: true },
    });
    const requirement = await tx.requirement.create({
      data: {
        orderId: order.id,
        personId: person.id,
        regionId: region.id,
        pduId: pdu?.id ?? null,
        managedBy: input.managedBy,
        orderType: input.orderType,
        sentenceDate,
        hoursOrdered: hours.value,
        originalHoursOrdered: hours.value,
        coordinatorId: actor.role === "COORDINATOR" ? actor.id : null,
        orderRelation: relation.value?.relation ?? null,
        relatedRequirementId: relation.value?.relatedId ?? null,
        assessment: { create: {} },
      },
      select: { id: true },
    });
    await audit(tx, actor, {
      action: "requirement.create",
      entityType: "Requirement",
      entityId: requirement.id,
      regionId: region.id,
      after: { ...input, personId: person.id, orderId: order.id, attachedToExistingPerson: existing !== null },
    });

    const warning = await outstandingHoursWarning(tx, person.id, policy);
    return success(await loadCaseView(tx, requirement.id, today), warning ? [warning] : []);
  });
}

/**
 * Concurrent and consecutive orders (docs/decisions/0049): the relation names another requirement
 * of the SAME person (matched by CRN, name and date of birth above), in any region. A requirement
 * can have one consecutive successor, so the order of several consecutive orders is a chain.
 */
async function checkRelation(
  tx: Tx,
  input: ReturnType<typeof createCaseInput.parse>,
  personId: string | null,
): Promise<{ ok: true; value: { relation: OrderRelation; relatedId: string } | null } | InputRefusal> {
  const relation = input.orderRelation ?? null;
  const relatedId = input.relatedCaseId ?? null;
  if (relation === null && relatedId === null) return { ok: true, value: null };
  if (relation === null)
    return invalidInput(
      "orderRelation",
      "Say whether this requirement runs at the same time as the other one or after it.",
    );
  if (relatedId === null) return invalidInput("relatedCaseId", "Choose the requirement this one runs with.");
  const related = personId
    ? await tx.requirement.findFirst({
        where: { id: relatedId, personId },
        select: { id: true, relatedBy: { where: { orderRelation: "CONSECUTIVE" }, select: { id: true } } },
      })
    : null;
  if (!related)
    return invalidInput(
      "relatedCaseId",
      "This person has no other requirement with that reference. Check the CRN and the requirement chosen.",
    );
  if (relation === "CONSECUTIVE" && related.relatedBy.length > 0) {
    return invalidInput(
      "relatedCaseId",
      "Another requirement already runs after that one. Choose the last requirement in the sequence.",
    );
  }
  return { ok: true, value: { relation, relatedId: related.id } };
}

// R1: warn (never block) when the person's outstanding hours across active requirements exceed 300.
async function outstandingHoursWarning(tx: Tx, personId: string, policy: RulePolicy): Promise<RuleWarning | null> {
  const requirements = await tx.requirement.findMany({
    where: { personId },
    select: requirementHoursSelect,
  });
  // A concurrent pair counts once (0049).
  return warnWhenOutstandingOver300(requirements.map(toRequirementHours), policy);
}
