import "server-only";
import { formatHoursAndMinutes, refuse, utcDateFromIsoDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { requirementTotals, saveRequirementTotals } from "../attendance/requirement-totals";
import type { CaseView } from "../cases/case-view.types";
import { loadCaseView } from "../cases/load-case-view";
import { loadRequirementFacts } from "../load-requirement-facts";
import { lockRequirement } from "../row-locks";
import { requireVisibleRequirement } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { decideEarnedReductionInput, type DecideEarnedReductionInput } from "./decide-earned-reduction.types";

// Sentencing Act 2026 s.37 (Sch 9 para 3A(1)(d)–(e))
/**
 * Records the responsible officer's view on the earned reduction the app proposes: coordinators
 * and managers of the region, for an active requirement that has reached the qualifying amount
 * since s.37 commenced. A confirmation lowers the hours required now (and may complete the work);
 * a refusal leaves them as ordered. Either can be recorded again later; the latest stands.
 * A disqualifying record (an unacceptable absence, being sent home for not working) must be
 * corrected first if it was wrong — the officer cannot confirm over it.
 */
export async function decideEarnedReduction(
  actor: AppUser,
  rawInput: DecideEarnedReductionInput,
  options?: ServiceOptions,
): Promise<CommandResult<CaseView>> {
  const input = decideEarnedReductionInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleRequirement(tx, actor, input.caseId);
    assertCan(actor, "case.earnedReduction");
    await lockRequirement(tx, visible.id);
    const facts = await loadRequirementFacts(tx, visible.id, today);
    if (!facts) throw new Error(`Requirement ${visible.id} vanished while it was locked`);
    const { view } = facts;
    const reduction = view.earnedReduction;

    if (view.status !== "ACTIVE") {
      return failure(
        refuse("REQUIREMENT_NOT_ACTIVE", "A reduction can only be decided for an active requirement.", {
          details: { status: view.status },
        }),
      );
    }
    if (reduction.status === "NOT_IN_FORCE") {
      return failure(
        "EARNED_REDUCTION_NOT_AVAILABLE",
        "The earned reduction of hours is not in force yet: an administrator records the date it commences.",
        { field: "decision" },
      );
    }
    if (reduction.status === "NOT_YET_QUALIFIED") {
      return failure(
        "EARNED_REDUCTION_NOT_AVAILABLE",
        `The person has not yet worked the qualifying amount of ${formatHoursAndMinutes(reduction.qualifyingMinutes)}.`,
        { field: "decision", details: { qualifyingMinutes: reduction.qualifyingMinutes } },
      );
    }
    if (reduction.status === "DISQUALIFIED" && input.decision === "CONFIRM") {
      const failureOn = reduction.disqualifyingFailure;
      return failure(
        "EARNED_REDUCTION_NOT_AVAILABLE",
        "A failure is recorded before the qualifying amount was reached. If it had a reasonable excuse, correct that attendance record first; then the reduction can be confirmed.",
        { field: "decision", details: { failure: failureOn } },
      );
    }

    const decision = input.decision === "CONFIRM" ? "CONFIRMED" : "REFUSED";
    const before = { decision: reduction.decision, minutesRequired: view.requiredMinutes, status: view.status };
    const row = await tx.earnedReductionDecision.create({
      data: {
        requirementId: visible.id,
        decision,
        decidedOn: utcDateFromIsoDate(today),
        note: input.note || null,
        decidedById: actor.id,
      },
      select: { id: true, createdAt: true },
    });
    // The hours required change, so the stored totals and completion are replayed (R7).
    const decisions = [
      ...(facts.earnedReductionDecisions ?? []),
      { decision, decidedOn: today, recordedAt: row.createdAt.toISOString() } as const,
    ];
    const totals = requirementTotals({ ...facts, earnedReductionDecisions: decisions });
    await saveRequirementTotals(tx, visible.id, totals);
    await tx.requirement.update({ where: { id: visible.id }, data: { version: { increment: 1 } } });

    const after = await loadCaseView(tx, visible.id, today);
    await audit(tx, actor, {
      action: "earned-reduction.decide",
      entityType: "Requirement",
      entityId: visible.id,
      regionId: visible.regionId,
      before,
      after: {
        decision,
        note: input.note || null,
        minutesRequired: after.minutesRequired,
        status: after.status,
        earnedReduction: after.earnedReduction,
      },
    });
    return success(after);
  });
}
