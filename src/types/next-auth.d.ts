import type { DefaultSession } from "next-auth";
import type { UserRole } from "@/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & {
      id: string;
      role?: UserRole;
      regionId: string | null;
      regionCode: string | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The SignInSession row this token belongs to. */
    sid?: string;
    /** The user's sessionVersion when the token was issued. */
    sv?: number;
    /** Seconds since the epoch when the person signed in: the absolute limit counts from here. */
    signedInAt?: number;
    role?: UserRole;
    regionId?: string | null;
    regionCode?: string | null;
  }
}
