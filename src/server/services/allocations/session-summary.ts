import "server-only";
import { isoDateFromUtcDate, sessionLimit, type IsoDate, type PlacementType } from "@/domain";
import type { Tx } from "@/server/db/create-client";

// A session as the allocation pages show it: when, where, and its places in words
// (booked, capacity, the region's over-booking limit). One select, one mapping.

export type SessionSummary = {
  id: string;
  date: IsoDate;
  startTime: string;
  endTime: string;
  status: string;
  seriesId: string | null;
  placementName: string;
  placementType: PlacementType;
  address: string | null;
  capacity: number;
  booked: number;
  limit: number;
  freePlaces: number;
};

export const sessionSelect = {
  id: true,
  date: true,
  startTime: true,
  endTime: true,
  status: true,
  seriesId: true,
  capacity: true,
  placement: {
    select: {
      name: true,
      type: true,
      address: true,
      postcode: true,
      region: { select: { overSubscriptionPercent: true } },
    },
  },
} as const;

export type SessionRow = {
  id: string;
  date: Date;
  startTime: string;
  endTime: string;
  status: string;
  seriesId: string | null;
  capacity: number;
  placement: {
    name: string;
    type: PlacementType;
    address: string | null;
    postcode: string | null;
    region: { overSubscriptionPercent: number };
  };
};

/**
 * People booked on each session, in one grouped count over the page's sessions only (a relation
 * count in the session query aggregated every booking in the database: 3 million at scale).
 */
export async function bookedCounts(tx: Tx, sessionIds: readonly string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await tx.allocation.groupBy({
    by: ["sessionId"],
    where: { sessionId: { in: [...sessionIds] }, status: "BOOKED" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.sessionId, r._count._all]));
}

export function summarise(row: SessionRow, counts: ReadonlyMap<string, number>): SessionSummary {
  const booked = counts.get(row.id) ?? 0;
  const limit = sessionLimit(row.capacity, row.placement.region.overSubscriptionPercent);
  return {
    id: row.id,
    date: isoDateFromUtcDate(row.date),
    startTime: row.startTime,
    endTime: row.endTime,
    status: row.status,
    seriesId: row.seriesId,
    placementName: row.placement.name,
    placementType: row.placement.type,
    address: [row.placement.address, row.placement.postcode].filter(Boolean).join(", ") || null,
    capacity: row.capacity,
    booked,
    limit,
    freePlaces: Math.max(0, limit - booked),
  };
}
