import { z } from "zod";
import { plainText } from "@/server/input/plain-text";
import { DB_INT_MAX } from "../schemas";

// Administrators' user commands (decision 0072). Browser forms only: docs/api.md defines no user
// routes, so these schemas are not part of the JSON API.

export const USER_ROLES = ["COORDINATOR", "SUPERVISOR", "MANAGER", "NATIONAL_LEAD", "ADMIN"] as const;

const version = z.number().int().positive().max(DB_INT_MAX);
const role = z.enum(USER_ROLES, { message: "Choose the user's role" });
/** The region, or null for a national lead or an administrator (they work across all regions). */
const regionId = z.uuid("Choose a region").nullable();

export const createUserInput = z
  .object({
    name: plainText.pipe(
      z.string().trim().min(1, "Enter the user's full name").max(200, "Enter a name of 200 characters or fewer"),
    ),
    email: plainText.pipe(
      z
        .string()
        .trim()
        .toLowerCase()
        .min(1, "Enter the user's email address")
        .max(254, "Enter an email address of 254 characters or fewer")
        .pipe(z.email("Enter an email address in the right format, like name@example.com")),
    ),
    role,
    regionId,
  })
  .strict();
export type CreateUserInput = z.input<typeof createUserInput>;

export const changeUserAccessInput = z.object({ userId: z.uuid(), version, role, regionId }).strict();
export type ChangeUserAccessInput = z.input<typeof changeUserAccessInput>;

export const setUserActiveInput = z.object({ userId: z.uuid(), version, active: z.boolean() }).strict();
export type SetUserActiveInput = z.input<typeof setUserActiveInput>;

export const issuePasswordLinkInput = z.object({ userId: z.uuid(), version }).strict();
export type IssuePasswordLinkInput = z.input<typeof issuePasswordLinkInput>;

export const setPasswordWithLinkInput = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string().max(1000),
    confirmPassword: z.string().max(1000),
  })
  .strict();
export type SetPasswordWithLinkInput = z.input<typeof setPasswordWithLinkInput>;

/** What the administrator's pages and the audit see of a user (never the password hash). */
export type UserRecord = {
  id: string;
  name: string;
  email: string;
  role: (typeof USER_ROLES)[number];
  regionId: string | null;
  active: boolean;
  version: number;
};

export const userRecordSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  regionId: true,
  active: true,
  version: true,
} as const;

/** A one-time link to set a password: `path` (with its secret) is shown to the administrator this once and never stored. */
export type IssuedPasswordLink = { user: UserRecord; path: string; expiresAt: string };
