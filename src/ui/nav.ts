import type { UserRole } from "@/generated/prisma/enums";

export type NavItem = { href: string; label: string };

/** Navigation that fits each role (issue 2). Only pages that exist are listed. */
export const NAV_BY_ROLE: Record<UserRole, NavItem[]> = {
  COORDINATOR: [
    { href: "/work-queue", label: "Work queue" },
    { href: "/cases", label: "Cases" },
    { href: "/placements", label: "Placements" },
    { href: "/sessions", label: "Sessions" },
  ],
  SUPERVISOR: [{ href: "/my-sessions", label: "My sessions" }],
  MANAGER: [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/approvals", label: "Approvals" },
    { href: "/work-queue", label: "Work queue" },
    { href: "/cases", label: "Cases" },
    { href: "/placements", label: "Placements" },
    { href: "/sessions", label: "Sessions" },
    { href: "/incidents", label: "Incidents" },
  ],
  NATIONAL_LEAD: [{ href: "/dashboard", label: "Dashboard" }],
  ADMIN: [
    { href: "/admin/users", label: "Users" },
    { href: "/admin/risk-codes", label: "Risk codes" },
    { href: "/admin/bank-holidays", label: "Bank holidays" },
    { href: "/admin/api-tokens", label: "API tokens" },
    { href: "/admin/regions", label: "Regions" },
    { href: "/admin/rule-dates", label: "Rule dates" },
  ],
};
