import "server-only";
import { isoDateFromUtcDate, sessionLimit, type IsoDate, type PlacementType } from "@/domain";

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
  placement: { select: { name: true, type: true, address: true, postcode: true, region: { select: { overSubscriptionPercent: true } } } },
  _count: { select: { allocations: { where: { status: "BOOKED" as const } } } },
} as const;

export type SessionRow = {
  id: string;
  date: Date;
  startTime: string;
  endTime: string;
  status: string;
  seriesId: string | null;
  capacity: number;
  placement: { name: string; type: PlacementType; address: string | null; postcode: string | null; region: { overSubscriptionPercent: number } };
  _count: { allocations: number };
};

export function summarise(row: SessionRow): SessionSummary {
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
    booked: row._count.allocations,
    limit,
    freePlaces: Math.max(0, limit - row._count.allocations),
  };
}

