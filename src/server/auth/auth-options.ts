import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { authenticate } from "./authenticate";
import { isUserRole } from "./roles";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

/** Shown on the sign-in page for each failure code next-auth passes back. */
export const SIGN_IN_ERRORS = {
  INVALID_CREDENTIALS: "Enter a correct email address and password",
  TOO_MANY_ATTEMPTS: "You have entered the wrong password too many times. Wait 15 minutes, then try again",
} as const;

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 10 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email address", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("INVALID_CREDENTIALS");
        const forwarded = req?.headers?.["x-forwarded-for"];
        const ip = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
        const result = await authenticate(db, { ...parsed.data, ip }, {
          maxFailures: env().LOGIN_MAX_FAILURES,
          windowMinutes: env().LOGIN_WINDOW_MINUTES,
        });
        // next-auth passes a thrown error's message back to the sign-in form as its code.
        if (!result.ok) throw new Error(result.code);
        return { ...result.user };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: string; regionId: string | null; regionCode: string | null };
        token.uid = u.id;
        token.role = isUserRole(u.role) ? u.role : undefined;
        token.regionId = u.regionId;
        token.regionCode = u.regionCode;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid ?? "";
        session.user.role = token.role;
        session.user.regionId = token.regionId ?? null;
        session.user.regionCode = token.regionCode ?? null;
      }
      return session;
    },
  },
};
