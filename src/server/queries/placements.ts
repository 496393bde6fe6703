import "server-only";
import { regionFilter, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";

export const PLACEMENTS_PER_PAGE = 50;

/** The placements (projects) of the caller's region, active ones first, for the placements page. */
export async function listPlacements(user: AppUser, options: { page: number }) {
  const where = regionFilter(user);
  const [total, placements] = await Promise.all([
    db.placement.count({ where }),
    db.placement.findMany({
      where,
      select: {
        id: true,
        name: true,
        type: true,
        address: true,
        postcode: true,
        capacity: true,
        features: true,
        needsMinibus: true,
        active: true,
        pdu: { select: { name: true } },
        beneficiary: { select: { name: true, kind: true } },
      },
      orderBy: [{ active: "desc" }, { name: "asc" }],
      skip: (options.page - 1) * PLACEMENTS_PER_PAGE,
      take: PLACEMENTS_PER_PAGE,
    }),
  ]);
  return { total, placements, pageCount: Math.max(1, Math.ceil(total / PLACEMENTS_PER_PAGE)) };
}
