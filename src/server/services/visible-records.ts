import "server-only";
import { isoDateFromUtcDate, type IsoDate } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { RequirementStatus, SessionStatus } from "@/generated/prisma/enums";
import { notFound, visibleRequirementsWhere, visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { isUuid } from "./uuid";

// The scoped lookups that turn "not yours" into not found: a requirement (case) or a session the caller may see.

export interface VisibleRequirement {
  id: string;
  regionId: string;
  personId: string;
  orderId: string;
  coordinatorId: string | null;
  status: RequirementStatus;
  version: number;
}

/** A requirement (case) the caller may see, or AccessError NOT_FOUND — never "forbidden" for records they cannot see. */
export async function requireVisibleRequirement(tx: Tx, actor: AppUser, id: string): Promise<VisibleRequirement> {
  if (!isUuid(id)) throw notFound("case");
  const requirement = await tx.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(actor), { id }] },
    select: {
      id: true,
      regionId: true,
      personId: true,
      orderId: true,
      coordinatorId: true,
      status: true,
      version: true,
    },
  });
  if (!requirement) throw notFound("case");
  return requirement;
}

export interface VisibleSession {
  id: string;
  placementId: string;
  regionId: string;
  date: IsoDate;
  startTime: string;
  endTime: string;
  supervisorId: string | null;
  capacity: number;
  status: SessionStatus;
  version: number;
}

const visibleSessionSelect = {
  id: true,
  placementId: true,
  date: true,
  startTime: true,
  endTime: true,
  supervisorId: true,
  capacity: true,
  status: true,
  version: true,
  placement: { select: { regionId: true } },
} satisfies Prisma.SessionSelect;

function toVisibleSession(row: Prisma.SessionGetPayload<{ select: typeof visibleSessionSelect }>): VisibleSession {
  const { placement, date, ...rest } = row;
  return { ...rest, date: isoDateFromUtcDate(date), regionId: placement.regionId };
}

/** A session the caller may see, or AccessError NOT_FOUND. */
export async function requireVisibleSession(tx: Tx, actor: AppUser, id: string): Promise<VisibleSession> {
  if (!isUuid(id)) throw notFound("session");
  const session = await tx.session.findFirst({
    where: { AND: [visibleSessionsWhere(actor), { id }] },
    select: visibleSessionSelect,
  });
  if (!session) throw notFound("session");
  return toVisibleSession(session);
}
