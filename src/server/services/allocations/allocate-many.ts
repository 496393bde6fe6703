import "server-only";
import type { Refusal } from "@/domain";
import { AccessError, assertCan, type AppUser } from "@/server/auth/access";
import { requireVisibleSession } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { allocate } from "./allocate";
import { allocateManyInput, type AllocateManyInput, type AllocateManyView } from "./allocate-many.types";

// R10
/**
 * Books several people on one session in one go (the session page's "add people"). Each person
 * goes through the one booking service in turn, under the session's lock, so the checks for the
 * second person see the first one's booking (capacity, the lone-woman rule, non-association).
 * A refusal writes nothing for that person and does not stop the others; each booking is audited
 * by `allocate` itself. A session outside the caller's region is not found.
 */
export async function allocateMany(
  actor: AppUser,
  rawInput: AllocateManyInput,
  options?: ServiceOptions,
): Promise<ServiceResult<AllocateManyView>> {
  const input = allocateManyInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const session = await requireVisibleSession(tx, actor, input.sessionId);
    assertCan(actor, "allocation.create");
    const view: AllocateManyView = { sessionId: session.id, booked: [], refused: [] };
    for (const booking of input.bookings) {
      try {
        const result = await allocate(
          actor,
          { ...booking, sessionId: session.id, ...(input.retrospective ? { retrospective: true } : {}) },
          { tx, today },
        );
        if (result.ok) {
          view.booked.push(result.value);
        } else {
          const refusals = (result.details?.refusals as Refusal[] | undefined) ?? [
            { code: result.code, message: result.message },
          ];
          const who = await tx.requirement.findUniqueOrThrow({
            where: { id: booking.caseId },
            select: { person: { select: { crn: true, firstName: true, lastName: true } } },
          });
          view.refused.push({
            caseId: booking.caseId,
            crn: who.person.crn,
            personName: `${who.person.firstName} ${who.person.lastName}`,
            code: result.code,
            message: result.message,
            refusals: refusals.map((r) => ({ code: r.code, message: r.message })),
          });
        }
      } catch (error) {
        // A case outside the caller's reach is refused like any other, without saying more.
        if (!(error instanceof AccessError) || error.code !== "NOT_FOUND") throw error;
        view.refused.push({
          caseId: booking.caseId,
          crn: null,
          personName: null,
          code: "NOT_FOUND",
          message: "This case could not be found in your region.",
          refusals: [],
        });
      }
    }
    return success(view);
  });
}
