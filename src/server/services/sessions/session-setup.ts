import "server-only";
import { minutesSinceMidnight } from "@/domain";
import { isUuid } from "../uuid";
import { notFound, regionFilter, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { invalidInput, type InputRefusal } from "../result";

// Shared steps of create-session and create-session-series (internal to ./sessions).

export type PlacementForSessions = { id: string; regionId: string; type: string; capacity: number; active: boolean };

/** The placement, if it is in the caller's region; else not found. */
export async function findPlacementForSessions(
  tx: Tx,
  actor: AppUser,
  placementId: string,
): Promise<PlacementForSessions> {
  if (!isUuid(placementId)) throw notFound("placement");
  const placement = await tx.placement.findFirst({
    where: { id: placementId, ...regionFilter(actor) },
    select: { id: true, regionId: true, type: true, capacity: true, active: true },
  });
  if (!placement) throw notFound("placement");
  return placement;
}

/** Session times: the end after the start. */
export function checkTimes(startTime: string, endTime: string): InputRefusal | null {
  return minutesSinceMidnight(endTime) > minutesSinceMidnight(startTime)
    ? null
    : invalidInput("endTime", "The end time must be after the start time.");
}

/** A supervisor must be an active SUPERVISOR of the placement's region. */
export async function checkSupervisor(
  tx: Tx,
  regionId: string,
  supervisorId: string | null | undefined,
): Promise<InputRefusal | null> {
  if (!supervisorId) return null;
  const supervisor = isUuid(supervisorId)
    ? await tx.user.findFirst({
        where: { id: supervisorId, role: "SUPERVISOR", regionId, active: true },
        select: { id: true },
      })
    : null;
  return supervisor ? null : invalidInput("supervisorId", "Choose a supervisor who works in this placement's region.");
}
