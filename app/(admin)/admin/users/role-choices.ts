import { ROLE_LABEL } from "@/server/auth/roles";

/** The roles, with what each may do, for the user forms. */
export const ROLE_CHOICES = [
  {
    value: "COORDINATOR",
    label: ROLE_LABEL.COORDINATOR,
    hint: "Takes in cases, assesses and books people; one region",
  },
  {
    value: "SUPERVISOR",
    label: ROLE_LABEL.SUPERVISOR,
    hint: "Runs their own sessions and records attendance; one region",
  },
  {
    value: "MANAGER",
    label: ROLE_LABEL.MANAGER,
    hint: "Everything a coordinator does, plus approvals, breaches and the dashboard; one region",
  },
  { value: "NATIONAL_LEAD", label: ROLE_LABEL.NATIONAL_LEAD, hint: "Dashboards for every region" },
  { value: "ADMIN", label: ROLE_LABEL.ADMIN, hint: "Users and reference data; no case records" },
];

export const ALL_REGIONS = { value: "ALL", label: "All regions (national leads and administrators)" };
