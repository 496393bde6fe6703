import { Prisma } from "@/generated/prisma/client";
import type { UserRole } from "@/generated/prisma/enums";
import { ACCESS_TABLE, roleCan, type Permission } from "./permissions";
import { REGIONAL_ROLES } from "./roles";

/** The signed-in person as every service sees them, whether they came by browser or API token. */
export type AppUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  regionId: string | null;
  regionCode: string | null;
};

/**
 * The AppUser of a user row and its region's code: only these fields, so a row's password hash,
 * active flag or session version never travel with the user (sign-in, browser session, API token).
 */
export const appUserFrom = (user: Omit<AppUser, "regionCode">, regionCode: string | null | undefined): AppUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  regionId: user.regionId,
  regionCode: regionCode ?? null,
});

export type AccessErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND";

/** Thrown by the authorisation helpers; pages turn it into a redirect or 404, the API into 401/403/404. */
export class AccessError extends Error {
  constructor(
    readonly code: AccessErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AccessError";
  }
  get status(): 401 | 403 | 404 {
    return this.code === "UNAUTHENTICATED" ? 401 : this.code === "FORBIDDEN" ? 403 : 404;
  }
}

export const notFound = (what = "record") => new AccessError("NOT_FOUND", `The ${what} could not be found`);

/** True when the access table (./permissions.ts) lets the caller's role do this. */
export const can = (user: Pick<AppUser, "role">, permission: Permission): boolean => roleCan(user.role, permission);

/** The access table's check: refuses with 403 when the caller's role may not do this at all. */
export function assertCan(user: AppUser, permission: Permission): void {
  if (!can(user, permission)) {
    throw new AccessError("FORBIDDEN", `Your role does not allow you to ${ACCESS_TABLE[permission].means}.`);
  }
}

/**
 * A note marked sensitive is shown only to managers and the case's own coordinator — never to
 * another coordinator of the region, a supervisor or anyone else. Every reader of notes uses this.
 */
export const seesSensitiveNotes = (user: Pick<AppUser, "id" | "role">, caseCoordinatorId: string | null): boolean =>
  user.role === "MANAGER" ||
  (user.role === "COORDINATOR" && caseCoordinatorId !== null && caseCoordinatorId === user.id);

/** True when the user works across all regions (national lead, administrator). */
export const seesAllRegions = (user: AppUser): boolean => !REGIONAL_ROLES.includes(user.role);

/** Region scope: records outside the caller's region are reported as not found (404), never 403. */
export function assertRegion(user: AppUser, regionId: string, what = "record"): void {
  if (!seesAllRegions(user) && user.regionId !== regionId) throw notFound(what);
}

/** A region filter for queries: the caller's region, or every region. */
export function regionFilter(user: AppUser): { regionId?: string } {
  return seesAllRegions(user) ? {} : { regionId: user.regionId ?? "00000000-0000-0000-0000-000000000000" };
}

/**
 * Which requirements (cases) a user may open: their region, and for a restricted case only
 * the named users. Supervisors reach people only through their own sessions' rosters.
 */
export function visibleRequirementsWhere(user: AppUser): Prisma.RequirementWhereInput {
  if (user.role === "SUPERVISOR") {
    return {
      ...regionFilter(user),
      restricted: false,
      allocations: { some: { session: { supervisorId: user.id } } },
    };
  }
  return {
    ...regionFilter(user),
    OR: [{ restricted: false }, { access: { some: { userId: user.id } } }],
  };
}

/**
 * visibleRequirementsWhere as a SQL condition on requirement `r`, for reads written as one
 * statement (the API case list). The same three rules, side by side with the where clause above:
 * change both together (tests/integration/case-list-one-query.test.ts proves they select the same).
 */
export function visibleRequirementsSql(user: AppUser): Prisma.Sql {
  const region = seesAllRegions(user)
    ? Prisma.sql`TRUE`
    : Prisma.sql`r."regionId" = ${user.regionId ?? "00000000-0000-0000-0000-000000000000"}::uuid`;
  if (user.role === "SUPERVISOR") {
    return Prisma.sql`(${region} AND NOT r."restricted" AND EXISTS (
      SELECT 1 FROM "Allocation" al JOIN "Session" se ON se."id" = al."sessionId"
      WHERE al."requirementId" = r."id" AND se."supervisorId" = ${user.id}::uuid))`;
  }
  return Prisma.sql`(${region} AND (NOT r."restricted" OR EXISTS (
    SELECT 1 FROM "RequirementAccess" ra WHERE ra."requirementId" = r."id" AND ra."userId" = ${user.id}::uuid)))`;
}

/** Which sessions a user may open: supervisors only their own; others their region's. */
export function visibleSessionsWhere(user: AppUser): Prisma.SessionWhereInput {
  if (user.role === "SUPERVISOR") return { supervisorId: user.id };
  return seesAllRegions(user) ? {} : { placement: { regionId: user.regionId ?? "" } };
}
