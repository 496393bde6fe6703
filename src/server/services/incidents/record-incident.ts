import "server-only";
import { londonDateAndTime, londonInstant } from "@/domain/london-time";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { requireVisibleSession } from "../visible-records";
import { type ServiceOptions } from "../context";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { recordIncidentInput, type IncidentView, type RecordIncidentInput } from "./record-incident.types";

/**
 * Records an incident on a session (behaviour, injury, near miss, threat to staff): who may is
 * the session's own supervisor, or a coordinator or manager of its region. When it names a
 * person, that person must be booked on the session; it then shows on their case timeline.
 */
export async function recordIncident(
  actor: AppUser,
  rawInput: RecordIncidentInput,
  options?: ServiceOptions,
): Promise<CommandResult<IncidentView>> {
  const input = recordIncidentInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const session = await requireVisibleSession(tx, actor, input.sessionId);
    assertCan(actor, "incident.record");
    if (session.status === "CANCELLED") {
      return failure("SESSION_CANCELLED", "This session was cancelled, so no incident can be recorded on it.");
    }

    const caseId = input.caseId ?? null;
    if (caseId) {
      // Only someone booked on this session (and, for a restricted case, visible to the caller).
      const booked = await tx.allocation.findFirst({
        where: { sessionId: session.id, requirementId: caseId, status: "BOOKED", requirement: { restricted: false } },
        select: { id: true },
      });
      const restrictedButVisible =
        !booked &&
        (await tx.allocation.findFirst({
          where: {
            sessionId: session.id,
            requirementId: caseId,
            status: "BOOKED",
            requirement: { access: { some: { userId: actor.id } } },
          },
          select: { id: true },
        }));
      if (!booked && !restrictedButVisible)
        return invalidInput("caseId", "Choose someone booked on this session, or nobody in particular.");
    }

    const occurredAt = londonInstant(session.date, input.occurredAt);
    const incident = await tx.incident.create({
      data: {
        sessionId: session.id,
        requirementId: caseId,
        type: input.type,
        occurredAt,
        description: input.description,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    const when = londonDateAndTime(occurredAt);
    const view: IncidentView = {
      id: incident.id,
      sessionId: session.id,
      caseId,
      type: input.type,
      occurredOn: when.date,
      occurredAt: when.time,
      description: input.description,
    };
    await audit(tx, actor, {
      action: "incident.record",
      entityType: "Incident",
      entityId: incident.id,
      regionId: session.regionId,
      after: view,
    });
    return success(view);
  });
}
