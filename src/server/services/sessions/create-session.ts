import "server-only";
import { formatDateWithDay, utcDateFromIsoDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { loadRuleContext, type ServiceOptions } from "../context";
import { failure, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { createSessionInput, type CreateSessionInput } from "./create-session.types";
import { loadSessionView } from "./load-session-view";
import { checkSupervisor, checkTimes, findPlacementForSessions } from "./session-setup";
import { checkGroupCapacity, checkSupervisorFree, lockSupervisor } from "./supervisor-checks";
import type { SessionView } from "./session-view.types";

/** Adds one session to a placement in the caller's region (capacity defaults to the placement's). */
export async function createSession(
  actor: AppUser,
  rawInput: CreateSessionInput,
  options?: ServiceOptions,
): Promise<CommandResult<SessionView>> {
  const input = createSessionInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const placement = await findPlacementForSessions(tx, actor, input.placementId);
    assertCan(actor, "session.create");
    if (!placement.active)
      return failure("CONFLICT", "This placement is no longer active, so no sessions can be added.", {
        field: "placementId",
      });
    const problem =
      checkTimes(input.startTime, input.endTime) ?? (await checkSupervisor(tx, placement.regionId, input.supervisorId));
    if (problem) return problem;
    const { policy, calendar } = await loadRuleContext(tx, { regionId: placement.regionId, on: input.date });
    // A single session on a bank holiday is allowed, but only when the coordinator confirms it (a weekly series skips them).
    if (calendar.has(input.date) && !input.bankHolidayConfirmed) {
      return failure(
        "BANK_HOLIDAY_CONFIRMATION_REQUIRED",
        `${formatDateWithDay(input.date)} is a bank holiday. Confirm that the session should still go ahead, or choose another date.`,
        {
          field: "bankHolidayConfirmed",
        },
      );
    }
    const tooLarge = checkGroupCapacity(placement.type, input.capacity ?? placement.capacity, policy);
    if (tooLarge) return tooLarge;
    if (input.supervisorId) {
      await lockSupervisor(tx, input.supervisorId);
      const busy = await checkSupervisorFree(tx, {
        supervisorId: input.supervisorId,
        dates: [input.date],
        startTime: input.startTime,
        endTime: input.endTime,
      });
      if (busy) return busy;
    }

    const session = await tx.session.create({
      data: {
        placementId: placement.id,
        date: utcDateFromIsoDate(input.date),
        startTime: input.startTime,
        endTime: input.endTime,
        supervisorId: input.supervisorId ?? null,
        capacity: input.capacity ?? placement.capacity,
        pickUpPoint: input.pickUpPoint ?? null,
        pickUpTime: input.pickUpTime ?? null,
      },
      select: { id: true },
    });
    await audit(tx, actor, {
      action: "session.create",
      entityType: "Session",
      entityId: session.id,
      regionId: placement.regionId,
      after: input,
    });
    return success(await loadSessionView(tx, actor, session.id));
  });
}
