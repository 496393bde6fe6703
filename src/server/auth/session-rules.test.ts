import { describe, expect, it } from "vitest";
import { sessionEndsAt, sessionRefusal, type SessionState } from "./session-rules";

const policy = { maxHours: 10, idleMinutes: 30 };
const signedIn = new Date("2026-12-03T08:00:00Z");
const minutes = (n: number) => new Date(signedIn.getTime() + n * 60_000);

const state = (
  over: {
    role?: SessionState["user"]["role"];
    lastSeenAt?: Date;
    endedAt?: Date | null;
    sv?: number;
    active?: boolean;
  } = {},
): SessionState => ({
  session: {
    createdAt: signedIn,
    lastSeenAt: over.lastSeenAt ?? signedIn,
    endedAt: over.endedAt ?? null,
    userId: "u1",
  },
  user: { id: "u1", active: over.active ?? true, role: over.role ?? "COORDINATOR", sessionVersion: over.sv ?? 0 },
  claims: { uid: "u1", sv: 0 },
});

describe("when a sign-in stops being valid", () => {
  it("is valid while active, within the working day", () => {
    expect(sessionRefusal(state({ lastSeenAt: minutes(500) }), minutes(520), policy)).toBeNull();
  });

  it("ends for everyone 10 hours after signing in, however active", () => {
    expect(sessionEndsAt(signedIn, policy)).toEqual(minutes(600));
    expect(sessionRefusal(state({ lastSeenAt: minutes(599) }), minutes(600), policy)).toBe("EXPIRED");
    expect(sessionRefusal(state({ role: "SUPERVISOR", lastSeenAt: minutes(599) }), minutes(600), policy)).toBe(
      "EXPIRED",
    );
  });

  it("ends an office sign-in after 30 minutes without a request, but not a supervisor's", () => {
    expect(sessionRefusal(state({ lastSeenAt: minutes(10) }), minutes(39), policy)).toBeNull();
    expect(sessionRefusal(state({ lastSeenAt: minutes(10) }), minutes(40), policy)).toBe("IDLE");
    expect(sessionRefusal(state({ role: "MANAGER", lastSeenAt: minutes(10) }), minutes(40), policy)).toBe("IDLE");
    expect(sessionRefusal(state({ role: "SUPERVISOR", lastSeenAt: minutes(10) }), minutes(300), policy)).toBeNull();
  });

  it("ends when signed out, when the user is deactivated, or when their sessions were ended", () => {
    expect(sessionRefusal(state({ endedAt: minutes(5) }), minutes(6), policy)).toBe("ENDED");
    expect(sessionRefusal(state({ active: false }), minutes(6), policy)).toBe("DEACTIVATED");
    expect(sessionRefusal(state({ sv: 1 }), minutes(6), policy)).toBe("REVOKED");
  });
});
