import type { UserRole } from "@/generated/prisma/enums";

// When a browser sign-in stops being valid. Pure, so the rules are unit-tested without a clock or
// a database; src/server/auth/sessions.ts applies them to the rows on every request.

export type SessionPolicy = {
  /** Absolute lifetime from sign-in, whatever the activity (at most a working day). */
  maxHours: number;
  /** Office roles are signed out after this long without a request. */
  idleMinutes: number;
};

/** Roles whose sign-in never times out for inactivity: a supervisor's phone sits in a pocket on site all day. */
const NO_IDLE_TIMEOUT: readonly UserRole[] = ["SUPERVISOR"];

export const hasIdleTimeout = (role: UserRole): boolean => !NO_IDLE_TIMEOUT.includes(role);

export type SessionState = {
  session: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null; userId: string };
  user: { id: string; active: boolean; role: UserRole; sessionVersion: number };
  /** What the cookie's token says. */
  claims: { uid: string; sv: number };
};

export type SessionRefusal = "ENDED" | "OTHER_USER" | "DEACTIVATED" | "REVOKED" | "EXPIRED" | "IDLE";

/** The moment a sign-in ends however active the person is. */
export const sessionEndsAt = (createdAt: Date, policy: SessionPolicy): Date =>
  new Date(createdAt.getTime() + policy.maxHours * 3_600_000);

/** Why a sign-in is no longer valid, or null when it is. */
export function sessionRefusal(state: SessionState, now: Date, policy: SessionPolicy): SessionRefusal | null {
  const { session, user, claims } = state;
  if (session.endedAt) return "ENDED";
  if (session.userId !== claims.uid || user.id !== claims.uid) return "OTHER_USER";
  if (!user.active) return "DEACTIVATED";
  // Raised on sign-out everywhere, deactivation, role or region change and password reset.
  if (user.sessionVersion !== claims.sv) return "REVOKED";
  if (now.getTime() >= sessionEndsAt(session.createdAt, policy).getTime()) return "EXPIRED";
  if (hasIdleTimeout(user.role) && now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000)
    return "IDLE";
  return null;
}
