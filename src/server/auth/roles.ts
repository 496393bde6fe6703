import type { UserRole } from "@/generated/prisma/enums";

/** Plain-English role names shown in the header and admin pages. */
export const ROLE_LABEL: Record<UserRole, string> = {
  COORDINATOR: "Placement coordinator",
  SUPERVISOR: "Supervisor",
  MANAGER: "Regional manager",
  NATIONAL_LEAD: "National lead",
  ADMIN: "Administrator",
};

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<UserRole, string> = {
  COORDINATOR: "/work-queue",
  SUPERVISOR: "/my-sessions",
  MANAGER: "/dashboard",
  NATIONAL_LEAD: "/dashboard",
  ADMIN: "/admin/users",
};

/** Roles whose access is limited to one region; the others see every region. */
export const REGIONAL_ROLES: readonly UserRole[] = ["COORDINATOR", "SUPERVISOR", "MANAGER"];

export const isUserRole = (value: unknown): value is UserRole => typeof value === "string" && value in ROLE_LABEL;
