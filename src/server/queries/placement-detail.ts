import "server-only";
import { sessionLimit, todayInLondon, utcDateFromIsoDate } from "@/domain";
import { regionFilter, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";

// Reads for the placement page and the new-placement / new-session forms, scoped to the
// caller's region (another region's placement is null → 404).

/** How many upcoming sessions the placement page lists. */
export const PLACEMENT_UPCOMING_SESSIONS = 30;

/** One placement with its next sessions, each with how many are booked and how many may be (R10). */
export async function findPlacementDetail(user: AppUser, placementId: string) {
  const placement = await db.placement.findFirst({
    where: { id: placementId, ...regionFilter(user) },
    select: {
      id: true,
      name: true,
      type: true,
      address: true,
      postcode: true,
      description: true,
      whatToBring: true,
      capacity: true,
      features: true,
      needsMinibus: true,
      active: true,
      version: true,
      pdu: { select: { name: true } },
      beneficiary: { select: { name: true, kind: true, contactName: true, contactPhone: true } },
      region: { select: { overSubscriptionPercent: true } },
      sessions: {
        where: { date: { gte: utcDateFromIsoDate(todayInLondon()) } },
        select: {
          id: true,
          date: true,
          startTime: true,
          endTime: true,
          capacity: true,
          status: true,
          supervisor: { select: { name: true } },
          _count: { select: { allocations: { where: { status: "BOOKED" } } } },
        },
        orderBy: [{ date: "asc" }, { startTime: "asc" }],
        take: PLACEMENT_UPCOMING_SESSIONS,
      },
    },
  });
  if (!placement) return null;
  const { overSubscriptionPercent } = placement.region;
  return {
    ...placement,
    overSubscriptionPercent,
    sessions: placement.sessions.map(({ _count, ...session }) => ({
      ...session,
      booked: _count.allocations,
      limit: sessionLimit(session.capacity, overSubscriptionPercent),
    })),
  };
}

/** Active placements of the caller's region, for the new-session form's choice. */
export async function listPlacementChoices(user: AppUser) {
  return db.placement.findMany({
    where: { ...regionFilter(user), active: true },
    select: { id: true, name: true, type: true, capacity: true },
    orderBy: { name: "asc" },
  });
}

/** Active supervisors of a region (the only people create-session accepts). */
export async function listSupervisorChoices(regionId: string | null) {
  if (!regionId) return [];
  return db.user.findMany({
    where: { regionId, role: "SUPERVISOR", active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
