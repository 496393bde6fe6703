import "server-only";
import type { NextAuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { plainText } from "@/server/input/plain-text";
import { authenticate } from "./authenticate";
import { safeCallbackPath } from "./callback-url";
import { clientAddress } from "./client-address";
import { isUserRole } from "./roles";
import {
  claimsOf,
  endSignInSession,
  servedOverHttps,
  sessionPolicy,
  startSignInSession,
  verifySession,
} from "./sessions";

const credentialsSchema = z.object({
  email: plainText.trim().min(1).max(320),
  password: plainText.min(1).max(200),
});

const sessionSeconds = (): number => Math.round(sessionPolicy().maxHours * 3600);

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  // Secure, `__Secure-` prefixed cookies whenever the public address (NEXTAUTH_URL) is https.
  useSecureCookies: servedOverHttps(),
  session: { strategy: "jwt", maxAge: sessionSeconds() },
  jwt: {
    // The token's own lifetime is the session's: next-auth's default would be 30 days.
    maxAge: sessionSeconds(),
    // next-auth renews the token's expiry on every session read; pin it to the sign-in time
    // instead, so `exp` never passes the absolute limit however often the session is read.
    encode: async (params) => {
      const signedInAt =
        typeof params.token?.signedInAt === "number" ? params.token.signedInAt : Math.floor(Date.now() / 1000);
      const remaining = Math.max(1, signedInAt + sessionSeconds() - Math.floor(Date.now() / 1000));
      return encode({ ...params, maxAge: Math.min(params.maxAge ?? remaining, remaining) });
    },
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email address", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("INVALID_CREDENTIALS");
        const ip = clientAddress(req?.headers?.["x-forwarded-for"], env().TRUSTED_PROXY_COUNT);
        const result = await authenticate(db, { ...parsed.data, ip });
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
        const started = await startSignInSession(db, u.id);
        token.uid = u.id;
        token.sid = started.sid;
        token.sv = started.sv;
        token.signedInAt = Math.floor(started.createdAt.getTime() / 1000);
        token.role = isUserRole(u.role) ? u.role : undefined;
        token.regionId = u.regionId;
        token.regionCode = u.regionCode;
        return token;
      }
      // Every later read (GET /api/auth/session) checks the session is still live on the server;
      // throwing makes next-auth clear the cookie and answer with no session.
      const claims = claimsOf(token);
      const verified = claims ? await verifySession(db, claims) : null;
      if (!verified?.ok) throw new Error("SESSION_ENDED");
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
    // An invalid or off-site callbackUrl goes home instead of failing (next-auth's default throws on a malformed URL).
    async redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl), baseUrl).href;
    },
  },
  events: {
    // "Sign out" ends this sign-in on the server; other devices stay signed in ("Sign out everywhere" ends those).
    async signOut({ token }) {
      const claims = claimsOf(token);
      if (claims) await endSignInSession(db, claims.sid);
    },
  },
};
