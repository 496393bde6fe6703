import type { UserRole } from "@/generated/prisma/enums";

// THE ACCESS TABLE: which roles may do what, stated once. Pages (requirePageUser), server
// actions (formAction's `permission`), the JSON API (a route spec's `permission`) and the
// services (assertCan) all read this table; none of them lists roles itself. Region and
// record scope (another region's record is 404, a restricted case only for its named users)
// stay in the scoped lookups of src/server/auth/access.ts.
//
// Adding a command or a view: add ONE row here (resource.action), then name it where it is
// enforced. `personalData: true` marks a row that shows or changes a person on probation's
// details (names, dates of birth, risk, attendance, notes). The access-matrix tests call
// every API route and every server action as every role and expect exactly this table, and a
// unit test holds that administrators have no row with personal data (they keep reference
// data only) and that the national lead's only one is the dashboard's case lists
// (decision 0032).

const OFFICE = ["COORDINATOR", "MANAGER"] as const satisfies readonly UserRole[];
const SESSION_STAFF = ["SUPERVISOR", "COORDINATOR", "MANAGER"] as const satisfies readonly UserRole[];
const DASHBOARD_READERS = ["MANAGER", "NATIONAL_LEAD"] as const satisfies readonly UserRole[];
const EVERYONE = [
  "COORDINATOR",
  "SUPERVISOR",
  "MANAGER",
  "NATIONAL_LEAD",
  "ADMIN",
] as const satisfies readonly UserRole[];

export type AccessRow = {
  roles: readonly UserRole[];
  personalData: boolean;
  /** What the row allows, in plain words (the README's table is written from these). */
  means: string;
};

export const ACCESS_TABLE = {
  // Cases (a requirement, its person and order)
  "case.list": { roles: OFFICE, personalData: true, means: "list and search cases" },
  "case.read": {
    roles: OFFICE,
    personalData: true,
    means: "open a case with its risk information, forms, work instruction and letters",
  },
  "case.create": { roles: OFFICE, personalData: true, means: "take in new cases, one at a time or from a CSV file" },
  "case.assess": { roles: OFFICE, personalData: true, means: "record or change the assessment" },
  "case.terminate": { roles: ["MANAGER"], personalData: true, means: "end a requirement early" },
  "ete.credit": { roles: OFFICE, personalData: true, means: "credit education, training or employment time" },
  "ete.correct": {
    roles: OFFICE,
    personalData: true,
    means: "correct or remove an education, training or employment credit, with a reason",
  },
  "extension.record": { roles: OFFICE, personalData: true, means: "record a court extension" },
  "review.record": { roles: OFFICE, personalData: true, means: "record a 6-month, 9-month or other review" },
  "enforcement.read": { roles: OFFICE, personalData: true, means: "read a case's warnings and breaches" },
  "enforcement.start": { roles: OFFICE, personalData: true, means: "give a warning or start a breach" },
  "enforcement.outcome": { roles: ["MANAGER"], personalData: true, means: "record a breach's court outcome" },
  "enforcement.withdraw": {
    roles: ["MANAGER"],
    personalData: true,
    means: "withdraw a warning or breach with a reason",
  },
  "enforcement.explain": {
    roles: OFFICE,
    personalData: true,
    means: "ask a person to explain a failure, with a date to answer by",
  },
  "transfer.request": { roles: OFFICE, personalData: true, means: "ask for a case to move to another region" },
  "transfer.decide": {
    roles: ["MANAGER"],
    personalData: true,
    means: "see a short summary of the cases other regions ask to move to yours, and accept or decline them",
  },
  "person.address": { roles: OFFICE, personalData: true, means: "record a person's postal address for their letters" },
  // Placements, sessions, bookings, attendance
  "placement.read": { roles: OFFICE, personalData: false, means: "see placements and their sessions" },
  "placement.create": { roles: OFFICE, personalData: false, means: "add a placement" },
  "session.create": { roles: OFFICE, personalData: false, means: "add sessions, one or a weekly series" },
  "session.read": {
    roles: SESSION_STAFF,
    personalData: true,
    means: "open a session with its roster and each person's risks",
  },
  "session.run": { roles: ["SUPERVISOR"], personalData: true, means: "run your own sessions" },
  "session.close": { roles: SESSION_STAFF, personalData: false, means: "close a session once every outcome is in" },
  "allocation.create": { roles: OFFICE, personalData: true, means: "book people on sessions" },
  "allocation.change": { roles: OFFICE, personalData: true, means: "cancel or move a booking" },
  "allocation.overrideRequest": {
    roles: OFFICE,
    personalData: true,
    means: "ask a manager to override a risk or capacity refusal of a booking",
  },
  "session.change": {
    roles: OFFICE,
    personalData: true,
    means: "change a session's times, supervisor or places, stand it down or cancel it",
  },
  "placement.change": { roles: OFFICE, personalData: false, means: "edit, close or reopen a placement" },
  "attendance.record": { roles: SESSION_STAFF, personalData: true, means: "record or correct attendance" },
  "incident.record": { roles: SESSION_STAFF, personalData: true, means: "record an incident on a session" },
  "incident.list": { roles: ["MANAGER"], personalData: true, means: "see the region's incidents" },
  // Approvals and dashboards
  "approval.list": { roles: ["MANAGER"], personalData: true, means: "see approvals waiting for a decision" },
  "approval.decide": { roles: ["MANAGER"], personalData: true, means: "approve or reject an exception" },
  "dashboard.read": { roles: DASHBOARD_READERS, personalData: false, means: "see dashboard figures and trends" },
  "dashboard.cases": { roles: DASHBOARD_READERS, personalData: true, means: "see the cases behind a dashboard figure" },
  "region.autoEnforcement": {
    roles: ["MANAGER"],
    personalData: false,
    means: "switch automatic warnings and breaches on or off for the region",
  },
  // Administration (reference data only)
  "case.earnedReduction": {
    roles: OFFICE,
    personalData: true,
    means: "record the responsible officer's view on an earned reduction of hours",
  },
  "admin.reference": { roles: ["ADMIN"], personalData: false, means: "manage users and reference data" },
  "admin.apiTokens": { roles: ["ADMIN"], personalData: false, means: "create and revoke API tokens" },
  // The caller themself
  "self.read": { roles: EVERYONE, personalData: false, means: "see your own sign-in details" },
} as const satisfies Record<string, AccessRow>;

export type Permission = keyof typeof ACCESS_TABLE;

export const PERMISSIONS = Object.keys(ACCESS_TABLE) as Permission[];

/** The roles the table allows for a permission. */
export const rolesFor = (permission: Permission): readonly UserRole[] => ACCESS_TABLE[permission].roles;

/** True when the table lets this role do this. */
export const roleCan = (role: UserRole, permission: Permission): boolean => rolesFor(permission).includes(role);
