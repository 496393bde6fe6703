import "server-only";
import {
  formatDate,
  isoDateFromUtcDate,
  timesOverlap,
  utcDateFromIsoDate,
  type IsoDate,
  type RulePolicy,
} from "@/domain";
import type { Tx } from "@/server/db/create-client";
import { isUuid } from "../uuid";
import { failure, type ServiceFailure } from "../result";

// R10 (second round): a supervisor cannot run overlapping sessions, and a group session has at
// most the policy's number of people per supervisor. Internal to the session services.

/** Locks the supervisor's user row, so two sessions given to them at once cannot both pass the overlap check. */
export async function lockSupervisor(tx: Tx, supervisorId: string): Promise<void> {
  if (!isUuid(supervisorId)) return;
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${supervisorId}::uuid FOR UPDATE`;
}

// R10
/** SUPERVISOR_DOUBLE_BOOKED when the supervisor already runs a live session overlapping any of these dates and times. */
export async function checkSupervisorFree(
  tx: Tx,
  input: {
    supervisorId: string | null | undefined;
    dates: readonly IsoDate[];
    startTime: string;
    endTime: string;
    excludeSessionId?: string;
  },
): Promise<ServiceFailure | null> {
  if (!input.supervisorId || input.dates.length === 0) return null;
  const sessions = await tx.session.findMany({
    where: {
      supervisorId: input.supervisorId,
      date: { in: input.dates.map(utcDateFromIsoDate) },
      status: { in: ["SCHEDULED", "CLOSED"] },
      ...(input.excludeSessionId ? { id: { not: input.excludeSessionId } } : {}),
    },
    select: { id: true, date: true, startTime: true, endTime: true, placement: { select: { name: true } } },
    orderBy: [{ date: "asc" }, { startTime: "asc" }],
  });
  const clash = sessions.find((s) => timesOverlap(s, input));
  if (!clash) return null;
  const date = isoDateFromUtcDate(clash.date);
  return failure(
    "SUPERVISOR_DOUBLE_BOOKED",
    `This supervisor already runs ${clash.placement.name} from ${clash.startTime} to ${clash.endTime} on ${formatDate(date)}. Choose another supervisor or other times.`,
    {
      field: "supervisorId",
      details: { clash: { sessionId: clash.id, date, startTime: clash.startTime, endTime: clash.endTime } },
    },
  );
}

// R10
/** SUPERVISOR_GROUP_TOO_LARGE when a group session is given more places than one supervisor may take. */
export function checkGroupCapacity(placementType: string, capacity: number, policy: RulePolicy): ServiceFailure | null {
  if (placementType !== "GROUP" || capacity <= policy.maxPeoplePerSupervisor) return null;
  return failure(
    "SUPERVISOR_GROUP_TOO_LARGE",
    `One supervisor can take at most ${policy.maxPeoplePerSupervisor} people on a group session in this region, so a session cannot have ${capacity} places. Add another session instead.`,
    { field: "capacity", details: { limit: policy.maxPeoplePerSupervisor } },
  );
}
